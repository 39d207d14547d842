package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.briefbot.conversation.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * briefbot as users run it: a separate JVM with TELEGRAM_BOT_TOKEN set, stopped with SIGTERM. BM25
 * only: stopping on a signal has nothing to do with the model, and loading it would only be slower.
 */
class TelegramLauncherIT {
  private static final String TOKEN = "987654321:AAE-launcher_Token-secret";
  private static final Duration START = Duration.ofSeconds(60);

  @Test
  void runsOnTelegramAndOnSigtermFinishesTheReplyInFlightThenExits(@TempDir Path dir)
      throws Exception {
    try (FakeBotApi api = new FakeBotApi()) {
      Path log = dir.resolve("stderr.txt");
      Process bot = start(api, log);
      try {
        api.awaitRequest("getUpdates", START);
        api.rateLimitNext(
            "sendMessage", 1); // the reply will still be waiting to be retried when SIGTERM comes
        api.pushPrivateMessage(7, "How much is the AWS deal worth?");
        api.awaitRequest("sendMessage", Duration.ofSeconds(20));

        bot.destroy(); // SIGTERM

        assertThat(bot.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
      } finally {
        bot.destroyForcibly();
      }
      List<FakeBotApi.Recorded> sends = api.requests("sendMessage");
      assertThat(sends).hasSize(2);
      assertThat(sends.get(1).param("text")).contains("138 billion");
      String stderr = Files.readString(log, StandardCharsets.UTF_8);
      assertThat(stderr)
          .contains("briefbot is on Telegram as @" + FakeBotApi.BOT_USERNAME)
          .contains("state in jdbc:sqlite:data/briefbot.db")
          .contains("Stopped")
          .doesNotContain(TOKEN);
      assertThat(dir.resolve("data/briefbot.db"))
          .as("the default store, under data/ in the working directory")
          .isRegularFile();
    }
  }

  private static Process start(FakeBotApi api, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String knowledge = Path.of("knowledge").toAbsolutePath().toString();
    Path bm25 =
        Files.writeString(
            log.resolveSibling("bm25.yaml"), "retrieval:\n  mode: bm25\n  semantic: false\n");
    ProcessBuilder builder =
        new ProcessBuilder(
                java,
                "-XX:TieredStopAtLevel=1", // starts faster; nothing here depends on the JIT
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--config",
                bm25.toString(),
                "--knowledge",
                knowledge)
            .directory(log.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    builder.environment().put("TELEGRAM_API_URL", api.baseUrl());
    return builder.start();
  }
}
