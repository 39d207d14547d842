package org.briefbot.conversation.telegram;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What to do after a Bot API request failed. TelegramBots never retries, so this is ours: a 429
 * waits the {@code retry_after} Telegram asked for; a 5xx, an unreadable response (a proxy's error
 * page) or a network error waits an exponential back-off; anything else (400 bad request, 403
 * blocked by the user) cannot succeed by trying again.
 *
 * @param maxAttempts attempts in all, the first included
 * @param firstBackOff the wait after the first failure; doubled after each further one
 * @param maxBackOff the longest back-off
 */
record RetryPolicy(int maxAttempts, Duration firstBackOff, Duration maxBackOff) {
  /**
   * Eight attempts, 0.5 s to 30 s apart: a request is retried for about a minute (61.5 s of
   * waiting) before it is given up and logged as lost.
   */
  static final RetryPolicy DEFAULT =
      new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(30));

  /** Telegram's "Too Many Requests". */
  private static final int TOO_MANY_REQUESTS = 429;

  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts < 1: " + maxAttempts);
    }
    if (firstBackOff.isNegative() || maxBackOff.compareTo(firstBackOff) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= firstBackOff <= maxBackOff: " + firstBackOff + ", " + maxBackOff);
    }
  }

  /** Retry after the given wait, or give up. */
  sealed interface Decision {}

  record Retry(Duration after) implements Decision {}

  record GiveUp(String reason) implements Decision {}

  /**
   * The decision after {@code attempts} attempts, the last of which failed with {@code failure}.
   */
  Decision decide(Throwable failure, int attempts) {
    Throwable cause = unwrap(failure);
    Decision decision = classify(cause, attempts);
    if (decision instanceof Retry && attempts >= maxAttempts) {
      return new GiveUp("still failing after " + attempts + " attempts");
    }
    return decision;
  }

  private Decision classify(Throwable cause, int attempts) {
    if (cause instanceof TelegramApiValidationException) {
      return new GiveUp("the request is invalid");
    }
    if (cause instanceof TelegramApiRequestException request) {
      return fromResponse(request, attempts);
    }
    if (cause instanceof TelegramApiException) {
      return new Retry(backOff(attempts)); // the library's wrapper around an IOException
    }
    if (cause instanceof IOException) {
      // What OkHttp hands the async client as it is: a refused connection, a connection dropped
      // in the middle of the response ("unexpected end of stream"), a read timeout.
      return new Retry(backOff(attempts));
    }
    return new GiveUp("unexpected " + cause.getClass().getSimpleName());
  }

  private Decision fromResponse(TelegramApiRequestException e, int attempts) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    if (code == TOO_MANY_REQUESTS) {
      Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
      return new Retry(
          retryAfter == null ? backOff(attempts) : Duration.ofSeconds(Math.max(1, retryAfter)));
    }
    if (code == 0 || code >= 500) {
      return new Retry(
          backOff(attempts)); // 0: the body was no Bot API response, e.g. a proxy's 502 page
    }
    return new GiveUp("Telegram refused it with " + code);
  }

  /** The longest a request keeps being retried on back-off: every wait added up. */
  Duration window() {
    Duration total = Duration.ZERO;
    for (int attempt = 1; attempt < maxAttempts; attempt++) {
      total = total.plus(backOff(attempt));
    }
    return total;
  }

  /** 0.5 s, 1 s, 2 s, ... up to the maximum. */
  Duration backOff(int attempts) {
    Duration wait = firstBackOff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackOff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackOff) > 0 ? maxBackOff : wait;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
