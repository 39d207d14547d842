package org.briefbot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded reply to a question, as the desk's review queue shows it.
 *
 * @param answerId the id votes refer to
 * @param channel where it was asked
 * @param question the question as asked, whole
 * @param confidence in [0,1]
 * @param passageId the passage shown
 * @param shownText the passage text as the reader saw it; empty for rows recorded before V5
 * @param askedAt when it was asked
 */
public record Exchange(
    long answerId,
    Channel channel,
    String question,
    double confidence,
    Optional<String> passageId,
    Optional<String> shownText,
    Instant askedAt) {
  public Exchange {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(shownText, "shownText");
    Objects.requireNonNull(askedAt, "askedAt");
  }
}
