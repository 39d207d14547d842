package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.briefbot.config.BriefbotConfig.WebConfig;
import org.briefbot.store.ResilientStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What operators rely on: /health, /metrics and the per-client rate limit, on a real server. */
class OperationsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The server the tests that only read share; the metrics test, which counts, and the rate-limit
   * test, which needs its own limit, start their own.
   */
  @TempDir static Path shared;

  private static WebFixture web;

  @BeforeAll
  static void start() {
    web = WebFixture.start(shared, WebFixture.generous());
  }

  @AfterAll
  static void stop() {
    if (web != null) {
      web.close();
    }
  }

  @Test
  void isReadyWithKnowledgeAndAStoreAndSaysWhatIsLoaded() throws Exception {
    HttpResponse<String> health = web.get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(health.body());
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("knowledge").path("articles").asInt()).isEqualTo(1);
    assertThat(body.path("knowledge").path("passages").asInt())
        .isEqualTo(web.library.loaded().passages());
    assertThat(body.path("knowledge").path("retrievalMode").asText()).isEqualTo("hybrid");
    JsonNode serving = body.path("knowledge").path("serving");
    assertThat(serving.path("mode").asText()).isEqualTo(web.library.status().mode());
    assertThat(serving.path("configured").asText()).isEqualTo("hybrid");
    // The committed judge reads hybrid answers; while BM25 serves (vectors still coming) none.
    assertThat(serving.path("answerJudge").asBoolean())
        .isEqualTo(serving.path("mode").asText().equals("hybrid"));
    assertThat(serving.path("percentEmbedded").asInt())
        .isEqualTo(web.library.status().percentEmbedded());
    assertThat(body.path("store").path("reachable").asBoolean()).isTrue();
    assertThat(web.get("/health/live").body()).isEqualTo("{\"live\":true}");
  }

  @Test
  void isNotReadyWhileTheStoreIsUnreachableButStaysLiveAndAnswers() throws Exception {
    try (WebServer broken =
        WebServer.start(
            web.config.web(),
            WebApp.mounts(
                web.library,
                ResilientStore.open(
                    "jdbc:postgresql://127.0.0.1:1/none?user=x&password=y&connectTimeout=2",
                    Clock.systemUTC(),
                    Duration.ofSeconds(5),
                    Duration.ofMillis(250)), // not production's 2 s wait: refused at once
                web.config,
                new WebMetrics(),
                Clock.systemUTC()))) {
      HttpResponse<String> health =
          web.send(java.net.http.HttpRequest.newBuilder(broken.url().resolve("/health")));

      assertThat(health.statusCode()).isEqualTo(503);
      JsonNode body = JSON.readTree(health.body());
      assertThat(body.path("status").asText()).isEqualTo("not ready");
      assertThat(body.path("store").path("reachable").asBoolean()).isFalse();
      assertThat(body.path("store").path("error").asText()).isNotBlank();
      assertThat(body.path("store").path("store").asText()).doesNotContain("password=y");
      assertThat(
              web.send(
                      java.net.http.HttpRequest.newBuilder(broken.url().resolve("/api/ask"))
                          .header("Content-Type", "application/json")
                          .POST(
                              java.net.http.HttpRequest.BodyPublishers.ofString(
                                  "{\"question\": \"How much is the AWS deal worth?\"}")))
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void metricsCountQuestionsAnswersAndLatencyInThePrometheusFormat(@TempDir Path folder) {
    try (WebFixture own = WebFixture.start(folder, WebFixture.generous())) {
      own.postJson("/api/ask", "{\"question\": \"How much is the AWS deal worth?\"}");
      own.postJson("/api/ask", "{\"question\": \"Which chips will OpenAI use?\"}");
      own.postJson("/api/ask", "{\"question\": \"What is the capital of Peru?\"}");
      // The chat page's endpoint counts its answers too; a list of stories is no question.
      own.postJson("/api/chat", "{\"question\": \"How much is the AWS deal worth?\"}");
      own.postJson("/api/chat", "{\"question\": \"what's new?\"}");
      own.library.reloadNow();

      HttpResponse<String> metrics = own.get("/metrics");

      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.headers().firstValue("Content-Type"))
          .hasValue("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.body())
          .contains("briefbot_questions_total{channel=\"web\",} 4.0")
          .contains("briefbot_questions_total{channel=\"telegram\",} 0.0")
          .contains("briefbot_answered_total{channel=\"web\",} 3.0")
          .contains("briefbot_answered_share 0.75")
          .contains("briefbot_answer_seconds_count 4.0")
          .contains("briefbot_answer_seconds_bucket{le=\"+Inf\",} 4.0")
          .contains("briefbot_reloads_total{result=\"swapped\",} 1.0")
          .contains("briefbot_telegram_send_failures_total 0.0");
    }
  }

  @Test
  void limitsEachClientToItsRequestsPerMinuteWith429AndRetryAfter(@TempDir Path folder)
      throws Exception {
    WebConfig three = new WebConfig("127.0.0.1", 0, 4, List.of(), 3, 15);
    try (WebFixture own = WebFixture.start(folder, three)) {
      for (int i = 0; i < 3; i++) {
        assertThat(own.get("/api/articles").statusCode()).isEqualTo(200);
      }

      HttpResponse<String> refused = own.get("/api/articles");

      assertThat(refused.statusCode()).isEqualTo(429);
      long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
      assertThat(retryAfter).isBetween(1L, 60L);
      assertThat(JSON.readTree(refused.body()).path("error").asText())
          .isEqualTo("too many requests from this address; try again in " + retryAfter + " s");
      // The page, health and metrics are not the API: never limited.
      assertThat(own.get("/health/live").statusCode()).isEqualTo(200);
      assertThat(own.get("/").statusCode()).isEqualTo(200);
    }
  }
}
