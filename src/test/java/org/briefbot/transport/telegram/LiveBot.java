package org.briefbot.transport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.briefbot.app.Core;
import org.briefbot.config.BriefbotConfig;
import org.slf4j.LoggerFactory;

/**
 * The real bot (real library, real answering core) against a {@link FakeBotApi}, for end-to-end
 * tests. Closing it closes both, checks that no thread of ours is left, and detaches the log
 * capture.
 */
final class LiveBot implements AutoCloseable {
  static final String TOKEN = "123456789:AAH-test_Token-never-to-be-logged";
  static final Duration WAIT = Duration.ofSeconds(10);
  static final long USER = 4242L;
  static final long GROUP = -100777L;

  final FakeBotApi api;
  final TelegramBot bot;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<Logger> captured;

  private LiveBot(FakeBotApi api, Core core, BriefbotConfig.Telegram telegram, Map<String, String> env) {
    this.api = api;
    this.captured = List.of(logger("org.briefbot"), logger("org.telegram"));
    logs.start();
    captured.forEach(l -> l.addAppender(logs));
    Map<String, String> withApi = new java.util.HashMap<>(env);
    withApi.put(TelegramSettings.API_URL_ENV, api.baseUrl());
    this.bot = TelegramBot.start(core.conversation(), TelegramSettings.from(telegram, withApi), TOKEN);
  }

  /** Long polling against a fresh fake. */
  static LiveBot polling(Core core) {
    return new LiveBot(new FakeBotApi(), core, BriefbotConfig.defaults().telegram(), Map.of());
  }

  /** Webhook mode on a free port, expecting {@code secret}. */
  static LiveBot webhook(Core core, String secret) {
    BriefbotConfig.Telegram defaults = BriefbotConfig.defaults().telegram();
    BriefbotConfig.Webhook webhook = new BriefbotConfig.Webhook("https://bot.example.org/telegram", 0, "/telegram", "TEST_WEBHOOK_SECRET");
    BriefbotConfig.Telegram telegram = new BriefbotConfig.Telegram("webhook", defaults.apiUrl(), webhook, defaults.contextMinutes());
    return new LiveBot(new FakeBotApi(), core, telegram, Map.of("TEST_WEBHOOK_SECRET", secret));
  }

  static Core core(Path knowledge) {
    return Core.load(BriefbotConfig.defaults(), knowledge);
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
    throw new AssertionError("no button starting with '" + label + "' in " + message.params().path("reply_markup"));
  }

  static List<String> buttonLabels(FakeBotApi.Recorded message) {
    List<String> labels = new java.util.ArrayList<>();
    message.params().at("/reply_markup/inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
    return labels;
  }

  /** The message id the fake gave a recorded sendMessage (ids count up from 1 per fake). */
  int messageIdOf(FakeBotApi.Recorded sent) {
    return api.requests("sendMessage").indexOf(sent) + 1;
  }

  /** Everything logged so far by briefbot and TelegramBots, formatted, with stack traces. */
  String log() {
    synchronized (logs.list) {
      return logs.list.stream().map(LiveBot::format).collect(Collectors.joining("\n"));
    }
  }

  private static String format(ILoggingEvent e) {
    StringBuilder out = new StringBuilder(e.getLevel() + " " + e.getLoggerName() + " - " + e.getFormattedMessage());
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
      api.close();
      captured.forEach(l -> l.detachAppender(logs));
    }
    assertThat(ourThreads()).as("threads left after close").isEmpty();
    assertThat(log()).as("the log").doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.indexOf(':') + 1));
  }

  /** Live threads of ours, given a moment to finish exiting. */
  static Set<String> ourThreads() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    Set<String> alive;
    do {
      alive = Thread.getAllStackTraces().keySet().stream()
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
