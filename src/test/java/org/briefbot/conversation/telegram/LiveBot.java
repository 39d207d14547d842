package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.app.LiveLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.conversation.Library;
import org.briefbot.store.ResilientStore;
import org.slf4j.LoggerFactory;

/**
 * The real bot (real library, real answering core, real store) against a {@link FakeBotApi}, for
 * end-to-end tests. Closing it closes the bot and, when it started them, the fake and the store's
 * SQLite file; a bot with a fake and store of its own also checks that no thread of ours is left.
 * Closing always checks that the token was never logged, and detaches the log capture.
 */
final class LiveBot implements AutoCloseable {
  static final String TOKEN = "123456789:AAH-test_Token-never-to-be-logged";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final long USER = 4242L;
  static final long ADMIN = 1717L;
  static final long GROUP = -100777L;
  static final String SECRET_VARIABLE = "TEST_WEBHOOK_SECRET";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final FakeBotApi api;
  final TelegramBot bot;
  final ResilientStore store;
  private final boolean alone;
  private final Optional<Path> storeFolder;

  /** Read under its own lock: logback appends to it holding that lock, not the list's. */
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  private final List<Logger> captured;

  private LiveBot(
      FakeBotApi api,
      boolean alone,
      Library library,
      String storeUrl,
      Optional<Path> storeFolder,
      BriefbotConfig config,
      Map<String, String> env) {
    this(api, alone, library, storeUrl, storeFolder, config, env, Faults.NONE);
  }

  /**
   * How long faults are ridden out and replies paced: the bot's {@link TelegramBot.Tuning} and the
   * store's pause after a failure. Shorter than production's, so that a 2 s outage is as good as a
   * minute and a test of five replies does not wait five seconds for Telegram's pacing; tests wait
   * for what the bot does, never for these times, so only the gaps between its steps shrink. {@code
   * StartupIT} and {@code TelegramLauncherIT} start the bot with production's.
   */
  record Faults(TelegramBot.Tuning tuning, Duration storeRetry) {
    /**
     * Telegram's limits scaled down (a reply per chat every 50 ms rather than every second, 300
     * requests a second rather than 30); the limiter still paces every send.
     */
    static final RateLimits PACING = new RateLimits(Duration.ofMillis(50), 20, 300);

    /**
     * Retries within about 4.5 s (0.1 s doubling to 1 s, 8 attempts), {@link #PACING}, no grace for
     * the webhook on closing (the JDK server would wait it out even when idle), and a request left
     * hanging by an outage fails after 3 s rather than 30.
     */
    static final TelegramBot.Tuning QUICK =
        new TelegramBot.Tuning(
            new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(1)),
            new RetryPolicy(1, Duration.ofMillis(100), Duration.ofSeconds(1)),
            PACING,
            Duration.ZERO,
            Duration.ofSeconds(3));

    /** {@link #QUICK}, with the store's production pause after a failure. */
    static final Faults NONE = new Faults(QUICK, Duration.ofSeconds(5));

    /** {@link #QUICK}, with the store retried after 0.2 s. */
    static final Faults FAST = new Faults(QUICK, Duration.ofMillis(200));
  }

  private LiveBot(
      FakeBotApi api,
      boolean alone,
      Library library,
      String storeUrl,
      Optional<Path> storeFolder,
      BriefbotConfig config,
      Map<String, String> env,
      Faults faults) {
    this(api, alone, library, storeUrl, storeFolder, config, env, faults, Optional.empty());
  }

  private LiveBot(
      FakeBotApi api,
      boolean alone,
      Library library,
      String storeUrl,
      Optional<Path> storeFolder,
      BriefbotConfig config,
      Map<String, String> env,
      Faults faults,
      Optional<WebhookHost> host) {
    this.api = api;
    this.alone = alone;
    this.storeFolder = storeFolder;
    this.captured = List.of(logger("org.briefbot"), logger("org.telegram"));
    logs.start();
    captured.forEach(l -> l.addAppender(logs));
    Map<String, String> withApi = new HashMap<>(env);
    withApi.put(TelegramSettings.API_URL_ENV, api.baseUrl());
    this.store = ResilientStore.open(storeUrl, Clock.systemUTC(), faults.storeRetry());
    TelegramSettings settings = TelegramSettings.from(config, withApi);
    this.bot =
        host.isPresent()
            ? TelegramBot.start(library, store, settings, TOKEN, faults.tuning(), host.get())
            : TelegramBot.start(library, store, settings, TOKEN, faults.tuning());
  }

  /** Long polling against {@code api}, with these waits, a fresh SQLite store and these admins. */
  static LiveBot polling(Library library, Faults faults, List<Long> admins) {
    Path folder = temporaryFolder();
    return new LiveBot(
        new FakeBotApi(),
        true,
        library,
        sqlite(folder),
        Optional.of(folder),
        config(BriefbotConfig.defaults().telegram(), admins),
        Map.of(),
        faults);
  }

  /**
   * Long polling against a fake others use too (a restart: one bot after another), keeping state at
   * {@code storeUrl}. Closing it leaves the fake running.
   */
  static LiveBot pollingOn(FakeBotApi api, Library library, String storeUrl, Faults faults) {
    return new LiveBot(
        api,
        false,
        library,
        storeUrl,
        Optional.empty(),
        config(BriefbotConfig.defaults().telegram(), List.of()),
        Map.of(),
        faults);
  }

  /** Webhook mode expecting {@code secret}, against a fresh fake, with a fresh SQLite store. */
  static LiveBot webhook(Library library, String secret, Faults faults) {
    return webhook(library, secret, faults, Optional.empty());
  }

  /** Webhook mode expecting {@code secret}, served on {@code host} (a shared server). */
  static LiveBot webhookOn(Library library, String secret, WebhookHost host) {
    return webhook(library, secret, Faults.NONE, Optional.of(host));
  }

  private static LiveBot webhook(
      Library library, String secret, Faults faults, Optional<WebhookHost> host) {
    Path folder = temporaryFolder();
    return new LiveBot(
        new FakeBotApi(),
        true,
        library,
        sqlite(folder),
        Optional.of(folder),
        webhookConfig(),
        Map.of(SECRET_VARIABLE, secret),
        faults,
        host);
  }

  /** The SQLite file of a fresh store, for tests that delete it. */
  Path storeFile() {
    return storeFolder.orElseThrow().resolve("briefbot.db");
  }

  /** Log lines (message only, no stack trace) at {@code level} or above from briefbot's loggers. */
  List<String> logLines(ch.qos.logback.classic.Level level) {
    synchronized (logs) {
      return logs.list.stream()
          .filter(e -> e.getLevel().isGreaterOrEqual(level))
          .map(e -> e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage())
          .toList();
    }
  }

  /** Log events that carry a stack trace. */
  long stackTraces() {
    synchronized (logs) {
      return logs.list.stream().filter(e -> e.getThrowableProxy() != null).count();
    }
  }

  /** Long polling against a fresh fake, with a fresh SQLite store and no admins. */
  static LiveBot polling(Library library) {
    return polling(library, List.of());
  }

  /** Long polling against a fresh fake, with a fresh SQLite store and these admins. */
  static LiveBot polling(Library library, List<Long> admins) {
    return polling(library, Faults.NONE, admins);
  }

  /** Long polling against a fresh fake, keeping state in the store at {@code storeUrl}. */
  static LiveBot polling(Library library, String storeUrl) {
    return polling(library, storeUrl, List.of());
  }

  /**
   * Long polling against a fresh fake, keeping state in the store at {@code storeUrl}, with these
   * admins.
   */
  static LiveBot polling(Library library, String storeUrl, List<Long> admins) {
    return new LiveBot(
        new FakeBotApi(),
        true,
        library,
        storeUrl,
        Optional.empty(),
        config(BriefbotConfig.defaults().telegram(), admins),
        Map.of());
  }

  /**
   * Webhook mode on a free port, expecting {@code secret}, against a fresh fake, with a fresh
   * SQLite store.
   */
  static LiveBot webhook(Library library, String secret) {
    return webhook(library, secret, Faults.NONE);
  }

  /**
   * A replica: webhook mode on a free port against a fake other replicas share, keeping state in
   * the store at {@code storeUrl}. Closing it leaves the fake running and does not count threads:
   * the other replicas' are still there.
   */
  static LiveBot replica(FakeBotApi api, Library library, String secret, String storeUrl) {
    return new LiveBot(
        api,
        false,
        library,
        storeUrl,
        Optional.empty(),
        webhookConfig(),
        Map.of(SECRET_VARIABLE, secret));
  }

  private static BriefbotConfig webhookConfig() {
    BriefbotConfig.TelegramConfig defaults = BriefbotConfig.defaults().telegram();
    BriefbotConfig.WebhookConfig webhook =
        new BriefbotConfig.WebhookConfig(
            "https://bot.example.org/telegram", 0, "/telegram", SECRET_VARIABLE);
    return config(
        new BriefbotConfig.TelegramConfig(
            Delivery.WEBHOOK, defaults.apiUrl(), webhook, defaults.contextMinutes()),
        List.of());
  }

  /** The tests' config with this Telegram section and these admins. */
  static BriefbotConfig config(BriefbotConfig.TelegramConfig telegram, List<Long> admins) {
    BriefbotConfig d = TestConfig.defaults();
    return new BriefbotConfig(
        d.knowledge(), d.retrieval(), d.answer(), telegram, admins, d.store(), d.web());
  }

  /**
   * The live knowledge over {@code knowledge} with the tests' settings and shared model; not
   * watching the folder.
   */
  static LiveLibrary library(Path knowledge) {
    return TestConfig.live(TestConfig.defaults(), knowledge);
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("briefbot-livebot-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sqlite(Path folder) {
    return "jdbc:sqlite:" + folder.resolve("briefbot.db");
  }

  /**
   * Posts {@code update} to this bot's webhook as Telegram would, with {@code secret}; the HTTP
   * status.
   */
  int post(String update, String secret) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + bot.webhookPort().getAsInt() + "/telegram"))
            .header("Content-Type", "application/json")
            .header(WebhookReceiver.SECRET_HEADER, secret)
            .POST(HttpRequest.BodyPublishers.ofString(update))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while posting an update", e);
    }
  }

  /** The first sendMessage whose text satisfies {@code p}. */
  FakeBotApi.Recorded awaitSent(Predicate<String> p) {
    return api.awaitRequest("sendMessage", r -> p.test(r.param("text")), WAIT);
  }

  FakeBotApi.Recorded awaitSentContaining(String text) {
    return awaitSent(t -> t.contains(text));
  }

  /** The texts of every sendMessage so far, in order. */
  List<String> sentTexts() {
    return api.requests("sendMessage").stream().map(r -> r.param("text")).toList();
  }

  /** callback_data of the button whose label starts with {@code label}, in a recorded message. */
  static String callbackData(FakeBotApi.Recorded message, String label) {
    for (JsonNode row : message.params().at("/reply_markup/inline_keyboard")) {
      for (JsonNode button : row) {
        if (button.path("text").asText().startsWith(label)) {
          return button.path("callback_data").asText();
        }
      }
    }
    throw new AssertionError(
        "no button starting with '" + label + "' in " + message.params().path("reply_markup"));
  }

  static List<String> buttonLabels(FakeBotApi.Recorded message) {
    List<String> labels = new java.util.ArrayList<>();
    message
        .params()
        .at("/reply_markup/inline_keyboard")
        .forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
    return labels;
  }

  /** The message id the fake gave a recorded sendMessage (ids count up from 1 per fake). */
  int messageIdOf(FakeBotApi.Recorded sent) {
    return api.requests("sendMessage").indexOf(sent) + 1;
  }

  /** Everything logged so far by briefbot and TelegramBots, formatted, with stack traces. */
  String log() {
    synchronized (logs) {
      return logs.list.stream().map(LiveBot::format).collect(Collectors.joining("\n"));
    }
  }

  private static String format(ILoggingEvent e) {
    StringBuilder out =
        new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage());
    for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      out.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
      for (var frame : t.getStackTraceElementProxyArray()) {
        out.append("\n    ").append(frame.getSTEAsString());
      }
    }
    return out.toString();
  }

  private static Logger logger(String name) {
    return (Logger) LoggerFactory.getLogger(name);
  }

  @Override
  public void close() {
    try {
      bot.close();
    } finally {
      if (alone) {
        api.close();
      }
      captured.forEach(l -> l.detachAppender(logs));
      storeFolder.ifPresent(LiveBot::delete);
    }
    if (alone) {
      assertThat(ourThreads()).as("threads left after close").isEmpty();
    }
    assertThat(log())
        .as("the log")
        .doesNotContain(TOKEN)
        .doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the test store " + folder, e);
    }
  }

  /** Live threads of ours, given a moment to finish exiting. */
  static Set<String> ourThreads() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Set<String> alive;
    do {
      alive =
          Thread.getAllStackTraces().keySet().stream()
              .filter(Thread::isAlive)
              .map(Thread::getName)
              .filter(n -> n.startsWith(NamedThreads.PREFIX))
              .collect(Collectors.toSet());
      if (alive.isEmpty()) {
        return alive;
      }
      sleep(50);
    } while (System.nanoTime() < deadline);
    return alive;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
