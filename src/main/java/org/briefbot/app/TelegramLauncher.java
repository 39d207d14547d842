package org.briefbot.app;

import java.nio.file.Path;
import org.briefbot.config.BriefbotConfig;

/** Starts the Telegram channel (see the Telegram issue); until then, says it is not available. */
final class TelegramLauncher {
  private TelegramLauncher() {}

  static int run(BriefbotConfig config, Path knowledgeDir, String token) {
    System.err.println("briefbot: the Telegram channel is not built yet; unset TELEGRAM_BOT_TOKEN for the console chat.");
    return 2;
  }
}
