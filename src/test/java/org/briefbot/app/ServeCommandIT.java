package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code briefbot serve} as users run it: a separate JVM that logs the URL to open, serves the page
 * and the API there, and stops cleanly on SIGTERM. BM25 only: neither the port nor the signal has
 * anything to do with the model.
 */
class ServeCommandIT {
  private static final Duration START = Duration.ofSeconds(60);
  private static final Pattern URL =
      Pattern.compile("briefbot serves (http://127\\.0\\.0\\.1:\\d+/)");

  @Test
  void logsTheUrlServesThePageAndTheApiThereAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("stderr.txt");
    Process serve = start(dir, log);
    try {
      URI url = awaitUrl(serve, log);
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> page =
          http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(url.resolve("/api/ask"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"question\": \"How much is the AWS deal worth?\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>briefbot</title>");
      assertThat(answer.body()).contains("138 billion");
      assertThat(url.getPort()).isNotEqualTo(8080); // --port 0 chose a free one

      serve.destroy(); // SIGTERM

      assertThat(serve.waitFor(15, TimeUnit.SECONDS)).as("exited").isTrue();
    } finally {
      serve.destroyForcibly();
    }
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("Stopped");
  }

  private static URI awaitUrl(Process serve, Path log) throws Exception {
    Instant deadline = Instant.now().plus(START);
    while (Instant.now().isBefore(deadline)) {
      Matcher found = URL.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (found.find()) {
        return URI.create(found.group(1));
      }
      assertThat(serve.isAlive()).as("serve is running; its log: %s", log).isTrue();
      Thread.sleep(100);
    }
    throw new AssertionError("serve did not log its URL within " + START + ": " + log);
  }

  private static Process start(Path dir, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path config =
        Files.writeString(
            dir.resolve("bm25.yaml"),
            "knowledge:\n  index: \"\"\nretrieval:\n  mode: bm25\n  semantic: false\n");
    return new ProcessBuilder(
            java,
            "-XX:TieredStopAtLevel=1", // starts faster; nothing here depends on the JIT
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--config",
            config.toString(),
            "--knowledge",
            Path.of("knowledge").toAbsolutePath().toString(),
            "--port",
            "0")
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }
}
