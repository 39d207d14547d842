package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.briefbot.store.AnswerRecord;
import org.briefbot.store.Reason;
import org.briefbot.store.Store;
import org.briefbot.store.Vote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code briefbot report} reads the store the bot wrote, found through the same --config. */
class ReportCommandTest {
  private static final Instant MARCH_2 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant MARCH_3 = Instant.parse("2026-03-03T09:00:00Z");

  @TempDir Path dir;
  private Path config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;

  @BeforeEach
  void writeConfigAndCaptureOutput() throws IOException {
    config =
        Files.writeString(
            dir.resolve("briefbot.yaml"),
            "store:\n  url: jdbc:sqlite:" + dir.resolve("data/briefbot.db") + "\n");
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private void botRecordsTwoDays() {
    String url = "jdbc:sqlite:" + dir.resolve("data/briefbot.db");
    Store monday = Store.open(url, Clock.fixed(MARCH_2, ZoneOffset.UTC));
    long deal = monday.recordAnswer(answered("How much is the AWS deal worth?"));
    monday.recordAnswer(declined("Who won the election?"));
    monday.vote(deal, 1, 7, Vote.DOWN);
    Store tuesday = Store.open(url, Clock.fixed(MARCH_3, ZoneOffset.UTC));
    tuesday.recordAnswer(declined("who won the election"));
    tuesday.recordAnswer(answered("How big is the OpenAI contract?"));
  }

  private static AnswerRecord answered(String question) {
    return new AnswerRecord(
        1,
        7,
        question,
        true,
        Optional.of("aws-openai-trainium#takeaways#0"),
        Optional.of("aws-openai-trainium"),
        0.9,
        List.of("OpenAI"),
        List.of("aws-openai-trainium#takeaways#0"),
        Optional.empty());
  }

  private static AnswerRecord declined(String question) {
    return new AnswerRecord(
        1,
        7,
        question,
        false,
        Optional.empty(),
        Optional.empty(),
        0.05,
        List.of(),
        List.of("topic:aws-openai-trainium"),
        Optional.of(Reason.DECLINED));
  }

  @Test
  void printsOneJsonObjectForMachines() throws IOException {
    botRecordsTwoDays();

    int exit = Main.run("--config", config.toString(), "report", "--json");

    assertThat(exit).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(report.get("since").isNull()).isTrue();
    assertThat(report.get("questions").asLong()).isEqualTo(4);
    assertThat(report.get("answered").asLong()).isEqualTo(2);
    assertThat(report.get("shareAnswered").asDouble()).isEqualTo(0.5);
    assertThat(report.get("downVotes").asLong()).isEqualTo(1);
    assertThat(report.get("perDay").toString())
        .isEqualTo(
            "[{\"day\":\"2026-03-02\",\"questions\":2,\"answered\":1},{\"day\":\"2026-03-03\",\"questions\":2,\"answered\":1}]");
    JsonNode first = report.get("unanswered").get(0);
    assertThat(first.get("question").asText()).isEqualTo("Who won the election?");
    assertThat(first.get("count").asInt()).isEqualTo(2);
    assertThat(first.get("reasons").toString()).isEqualTo("[\"declined\"]");
    assertThat(first.get("lastAsked").asText()).isEqualTo("2026-03-03T09:00:00Z");
    assertThat(report.get("unanswered").get(1).get("reasons").toString())
        .isEqualTo("[\"voted_down\"]");
    assertThat(report.get("downvoted").get(0).get("passageId").asText())
        .isEqualTo("aws-openai-trainium#takeaways#0");
  }

  @Test
  void printsTextForEditorsFromTheGivenDayOn() {
    botRecordsTwoDays();

    int exit = Main.run("--config", config.toString(), "report", "--since", "2026-03-03");

    assertThat(exit).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("briefbot report since 2026-03-03 (jdbc:sqlite:")
        .contains("Questions: 2, answered 1 (50.0%). Votes: 0 up, 0 down.")
        .contains("    1x who won the election  [declined, last 2026-03-03 09:00 UTC]")
        .contains("        shown: topic:aws-openai-trainium")
        .contains("  2026-03-03      2 questions,      1 answered (50.0%)")
        .doesNotContain("2026-03-02");
  }

  @Test
  void refusesToReportFromAFolderWhereTheBotNeverRan() {
    int exit = Main.run("--config", config.toString(), "report");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("briefbot: No store at " + dir.resolve("data/briefbot.db").toAbsolutePath());
    assertThat(dir.resolve("data")).doesNotExist();
  }
}
