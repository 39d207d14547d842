package org.briefbot.store;

import java.util.Locale;
import java.util.Optional;
import org.briefbot.answer.Answer;

/** Why a question is in the unanswered log. */
public enum Reason {
  /** The bot said it does not know. */
  DECLINED,
  /** The bot answered, but with confidence below {@code store.lowConfidence}. */
  LOW_CONFIDENCE,
  /** A reader voted the answer down. */
  VOTED_DOWN;

  /** The reason to log {@code answer}, or empty when it was answered with enough confidence. */
  public static Optional<Reason> of(Answer answer, double lowConfidence) {
    if (!answer.answered()) {
      return Optional.of(DECLINED);
    }
    return answer.confidence() < lowConfidence ? Optional.of(LOW_CONFIDENCE) : Optional.empty();
  }

  /** The value in the database and in {@code report --json}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Reason ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
