package org.briefbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.telegram.TelegramBot;
import org.briefbot.conversation.telegram.TelegramSettings;
import org.briefbot.store.ResilientStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs briefbot on Telegram until the process is told to stop (SIGTERM, Ctrl-C): the knowledge
 * folder is followed and reloaded live, state goes to the store at {@code store.url}, and the
 * shutdown hook lets replies in flight go out, stops every thread and releases the index.
 */
final class TelegramLauncher {
  private static final Logger log = LoggerFactory.getLogger(TelegramLauncher.class);

  private TelegramLauncher() {}

  static int run(BriefbotConfig config, Path knowledgeDir, String token) {
    TelegramSettings settings = TelegramSettings.from(config, System.getenv());
    ResilientStore store =
        ResilientStore.open(
            config.store().url(),
            Clock.systemUTC()); // opens on first use: a database outage does not stop the start
    LiveLibrary library = LiveLibrary.load(config, knowledgeDir);
    CheckCommand.logReport(library.serving().knowledge().report());
    TelegramBot bot;
    try {
      bot = TelegramBot.start(library, store, settings, token);
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
    library.watch(); // after the start, so that the bot hears about every reload
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(bot, library, stopped), "briefbot-shutdown"));
    log.info(
        "briefbot is on Telegram as @{} ({}); state in {}; stop it with SIGTERM or Ctrl-C",
        bot.username(),
        bot.webhookPort().isPresent()
            ? "webhook on port " + bot.webhookPort().getAsInt()
            : "long polling",
        store.describe());
    awaitUninterruptibly(stopped);
    return 0;
  }

  private static void stop(TelegramBot bot, LiveLibrary library, CountDownLatch stopped) {
    log.info("Stopping: finishing replies in flight");
    try {
      bot.close();
      library.close();
      log.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }

  /**
   * Waits for {@code latch}: the main thread of the Telegram bot and of {@code serve} ends with it.
   */
  static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // only the shutdown hook counts the latch down
      }
    }
  }
}
