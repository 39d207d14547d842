package org.briefbot.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.transport.telegram.TelegramBot;
import org.briefbot.transport.telegram.TelegramSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs briefbot on Telegram until the process is told to stop (SIGTERM, Ctrl-C): the shutdown
 * hook lets replies in flight go out, stops every thread and releases the index.
 */
final class TelegramLauncher {
  private static final Logger log = LoggerFactory.getLogger(TelegramLauncher.class);

  private TelegramLauncher() {}

  static int run(BriefbotConfig config, Path knowledgeDir, String token) {
    TelegramSettings settings = TelegramSettings.from(config.telegram(), System.getenv());
    Core core = Core.load(config, knowledgeDir);
    CheckCommand.logReport(core.knowledge().report());
    TelegramBot bot;
    try {
      bot = TelegramBot.start(core.conversation(), settings, token);
    } catch (RuntimeException e) {
      core.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bot, core, stopped), "briefbot-shutdown"));
    log.info("briefbot is on Telegram as @{} ({}); stop it with SIGTERM or Ctrl-C", bot.username(),
        bot.webhookPort().isPresent() ? "webhook on port " + bot.webhookPort().getAsInt() : "long polling");
    awaitUninterruptibly(stopped);
    return 0;
  }

  private static void stop(TelegramBot bot, Core core, CountDownLatch stopped) {
    log.info("Stopping: finishing replies in flight");
    try {
      bot.close();
      core.close();
      log.info("Stopped");
    } finally {
      stopped.countDown();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // only the shutdown hook ends the bot
      }
    }
  }
}
