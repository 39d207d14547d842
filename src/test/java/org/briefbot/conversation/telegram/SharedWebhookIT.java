package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.app.LiveLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.web.Mount;
import org.briefbot.web.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook on a shared server, as {@code serve} runs it: Telegram posts to the web server's
 * port, the secret check is the same, and the server's other pages go on being served.
 */
class SharedWebhookIT {
  private static final String SECRET = "s3cret_Token-42";
  private static LiveLibrary library;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void loadCore() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeCore() {
    library.close();
  }

  @Test
  void servesTheWebhookOnTheWebServerWithTheSameSecretCheckUntilTheBotCloses() throws Exception {
    HttpHandler page =
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        };
    try (WebServer web =
        WebServer.start(
            BriefbotConfig.defaults().web().onPort(0), List.of(new Mount("/page", page)))) {
      LiveBot live =
          LiveBot.webhookOn(
              library, SECRET, (path, handler) -> web.mount(new Mount(path, handler)));
      try {
        assertThat(live.bot.webhookPort()).isEmpty();
        assertThat(post(web, Optional.of("wrong-secret"))).isEqualTo(401);
        assertThat(post(web, Optional.empty())).isEqualTo(401);
        assertThat(post(web, Optional.of(SECRET))).isEqualTo(200);
        live.awaitSentContaining("Trainium chips for AI model training");
        assertThat(live.sentTexts()).hasSize(1);
        assertThat(live.bot.questions()).isEqualTo(1);
        assertThat(live.bot.answered()).isEqualTo(1);
        assertThat(get(web, "/page")).isEqualTo(204);
      } finally {
        live.close();
      }
      assertThat(post(web, Optional.of(SECRET))).isEqualTo(404);
      assertThat(get(web, "/page")).isEqualTo(204);
    }
  }

  private int get(WebServer web, String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(web.url().resolve(path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private int post(WebServer web, Optional<String> secret) throws Exception {
    String update =
        """
        {"update_id": 7, "message": {"message_id": 7, "date": 1700000000,
          "text": "Which chips will OpenAI use to train its models?",
          "from": {"id": %d, "is_bot": false, "first_name": "Ada"},
          "chat": {"id": %d, "type": "private", "first_name": "Ada"}}}
        """
            .formatted(LiveBot.USER, LiveBot.USER);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(web.url().resolve("/telegram"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(update));
    secret.ifPresent(s -> request.header(WebhookHandler.SECRET_HEADER, s));
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
