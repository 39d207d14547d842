package org.briefbot.conversation.telegram;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the bot token out of logs and error messages. Bot API URLs carry it ({@code
 * /bot123:ABC/sendMessage}), and so can any exception that quotes one; everything we log about a
 * failure passes through here first.
 */
final class Redactor {
  static final String MASK = "<redacted>";

  private final String token;
  private final String encodedToken;

  Redactor(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("the bot token is blank");
    }
    this.token = token;
    this.encodedToken = token.replace(":", "%3A");
  }

  /** The text with the token, as is or URL-encoded (':' as %3A), masked. */
  String redact(String text) {
    return text == null ? null : text.replace(token, MASK).replace(encodedToken, MASK);
  }

  /**
   * A copy of {@code failure} and its causes with redacted messages and the same stack traces, to
   * hand to a logger, which would print the original messages as they are.
   */
  Throwable scrub(Throwable failure) {
    return scrub(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private Throwable scrub(Throwable failure, Set<Throwable> seen) {
    seen.add(failure);
    Throwable cause = failure.getCause();
    Throwable scrubbedCause = cause == null || seen.contains(cause) ? null : scrub(cause, seen);
    Throwable copy =
        new Scrubbed(failure.getClass().getName(), redact(failure.getMessage()), scrubbedCause);
    copy.setStackTrace(failure.getStackTrace());
    return copy;
  }

  /** Prints as the original would, "class: message", with the message redacted. */
  private static final class Scrubbed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String originalClass;

    Scrubbed(String originalClass, String message, Throwable cause) {
      super(message, cause, false, true);
      this.originalClass = originalClass;
    }

    @Override
    public String toString() {
      return getMessage() == null ? originalClass : originalClass + ": " + getMessage();
    }
  }
}
