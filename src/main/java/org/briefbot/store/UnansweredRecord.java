package org.briefbot.store;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * An entry for the unanswered log that is not tied to a recorded answer, or is logged apart from it
 * (e.g. an inline query nothing matched).
 *
 * @param chatId where it was asked
 * @param answerId the recorded answer it concerns, if any
 * @param question the question as asked
 * @param reason why it is logged
 * @param confidence the best candidate's confidence, 0 when there was none
 * @param candidates ids of what was shown, best first
 */
public record UnansweredRecord(
    long chatId,
    OptionalLong answerId,
    String question,
    Reason reason,
    double confidence,
    List<String> candidates) {
  public UnansweredRecord {
    Objects.requireNonNull(answerId, "answerId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reason, "reason");
    candidates = List.copyOf(candidates);
  }
}
