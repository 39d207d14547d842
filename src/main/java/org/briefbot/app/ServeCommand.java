package org.briefbot.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.TelegramConfig.Delivery;
import org.briefbot.conversation.telegram.TelegramBot;
import org.briefbot.conversation.telegram.TelegramSettings;
import org.briefbot.desk.Desk;
import org.briefbot.store.ResilientStore;
import org.briefbot.web.Mount;
import org.briefbot.web.WebApp;
import org.briefbot.web.WebMetrics;
import org.briefbot.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve}: the web server (chat page, API, {@code /health}, {@code /metrics}) over the live,
 * reloading library, and Telegram too when TELEGRAM_BOT_TOKEN is set, its webhook on the same
 * server. Runs until SIGTERM or Ctrl-C, then stops Telegram, the server and the library in turn.
 */
@Command(
    name = "serve",
    description =
        "Serve the chat page, the API, /health and /metrics on web.host:web.port"
            + " (and Telegram when TELEGRAM_BOT_TOKEN is set).")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand Main main;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "port to listen on (default: web.port from the config, 8080; 0: any free one)")
  Integer port;

  @Override
  public Integer call() {
    BriefbotConfig config = withPort(main.loadConfig());
    ResilientStore store = ResilientStore.open(config.store().url(), Clock.systemUTC());
    LiveLibrary library = LiveLibrary.load(config, main.knowledgeDir(config));
    CheckCommand.logReport(library.serving().knowledge().report());
    WebMetrics metrics = new WebMetrics();
    SharedReloads reloads = new SharedReloads(library, metrics::reloaded);
    WebServer server;
    Optional<TelegramBot> bot;
    try {
      store
          .check(); // opens and migrates now, so the first reader does not wait; outages are logged
      server =
          WebServer.start(
              config.web(),
              mounts(reloads, store, config, metrics, desk(config, reloads, library, store)));
      bot = telegram(config, reloads, store, server);
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
    bot.ifPresent(b -> metrics.telegram(b::questions, b::answered, b::sendFailures));
    library.watch(); // after the start, so that every reload is heard
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> stop(bot, server, library, stopped), "briefbot-shutdown"));
    log.info(
        "briefbot serves {} (open it in a browser){}; state in {}; stop it with SIGTERM or Ctrl-C",
        server.url(),
        bot.map(b -> "; on Telegram as @" + b.username()).orElse(""),
        store.describe());
    TelegramLauncher.awaitUninterruptibly(stopped);
    return 0;
  }

  /**
   * What the server serves: briefbot's page, API, health and metrics, and the modules mounted
   * beside them, one line each: a module hands over a JDK {@code HttpHandler} and the path it owns,
   * e.g. {@code mounts.add(new Mount("/desk", desk.handler()))}.
   */
  private static List<Mount> mounts(
      SharedReloads library,
      ResilientStore store,
      BriefbotConfig config,
      WebMetrics metrics,
      Desk desk) {
    List<Mount> mounts =
        new ArrayList<>(WebApp.mounts(library, store, config, metrics, Clock.systemUTC()));
    // Modules mounted beside the page and the API go here.
    mounts.add(new Mount(Desk.PREFIX, desk));
    return mounts;
  }

  /** The editors' desk; it reloads through {@code reloads}, so the reload metrics count it. */
  private Desk desk(
      BriefbotConfig config, SharedReloads reloads, LiveLibrary library, ResilientStore store) {
    return DeskMount.desk(
        config, reloads, library.model(), store, main.knowledgeDir(config), System.getenv());
  }

  private BriefbotConfig withPort(BriefbotConfig config) {
    if (port == null) {
      return config;
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be in [0,65535]: " + port);
    }
    return config.withWeb(config.web().onPort(port));
  }

  /** Telegram when the token is set; in webhook mode its webhook is a path on {@code server}. */
  private static Optional<TelegramBot> telegram(
      BriefbotConfig config, SharedReloads library, ResilientStore store, WebServer server) {
    String token = System.getenv("TELEGRAM_BOT_TOKEN");
    if (token == null || token.isBlank()) {
      return Optional.empty();
    }
    TelegramSettings settings = TelegramSettings.from(config, System.getenv());
    if (settings.mode() == Delivery.WEBHOOK) {
      return Optional.of(
          TelegramBot.start(
              library,
              store,
              settings,
              token,
              (path, handler) -> server.mount(new Mount(path, handler))));
    }
    return Optional.of(TelegramBot.start(library, store, settings, token));
  }

  private static void stop(
      Optional<TelegramBot> bot, WebServer server, LiveLibrary library, CountDownLatch stopped) {
    log.info("Stopping: finishing requests in flight");
    try {
      bot.ifPresent(TelegramBot::close);
      server.close();
      library.close();
      log.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }
}
