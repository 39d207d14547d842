package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which classes a real briefbot process loads, seen through the JVM's own class-loading log: with
 * retrieval.semantic false no class of the model, its runtime or its tokenizer is loaded.
 */
class ModelLoadingIT {
  private static final List<String> MODEL_PACKAGES =
      List.of("org.briefbot.embedding.", "ai.onnxruntime.", "dev.langchain4j.", "ai.djl.");

  @TempDir Path dir;

  @Test
  void bm25OnlyBotNeverLoadsTheModel() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("bm25.yaml"), "retrieval:\n  mode: bm25\n  semantic: false\n");

    String classLog = run(config, TestKnowledge.SHIPPED, "How much is the AWS deal worth?");

    assertThat(classLog).contains("org.briefbot.index.PassageIndex").contains("\"answered\":true");
    MODEL_PACKAGES.forEach(
        p -> assertThat(classLog).as("loaded a class of " + p).doesNotContain(p));
  }

  @Test
  void hybridBotLoadsTheModel() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("hybrid.yaml"),
            "retrieval:\n  mode: hybrid\n  semantic: true\n  embeddingCache: "
                + dir.resolve("cache")
                + "\n");

    // One FAQ item: the model is loaded all the same, and there is next to nothing to embed.
    Path knowledge = dir.resolve("knowledge");
    TestKnowledge.write(
        knowledge.resolve("faq/deal.yaml"),
        "items:\n  - question: How much is the AWS deal worth?\n    answer: $138 billion.\n");

    String classLog = run(config, knowledge, "How much is the AWS deal worth?");

    assertThat(classLog)
        .contains("\"answered\":true")
        .contains("org.briefbot.embedding.SentenceEncoder")
        .contains("ai.onnxruntime.OrtSession");
  }

  /**
   * Runs {@code ask --json} in a new JVM with class loading logged, in the test's folder so that
   * what it keeps (the index under data/) stays there; returns stdout and the log.
   */
  private String run(Path config, Path knowledge, String question)
      throws IOException, InterruptedException {
    Path out = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info",
                "-XX:TieredStopAtLevel=1", // starts faster; which classes load does not change
                "-cp",
                System.getProperty("java.class.path"),
                "org.briefbot.app.Main",
                "ask",
                "--json",
                "--config",
                config.toString(),
                "--knowledge",
                knowledge.toAbsolutePath().toString(),
                question)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("briefbot finished").isTrue();
    assertThat(process.exitValue()).as(Files.readString(out, StandardCharsets.UTF_8)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
