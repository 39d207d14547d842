package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.conversation.Command;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.store.ResilientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * briefbot on Telegram: long polling or a webhook in, the {@link Conversation} of the knowledge
 * serving now in the middle, the {@link Outbox} out, and the store beside it for votes, the
 * unanswered log and each chat's context. Owns every thread and HTTP client it uses, and {@link
 * #close()} stops them all within a few seconds after letting replies in flight go out.
 */
public final class TelegramBot implements AutoCloseable {
  /** What we ask Telegram for; anything else would only be ignored. */
  static final List<String> ALLOWED_UPDATES = List.of("message", "callback_query", "inline_query");

  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);

  /** How long start-up waits for getMe and friends, retries included. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** Shutdown budget: handlers in flight, then replies in flight. */
  private static final Duration FINISH_HANDLING = Duration.ofSeconds(2);

  private static final Duration FINISH_SENDING = Duration.ofSeconds(3);

  /** Long button actions kept in memory while the store is down (see {@link CallbackData}). */
  private static final int MAX_LONG_BUTTONS = 10_000;

  private static final Duration LONG_BUTTONS_WORK_FOR = Duration.ofDays(2);
  private static final int WORKERS = 4;

  private final Redactor redactor;
  private final OkHttpClient sendingHttp;
  private final OkHttpClient pollingHttp =
      http("poll-http", Duration.ofSeconds(75)); // > getUpdates' 50 s
  private final ExecutorService workers =
      Executors.newFixedThreadPool(WORKERS, new NamedThreads("worker"));
  private final ScheduledExecutorService outboxThread =
      Executors.newSingleThreadScheduledExecutor(new NamedThreads("outbox"));
  private final SerialLanes lanes = new SerialLanes(workers);
  private final Outbox outbox;
  private final Library library;
  private final TelegramSettings settings;
  private final Replies replies;
  private final User me;
  private final AutoCloseable receiver;
  private final OptionalInt webhookPort;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AnswerCounts counts = new AnswerCounts();

  /**
   * The waits that decide how long a fault is ridden out, how replies are paced and how long
   * closing waits for the webhook; tests shorten them.
   *
   * @param sending retries of every request the bot makes (replies, callback answers, ...)
   * @param polling the back-off between failed getUpdates (its attempts do not count: polling never
   *     gives up)
   * @param pacing the least time between sends, per chat, per group and in all
   * @param webhookGrace how long requests the webhook is still reading get when the bot closes;
   *     whole seconds (the JDK server's unit), and the JDK server waits it out even when idle
   * @param sendTimeout how long a request may go unanswered before it fails and is retried: a
   *     connection the API accepted and then left hanging must not hold a reply past its retries
   */
  record Tuning(
      RetryPolicy sending,
      RetryPolicy polling,
      RateLimits pacing,
      Duration webhookGrace,
      Duration sendTimeout) {
    static final Tuning DEFAULT =
        new Tuning(
            RetryPolicy.DEFAULT,
            new RetryPolicy(1, Duration.ofMillis(500), Duration.ofSeconds(30)),
            RateLimits.TELEGRAM,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30));

    Tuning {
      if (sendTimeout.isNegative() || sendTimeout.isZero()) {
        throw new IllegalArgumentException("sendTimeout <= 0: " + sendTimeout);
      }
      Objects.requireNonNull(sending, "sending");
      Objects.requireNonNull(polling, "polling");
      Objects.requireNonNull(pacing, "pacing");
      if (webhookGrace.isNegative()) {
        throw new IllegalArgumentException("webhookGrace < 0: " + webhookGrace);
      }
    }
  }

  private final Tuning tuning;

  /** Where the webhook is served; empty: on a server of its own, at telegram.webhook.port. */
  private final Optional<WebhookHost> host;

  private TelegramBot(
      Library library,
      ResilientStore store,
      TelegramSettings settings,
      String token,
      Tuning tuning,
      Optional<WebhookHost> host) {
    this.host = host;
    this.redactor = new Redactor(token);
    this.tuning = tuning;
    this.sendingHttp = http("send-http", tuning.sendTimeout());
    this.library = library;
    this.settings = settings;
    OkHttpClient wholeResponses =
        sendingHttp.newBuilder().addInterceptor(new WholeResponses()).build();
    OkHttpTelegramClient client =
        new OkHttpTelegramClient(new ObjectMapper(), wholeResponses, token, settings.apiUrl());
    this.outbox =
        new Outbox(
            client,
            new RateLimiter(tuning.pacing()),
            tuning.sending(),
            outboxThread,
            redactor,
            Clock.systemUTC());
    CallbackData callbacks =
        new CallbackData(store, MAX_LONG_BUTTONS, LONG_BUTTONS_WORK_FOR, Clock.systemUTC());
    this.replies = new Replies(outbox, new MessageSplitter(), callbacks);
    // Opens and migrates the store now, so the first reader does not wait for it; an outage is
    // logged, not fatal.
    store.check();
    try {
      this.me = await(outbox.call(new GetMe()), "getMe");
      registerCommands();
      UpdateIntake intake = new UpdateIntake(handler(store, callbacks), lanes, redactor);
      this.receiver =
          settings.webhook().isPresent()
              ? webhook(settings.webhook().get(), intake)
              : polling(token, settings, intake);
    } catch (RuntimeException e) {
      stopThreads(); // a bot that failed to start must not keep the JVM alive
      throw e;
    }
    this.webhookPort =
        receiver instanceof WebhookReceiver server
            ? OptionalInt.of(server.port())
            : OptionalInt.empty();
    library.onReload(this::reloaded);
  }

  /**
   * Connects to the Bot API, registers the commands and starts receiving updates.
   *
   * @throws IllegalStateException when Telegram cannot be reached or refuses the token; the message
   *     never contains the token
   */
  public static TelegramBot start(
      Library library, ResilientStore store, TelegramSettings settings, String token) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    return new TelegramBot(library, store, settings, token, Tuning.DEFAULT, Optional.empty());
  }

  /**
   * As {@link #start(Library, ResilientStore, TelegramSettings, String)}, serving the webhook (in
   * webhook mode) on {@code host} rather than on a server of its own: one port for everything.
   */
  public static TelegramBot start(
      Library library,
      ResilientStore store,
      TelegramSettings settings,
      String token,
      WebhookHost host) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    return new TelegramBot(
        library, store, settings, token, Tuning.DEFAULT, Optional.of(Objects.requireNonNull(host)));
  }

  /** {@link #start} with other waits, for tests. */
  static TelegramBot start(
      Library library,
      ResilientStore store,
      TelegramSettings settings,
      String token,
      Tuning tuning) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    return new TelegramBot(
        library, store, settings, token, Objects.requireNonNull(tuning), Optional.empty());
  }

  /** {@link #start} with other waits, serving the webhook on {@code host}, for tests. */
  static TelegramBot start(
      Library library,
      ResilientStore store,
      TelegramSettings settings,
      String token,
      Tuning tuning,
      WebhookHost host) {
    Objects.requireNonNull(library, "library");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(settings, "settings");
    return new TelegramBot(
        library,
        store,
        settings,
        token,
        Objects.requireNonNull(tuning),
        Optional.of(Objects.requireNonNull(host)));
  }

  /** The bot's username, from getMe. */
  public String username() {
    return me.getUserName();
  }

  /** Questions replied to since the start (answers and declines), for metrics. */
  public long questions() {
    return counts.questions();
  }

  /** Of {@link #questions()}, those answered rather than declined, for metrics. */
  public long answered() {
    return counts.answered();
  }

  /** Replies and other requests given up on since the start (retries spent), for metrics. */
  public long sendFailures() {
    return outbox.failures();
  }

  /** The port the webhook listens on; empty in polling mode and on a shared server. */
  public OptionalInt webhookPort() {
    return webhookPort;
  }

  private UpdateHandler handler(ResilientStore store, CallbackData callbacks) {
    TelegramFormatter formatter = new TelegramFormatter();
    ChatStore chats = new ChatStore(store, settings.contextTtl(), settings.lowConfidence());
    String mode = settings.mode() == Delivery.WEBHOOK ? "webhook" : "long polling";
    AdminCommands admin =
        new AdminCommands(settings.admins(), store, library, mode, Clock.systemUTC());
    return new UpdateHandler(
        library,
        new Addressing(me.getId(), me.getUserName()),
        chats,
        admin,
        formatter,
        replies,
        callbacks,
        new InlineAnswers(formatter, new MessageSplitter()),
        outbox,
        counts);
  }

  /**
   * The command menu clients show; admins see the admin commands too, in their private chat with
   * the bot. A failure costs only the menu, so it is logged, not fatal.
   */
  private void registerCommands() {
    List<BotCommand> commands = Conversation.COMMANDS.stream().map(TelegramBot::menuEntry).toList();
    try {
      await(outbox.call(SetMyCommands.builder().commands(commands).build()), "setMyCommands");
    } catch (IllegalStateException e) {
      log.warn("Could not register the command menu: {}", e.getMessage());
    }
    List<BotCommand> forAdmins = new ArrayList<>(commands);
    AdminCommands.COMMANDS.stream().map(TelegramBot::menuEntry).forEach(forAdmins::add);
    for (long admin : settings.admins()) {
      SetMyCommands menu =
          SetMyCommands.builder()
              .commands(forAdmins)
              .scope(BotCommandScopeChat.builder().chatId(admin).build())
              .build();
      // Telegram refuses the chat of an admin who never started the bot: their menu waits until a
      // restart.
      outbox
          .call(menu)
          .whenComplete(
              (ok, failure) -> {
                if (failure != null) {
                  log.warn(
                      "Could not register the admin command menu for user {}: {}",
                      admin,
                      redactor.redact(String.valueOf(failure.getMessage())));
                }
              });
    }
  }

  private static BotCommand menuEntry(Command command) {
    return new BotCommand(command.name(), describe(command));
  }

  /**
   * Tells every admin, in their private chat with the bot, about a reload that skipped broken files
   * or failed. Runs on the thread that reloaded; sending only queues, so it does not block.
   */
  private void reloaded(Library.Reloaded result) {
    if (result.clean() || settings.admins().isEmpty()) {
      return;
    }
    Rendered alert =
        Rendered.text(Html.escape("⚠️ Knowledge reload: " + AdminCommands.describe(result)));
    settings
        .admins()
        .forEach(admin -> replies.send(new ChatRef(admin, false), alert, Optional.empty()));
    log.info("Told {} admins about a knowledge reload with problems", settings.admins().size());
  }

  private static String describe(Command command) {
    return command.arguments().isEmpty()
        ? command.description()
        : command.arguments() + ": " + command.description();
  }

  /** Listens, then tells Telegram where to post; if Telegram refuses, stops listening again. */
  private AutoCloseable webhook(TelegramSettings.Webhook webhook, UpdateIntake intake) {
    AutoCloseable server =
        host.isPresent()
            ? host.get()
                .serve(webhook.path(), new WebhookHandler(webhook.path(), webhook.secret(), intake))
            : new WebhookReceiver(
                webhook.port(), webhook.path(), webhook.secret(), tuning.webhookGrace(), intake);
    try {
      await(
          outbox.call(
              SetWebhook.builder()
                  .url(webhook.publicUrl())
                  .secretToken(webhook.secret())
                  .allowedUpdates(ALLOWED_UPDATES)
                  .build()),
          "setWebhook");
      return server;
    } catch (RuntimeException e) {
      closeQuietly(server);
      throw e;
    }
  }

  private AutoCloseable polling(String token, TelegramSettings settings, UpdateIntake intake) {
    try {
      return new PollingReceiver(token, settings.apiUrl(), pollingHttp, tuning.polling(), intake);
    } catch (TelegramApiException e) {
      throw new IllegalStateException(
          "Cannot start long polling: " + redactor.redact(e.getMessage()));
    }
  }

  private <T extends Serializable> T await(CompletableFuture<T> call, String method) {
    try {
      return call.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "Telegram "
              + method
              + " failed: "
              + redactor.redact(String.valueOf(e.getCause().getMessage())));
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Telegram " + method + " did not answer within " + START_TIMEOUT.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Telegram " + method);
    }
  }

  /**
   * Stops receiving, lets handlers in flight finish and their replies go out (within a few seconds;
   * what is left is logged), then stops every thread and HTTP client. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    library.onReload(result -> {}); // reloads after this have no one to tell
    closeQuietly(receiver);
    if (!lanes.awaitIdle(FINISH_HANDLING)) {
      log.error("Shutting down while updates are still being handled");
    }
    outbox.close(FINISH_SENDING);
    stopThreads();
  }

  private void stopThreads() {
    stop(workers);
    stop(outboxThread);
    stop(sendingHttp);
    stop(pollingHttp);
  }

  private static OkHttpClient http(String role, Duration readTimeout) {
    ExecutorService threads =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            60,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            new NamedThreads(role));
    return new OkHttpClient.Builder()
        .dispatcher(new Dispatcher(threads))
        .connectTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(30))
        .readTimeout(readTimeout)
        .build();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      log.warn("Stopping the Telegram receiver failed: {}", e.getClass().getSimpleName());
    }
  }

  private static void stop(ExecutorService executor) {
    executor.shutdownNow();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void stop(OkHttpClient http) {
    http.dispatcher().cancelAll();
    stop(http.dispatcher().executorService());
    http.connectionPool().evictAll();
  }
}
