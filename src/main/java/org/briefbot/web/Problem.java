package org.briefbot.web;

import java.util.Map;
import java.util.Objects;

/**
 * A request the server refuses, with the status and the message the client gets as JSON: thrown by
 * handlers, answered by {@link Exchanges#guard}. Expected bad input, not a fault: never logged as
 * an error.
 */
final class Problem extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  Problem(int status, String message) {
    this(status, message, Map.of());
  }

  /**
   * @param headers sent with the error, e.g. Allow for 405 or Retry-After for 429
   */
  Problem(int status, String message, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("status not an error: " + status);
    }
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }
}
