package org.briefbot.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the unanswered log as the editors' desk shows it: with the channel it came from and
 * the passage text the reader saw.
 *
 * @param question the question as asked, whole
 * @param reason why it is in the log
 * @param at when it was logged
 * @param channel where it was asked; Telegram for entries with no recorded answer (inline queries)
 * @param confidence the confidence of what was shown, 0 when nothing was
 * @param shownText the passage text shown, when an answer with text was recorded
 * @param candidates ids of what was shown, best first
 */
public record LoggedQuestion(
    String question,
    Reason reason,
    Instant at,
    Channel channel,
    double confidence,
    Optional<String> shownText,
    List<String> candidates) {
  public LoggedQuestion {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(shownText, "shownText");
    candidates = List.copyOf(candidates);
  }
}
