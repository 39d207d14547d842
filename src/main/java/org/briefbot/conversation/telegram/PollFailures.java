package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles a failed getUpdates before TelegramBots sees it. The library logs every failed poll at
 * ERROR with a stack trace and polls again after half a second, whatever Telegram asked; here a
 * failure (a network error, a 429, a 5xx, a body that is not JSON) is logged as one line, the
 * poller waits ({@code retry_after} for a 429, else a growing back-off) and the library gets "no
 * updates", so it simply asks again. The first failure of a run is a WARN, the rest DEBUG, and the
 * recovery an INFO with the count.
 */
final class PollFailures implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(PollFailures.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final int TOO_MANY_REQUESTS = 429;

  /** Telegram asks for seconds to minutes; longer than this is not worth trusting. */
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(5);

  private final RetryPolicy backOff;
  private final CountDownLatch closed = new CountDownLatch(1);
  private int failures; // only the poller thread touches it

  /**
   * @param backOff the waits after failures without {@code retry_after}; its attempts do not matter
   *     (polling never gives up)
   */
  PollFailures(RetryPolicy backOff) {
    this.backOff = backOff;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (!isGetUpdates(chain.request())) {
      return chain.proceed(chain.request());
    }
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      return failed(chain.request(), e.toString(), Optional.empty());
    }
    String body = response.body() == null ? "" : response.body().string();
    Optional<JsonNode> json = parse(body);
    if (!response.isSuccessful() || json.isEmpty() || !json.get().path("ok").asBoolean()) {
      return failed(chain.request(), describe(response.code(), json, body), retryAfter(json));
    }
    recovered();
    return response.newBuilder().body(ResponseBody.create(body, JSON_TYPE)).build();
  }

  /** Wakes a waiting poller; later failures do not wait. */
  void close() {
    closed.countDown();
  }

  private Response failed(Request request, String why, Optional<Duration> retryAfter) {
    failures++;
    Duration wait = retryAfter.orElseGet(() -> backOff.backOff(failures));
    if (failures == 1) {
      log.warn("getUpdates failed: {}; polling again in {} ms", why, wait.toMillis());
    } else {
      log.debug(
          "getUpdates failed again ({} in a row): {}; polling again in {} ms",
          failures,
          why,
          wait.toMillis());
    }
    pause(wait);
    return QuietOnClose.noUpdates(request);
  }

  private void recovered() {
    if (failures > 0) {
      log.info("getUpdates works again after {} failed polls", failures);
      failures = 0;
    }
  }

  /** Waits, unless closing: then (woken or interrupted) the poller stops quietly. */
  private void pause(Duration wait) {
    try {
      closed.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the library's loop sees it and stops
    }
  }

  private static boolean isGetUpdates(Request request) {
    return request.url().encodedPath().toLowerCase(Locale.ROOT).endsWith("/getupdates");
  }

  private static Optional<JsonNode> parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null || !node.isObject() ? Optional.empty() : Optional.of(node);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String describe(int status, Optional<JsonNode> json, String body) {
    if (json.isPresent() && json.get().has("description")) {
      return "HTTP " + status + ", " + json.get().path("description").asText();
    }
    return json.isPresent()
        ? "HTTP " + status
        : "HTTP " + status + ", not a Bot API response (" + body.length() + " characters)";
  }

  private static Optional<Duration> retryAfter(Optional<JsonNode> json) {
    return json.filter(j -> j.path("error_code").asInt() == TOO_MANY_REQUESTS)
        .map(j -> j.path("parameters").path("retry_after"))
        .filter(JsonNode::canConvertToLong)
        .map(n -> Duration.ofSeconds(Math.max(1, n.asLong())))
        .map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d);
  }
}
