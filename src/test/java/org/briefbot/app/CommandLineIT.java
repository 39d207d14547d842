package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command line in-process with standard input and output redirected. */
class CommandLineIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Run(int exitCode, String out, String err) {
    List<JsonNode> jsonLines() throws IOException {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : out.split("\n")) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
      return lines;
    }
  }

  @Test
  void askJsonPrintsOneContractLinePerStdinQuestion() throws IOException {
    Run run =
        run("How much is the AWS deal worth?\nWho won the 2018 World Cup?\n", "ask", "--json");
    assertThat(run.exitCode()).isZero();
    List<JsonNode> lines = run.jsonLines();
    assertThat(lines).hasSize(2);

    JsonNode answered = lines.get(0);
    assertThat(fieldNames(answered))
        .containsExactly(
            "question", "answered", "confidence", "answer", "entities", "alternatives");
    assertThat(answered.get("answered").asBoolean()).isTrue();
    assertThat(fieldNames(answered.get("answer")))
        .containsExactly("text", "article", "section", "link");
    assertThat(answered.get("answer").get("link").isNull())
        .as("the seed article gives no link")
        .isTrue();
    assertThat(answered.get("answer").get("text").asText()).contains("138 billion");
    assertThat(fieldNames(answered.get("entities").get(0)))
        .containsExactly("name", "kind", "summary");
    assertThat(fieldNames(answered.get("alternatives").get(0)))
        .containsExactly("text", "article", "section", "confidence");

    JsonNode declined = lines.get(1);
    assertThat(declined.get("answered").asBoolean()).isFalse();
    assertThat(declined.get("answer").isNull()).isTrue();
    assertThat(declined.get("alternatives")).isNotEmpty();
    assertThat(declined.get("confidence").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void askJsonGivesTheLinkOfTheAnswersArticle(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShippedWithEcb(dir);
    Run run =
        run("", "ask", "--json", "--knowledge", dir.toString(), "What is eurozone inflation now?");
    JsonNode answer = run.jsonLines().get(0).get("answer");
    assertThat(answer.get("text").asText()).contains("2.1%");
    assertThat(answer.get("link").asText()).isEqualTo("https://example.com/news/ecb-rate-cut-june");
  }

  @Test
  void askJsonJoinsArgumentWordsIntoOneQuestion() throws IOException {
    Run run = run("", "ask", "--json", "what", "is", "Annapurna", "Labs?");
    JsonNode line = run.jsonLines().get(0);
    assertThat(line.get("question").asText()).isEqualTo("what is Annapurna Labs?");
    assertThat(line.get("answer").get("section").asText()).isEqualTo("entity");
    assertThat(line.get("answer").get("text").asText())
        .startsWith("Annapurna Labs is an Israeli microelectronics company.");
  }

  @Test
  void askWithoutJsonPrintsReadableAnswers() {
    Run run = run("", "ask", "what chips will openai use");
    assertThat(run.out()).contains("Trainium").contains(" -- Amazon secures landmark");
  }

  @Test
  void evalPrintsGoldMetricsAndFailsBelowMinimum(@TempDir Path dir) throws IOException {
    Run ok = run("", "eval", "src/test/resources/gold/seed.jsonl", "--json");
    assertThat(ok.exitCode()).isZero();
    JsonNode report = JSON.readTree(ok.out());
    assertThat(report.get("questions").asInt()).isGreaterThanOrEqualTo(48);
    assertThat(
            report.has("hit@1")
                && report.has("hit@3")
                && report.has("mrr")
                && report.has("decline_accuracy")
                && report.has("key_sentence_hit"))
        .isTrue();

    // The failing path does not need all the gold questions again: two will do.
    Path two = dir.resolve("two.jsonl");
    TestKnowledge.write(
        two,
        String.join(
                "\n",
                Files.readAllLines(Path.of("src/test/resources/gold/seed.jsonl")).subList(0, 2))
            + "\n");
    Run strict = run("", "eval", two.toString(), "--min-hit1", "1.01");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).contains("hit@1").contains("decline accuracy");
    assertThat(strict.err()).contains("is below --min-hit1 1.010");
  }

  @Test
  void evalChatAsksTheQuestionsInOneChat(@TempDir Path dir) throws IOException {
    Path gold = dir.resolve("chat.jsonl");
    TestKnowledge.write(
        gold,
        """
        {"q": "tell me more", "expect": ["Trainium"]}
        {"q": "How much is the AWS deal worth?", "expect": ["138 billion"]}
        {"q": "tell me more", "expect": ["Trainium"]}
        """);

    JsonNode alone = JSON.readTree(run("", "eval", gold.toString(), "--json").out());
    JsonNode chat = JSON.readTree(run("", "eval", gold.toString(), "--json", "--chat").out());

    // Alone, "tell me more" is a question about nothing; in a chat it follows the deal's answer,
    // and before any answer it is no answer.
    assertThat(alone.get("false_declines").asInt()).isEqualTo(2);
    assertThat(chat.get("false_declines").asInt()).isEqualTo(1);
    assertThat(chat.get("questions").asInt()).isEqualTo(3);
  }

  @Test
  void evalBeirScoresARankingAgainstItsQrels(@TempDir Path dir) throws IOException {
    TestKnowledge.write(
        dir.resolve("corpus.jsonl"),
        """
        {"_id": "d1", "title": "Tides", "text": "The moon's gravity raises ocean tides twice a day."}
        {"_id": "d2", "title": "Bread", "text": "Yeast makes bread dough rise by producing carbon dioxide."}
        {"_id": "d3", "title": "Volcanoes", "text": "Magma reaching the surface erupts as lava from volcanoes."}
        """);
    TestKnowledge.write(
        dir.resolve("queries.jsonl"),
        """
        {"_id": "q1", "text": "what causes ocean tides"}
        {"_id": "q2", "text": "why does bread dough rise"}
        {"_id": "q3", "text": "a query nobody judged"}
        """);
    TestKnowledge.write(
        dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
    Run run = run("", "eval", "--beir", dir.toString(), "--json");
    JsonNode report = JSON.readTree(run.out());
    assertThat(fieldNames(report)).startsWith("queries", "ndcg@10", "recall@100", "mrr@10", "p@1");
    assertThat(report.get("queries").asInt()).isEqualTo(2);
    assertThat(report.get("ndcg@10").asDouble()).isEqualTo(1.0);
    assertThat(report.get("p@1").asDouble()).isEqualTo(1.0);
  }

  @Test
  void checkPassesOnShippedKnowledge() {
    Run run = run("", "check");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("1 articles").contains("0 errors");
  }

  @Test
  void checkReportsABrokenFileAndExitsNonZero(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("entities/broken.yaml"), "entities:\n  - name: [unclosed\n");
    Run run = run("", "check", "--knowledge", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("ERROR " + dir.resolve("entities/broken.yaml") + ":")
        .contains("1 errors");
  }

  @Test
  void brokenFileIsSkippedAndTheRestStillAnswers(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("faq/broken.yaml"), "items: [\n");
    Run run =
        run("", "ask", "--json", "--knowledge", dir.toString(), "How much is the AWS deal worth?");
    assertThat(run.exitCode()).isZero();
    assertThat(run.jsonLines().get(0).get("answer").get("text").asText()).contains("138 billion");
    assertThat(run.err()).contains("broken.yaml");
  }

  @Test
  void unknownConfigKeyStopsWithItsName(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("briefbot.yaml");
    TestKnowledge.write(config, "answer:\n  treshold: 0.4\n");
    Run run = run("", "ask", "--json", "--config", config.toString(), "hello");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown config key 'answer.treshold'");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void withoutTokenTheBotIsAConsoleChat() {
    Run run = run("How much is the AWS deal worth?\n/quit\n");
    assertThat(run.out())
        .startsWith("briefbot: ask me about")
        .contains("138 billion")
        .endsWith("Bye.\n");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * The tests' config file unless a test brings its own: the index, embeddings and store go to the
   * tests' data folder, not under data/ here.
   */
  private static String[] withTestConfig(String... args) {
    if (List.of(args).contains("--config")) {
      return args;
    }
    List<String> all = new ArrayList<>(List.of("--config", TestConfig.file().toString()));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  private static synchronized Run run(String stdin, String... args) {
    InputStream in = System.in;
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Main.run(withTestConfig(args));
      return new Run(
          code,
          outBytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
          errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(in);
      System.setOut(out);
      System.setErr(err);
    }
  }
}
