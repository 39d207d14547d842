package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

class RetryPolicyTest {
  private final RetryPolicy policy = RetryPolicy.DEFAULT;

  @Test
  void tooManyRequestsWaitsWhatTelegramAsked() {
    RetryPolicy.Decision decision =
        policy.decide(refused(429, "Too Many Requests: retry after 7", 7), 1);

    assertThat(decision).isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(7)));
  }

  @ParameterizedTest
  @CsvSource({"500, 1, 500", "502, 2, 1000", "503, 3, 2000", "504, 7, 30000"})
  void serverErrorsBackOffExponentially(int code, int attempts, long millis) {
    RetryPolicy.Decision decision = policy.decide(refused(code, "Bad Gateway", null), attempts);

    assertThat(decision).isEqualTo(new RetryPolicy.Retry(Duration.ofMillis(millis)));
  }

  @Test
  void networkErrorsAndUnreadableResponsesAreRetried() {
    TelegramApiException network =
        new TelegramApiException(
            "Unable to execute sendmessage method", new ConnectException("Connection refused"));
    TelegramApiRequestException proxyPage =
        new TelegramApiRequestException(
            "Unable to deserialize response", new IOException("<html>"));

    assertThat(policy.decide(new CompletionException(network), 1))
        .isInstanceOf(RetryPolicy.Retry.class);
    assertThat(policy.decide(proxyPage, 1)).isInstanceOf(RetryPolicy.Retry.class);
  }

  @Test
  void rawNetworkErrorsFromTheAsyncClientAreRetried() {
    // OkHttpTelegramClient.executeAsync completes with OkHttp's IOException as it is.
    assertThat(
            policy.decide(
                new CompletionException(new ProtocolException("unexpected end of stream")), 1))
        .isEqualTo(new RetryPolicy.Retry(Duration.ofMillis(500)));
    assertThat(policy.decide(new ConnectException("Failed to connect: Connection refused"), 3))
        .isEqualTo(new RetryPolicy.Retry(Duration.ofSeconds(2)));
  }

  @Test
  void theDefaultRetriesForAboutAMinute() {
    assertThat(policy.window()).isEqualTo(Duration.ofMillis(61_500));
  }

  @ParameterizedTest
  @CsvSource({
    "400, 'Bad Request: chat not found'",
    "403, 'Forbidden: bot was blocked by the user'"
  })
  void refusalsThatCannotSucceedAreGivenUp(int code, String description) {
    assertThat(policy.decide(refused(code, description, null), 1))
        .isEqualTo(new RetryPolicy.GiveUp("Telegram refused it with " + code));
  }

  @Test
  void invalidRequestsAndOurOwnBugsAreGivenUp() {
    assertThat(
            policy.decide(
                new TelegramApiValidationException("Text can't be empty", new SendMessage("1", "")),
                1))
        .isInstanceOf(RetryPolicy.GiveUp.class);
    assertThat(policy.decide(new IllegalStateException("bug"), 1))
        .isEqualTo(new RetryPolicy.GiveUp("unexpected IllegalStateException"));
  }

  @Test
  void givesUpAfterTheLastAttempt() {
    RetryPolicy.Decision decision =
        policy.decide(refused(502, "Bad Gateway", null), policy.maxAttempts());

    assertThat(decision).isEqualTo(new RetryPolicy.GiveUp("still failing after 8 attempts"));
  }

  /**
   * The exception TelegramBots throws for an {@code ok:false} response, parsed as the library
   * parses it.
   */
  static TelegramApiRequestException refused(int code, String description, Integer retryAfter) {
    String parameters =
        retryAfter == null ? "" : ", \"parameters\": {\"retry_after\": " + retryAfter + "}";
    String json =
        "{\"ok\": false, \"error_code\": "
            + code
            + ", \"description\": \""
            + description
            + "\""
            + parameters
            + "}";
    try {
      return new TelegramApiRequestException(
          "Error executing SendMessage query",
          new ObjectMapper().readValue(json, ApiResponse.class));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
