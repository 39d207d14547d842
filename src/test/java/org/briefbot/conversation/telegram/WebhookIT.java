package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.briefbot.app.LiveLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook mode end to end: Telegram posts updates to us; only requests with the secret get through.
 */
class WebhookIT {
  private static final String SECRET = "s3cret_Token-42";
  private static LiveLibrary library;
  private LiveBot live;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void loadCore() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeCore() {
    library.close();
  }

  @BeforeEach
  void start() {
    live = LiveBot.webhook(library, SECRET);
  }

  @AfterEach
  void stop() {
    live.close();
  }

  @Test
  void registersTheWebhookWithItsSecretInsteadOfPolling() {
    FakeBotApi.Recorded set = live.api.awaitRequest("setWebhook", LiveBot.WAIT);

    assertThat(set.param("url")).isEqualTo("https://bot.example.org/telegram");
    assertThat(set.param("secret_token")).isEqualTo(SECRET);
    assertThat(set.params().path("allowed_updates")).hasSize(TelegramBot.ALLOWED_UPDATES.size());
    assertThat(live.api.count("getUpdates")).isZero();
    assertThat(live.api.count("deleteWebhook")).isZero();
  }

  @Test
  void aRequestWithoutTheRightSecretIsRefusedAndNeverAnswered() throws Exception {
    assertThat(post(update(1, "How much is the AWS deal worth?"), Optional.of("wrong-secret")))
        .isEqualTo(401);
    assertThat(post(update(2, "How much is the AWS deal worth?"), Optional.empty())).isEqualTo(401);

    assertThat(
            post(
                update(3, "Which chips will OpenAI use to train its models?"), Optional.of(SECRET)))
        .isEqualTo(200);

    live.awaitSentContaining("Trainium chips for AI model training");
    assertThat(live.sentTexts()).hasSize(1); // the refused ones never reached the conversation
    assertThat(live.log()).contains("Rejected a webhook request").doesNotContain(SECRET);
  }

  @Test
  void somethingThatIsNotAnUpdateIsABadRequest() throws Exception {
    assertThat(post("{\"update_id\": \"not a number\"", Optional.of(SECRET))).isEqualTo(400);
  }

  private int post(String body, Optional<String> secret) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + live.bot.webhookPort().getAsInt() + "/telegram"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    secret.ifPresent(s -> request.header(WebhookReceiver.SECRET_HEADER, s));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String update(int id, String text) {
    return """
        {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Ada"},
          "chat": {"id": %d, "type": "private", "first_name": "Ada"}}}
        """
        .formatted(id, id, text, LiveBot.USER, LiveBot.USER);
  }
}
