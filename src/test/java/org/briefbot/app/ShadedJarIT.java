package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.briefbot.conversation.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as users start it, {@code java -jar target/briefbot.jar}, in the default hybrid
 * mode. The pom leaves unused packages and other platforms' native libraries out of that jar, and
 * every other test runs on the classes: only a run of the jar shows that what is left still loads
 * the model, the tokenizer and SQLite natives, the Telegram client and the store migrations.
 */
class ShadedJarIT {
  private static final String TOKEN = "987654321:AAE-jar_Token-secret";
  private static final Path JAR = Path.of("target/briefbot.jar");
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration REPLY = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void answersOnTelegramRecordsAVoteAndReportsIt() throws Exception {
    assertThat(JAR).as("mvn package builds the jar before failsafe runs").isRegularFile();
    try (FakeBotApi api = new FakeBotApi()) {
      Process bot = start(api);
      try {
        api.awaitRequest("getUpdates", START);
        api.pushPrivateMessage(7, "How much is the AWS deal worth?");
        FakeBotApi.Recorded answer = api.awaitRequest("sendMessage", REPLY);
        assertThat(answer.param("text")).contains("138 billion");

        String up = callbackData(answer, "👍");
        String queryId = api.pushCallbackQuery(7, 7, 1, up).at("/callback_query/id").asText();
        api.awaitRequest(
            "answerCallbackQuery", r -> queryId.equals(r.param("callback_query_id")), REPLY);

        api.pushInlineQuery(7, "what are Trainium chips?");
        assertThat(api.awaitRequest("answerInlineQuery", REPLY).param("results"))
            .contains("Trainium");

        bot.destroy(); // SIGTERM
        assertThat(bot.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
      } finally {
        bot.destroyForcibly();
      }
    }
    assertThat(log()).contains("briefbot is on Telegram").doesNotContain("Exception");

    JsonNode report = JSON.readTree(run("report", "--json"));
    assertThat(report.path("questions").asLong()).isEqualTo(1);
    assertThat(report.path("upVotes").asLong()).isEqualTo(1);
  }

  /** Issue 11's cap on the jar a user downloads; its size crept over it by 554 bytes once. */
  private static final long MAX_JAR_BYTES = 70_000_000;

  @Test
  void theJarStaysUnderIssue11sCap() throws IOException {
    assertThat(Files.size(JAR)).isLessThanOrEqualTo(MAX_JAR_BYTES);
  }

  @Test
  void aHeapTooSmallForTheFirstBuildSaysHowToStart() throws Exception {
    Path big = dir.resolve("big");
    run("generate", "--articles", "3000", "--out", big.toString());
    Path bm25 = Files.writeString(dir.resolve("bm25.yaml"), "retrieval:\n  mode: bm25\n");

    ProcessBuilder builder =
        jar(List.of("-Xmx32m"), "--config", bm25.toString(), "check", "--knowledge", big.toString())
            .redirectErrorStream(true);
    builder.environment().remove("TELEGRAM_BOT_TOKEN");
    Process check = builder.redirectOutput(dir.resolve("check.log").toFile()).start();
    String out = finish(check, dir.resolve("check.log"), 120);

    assertThat(check.exitValue()).as(out).isEqualTo(2);
    assertThat(out)
        .contains("briefbot: ")
        .contains("OutOfMemoryError")
        .contains("at most 32 MB here")
        .contains("java -Xmx1g -jar");
  }

  /** The {@code callback_data} of the button labelled {@code label} under a sent message. */
  private static String callbackData(FakeBotApi.Recorded sent, String label) throws IOException {
    List<String> found = new ArrayList<>();
    for (JsonNode row : JSON.readTree(sent.param("reply_markup")).path("inline_keyboard")) {
      for (JsonNode button : row) {
        if (label.equals(button.path("text").asText())) {
          found.add(button.path("callback_data").asText());
        }
      }
    }
    assertThat(found).as("buttons labelled " + label).hasSize(1);
    return found.get(0);
  }

  /** The bot on Telegram, run from {@code dir}: its index, cache and store go under dir/data. */
  private Process start(FakeBotApi api) throws IOException {
    ProcessBuilder builder =
        command()
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("bot.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    builder.environment().put("TELEGRAM_API_URL", api.baseUrl());
    return builder.start();
  }

  /** Runs a command of the jar to its end; its standard output. */
  private String run(String... args) throws IOException, InterruptedException {
    ProcessBuilder builder = command(args).redirectError(dir.resolve("command.log").toFile());
    builder.environment().remove("TELEGRAM_BOT_TOKEN");
    Path output = dir.resolve("command.out");
    Process process = builder.redirectOutput(output.toFile()).start();
    String out = finish(process, output, 60);
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  /**
   * Waits at most {@code seconds} for {@code process}, whose output goes to {@code output}, and
   * asserts it finished; what it wrote. Waited for, not read to its end: a process that hangs fails
   * the test instead of hanging the build.
   */
  private static String finish(Process process, Path output, int seconds)
      throws IOException, InterruptedException {
    boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
    process.destroyForcibly();
    String out = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as("finished: " + out).isTrue();
    return out;
  }

  /** The jar run with {@code args} on the shipped knowledge. */
  private ProcessBuilder command(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--knowledge");
    all.add(Path.of("knowledge").toAbsolutePath().toString());
    return jar(List.of(), all.toArray(String[]::new));
  }

  /** The jar run from {@code dir} with JVM options {@code jvm} and {@code args}. */
  private ProcessBuilder jar(List<String> jvm, String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; nothing here depends on the JIT
    command.addAll(jvm);
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    // DJL unpacks the tokenizer library into ~/.djl.ai and reuses it from there: a folder of this
    // test's own makes the jar's copy the one that loads.
    builder.environment().put("DJL_CACHE_DIR", dir.resolve("djl").toString());
    builder.environment().remove("ENGINE_CACHE_DIR");
    return builder;
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("bot.log"), StandardCharsets.UTF_8);
  }
}
