package org.briefbot.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Usage since a moment, for {@code /stats} and {@code briefbot report}.
 *
 * @param since the start of the period
 * @param questions questions replied to (answered or declined)
 * @param answered of those, the ones answered
 * @param upVotes thumbs up given in the period
 * @param downVotes thumbs down given in the period
 * @param perDay questions per UTC day, oldest first; days without questions are left out
 * @param topEntities entities asked about most, from the UTC day of {@code since} on
 * @param topCommands commands used most, from the UTC day of {@code since} on
 */
public record Stats(
    Instant since,
    long questions,
    long answered,
    long upVotes,
    long downVotes,
    List<Day> perDay,
    List<Count> topEntities,
    List<Count> topCommands) {

  public Stats {
    perDay = List.copyOf(perDay);
    topEntities = List.copyOf(topEntities);
    topCommands = List.copyOf(topCommands);
  }

  /** Answered questions over all questions; 0 when there were none. */
  public double shareAnswered() {
    return questions == 0 ? 0 : (double) answered / questions;
  }

  /** Questions on one UTC day. */
  public record Day(LocalDate day, long questions, long answered) {}

  /** How often a name came up. */
  public record Count(String name, long count) {}
}
