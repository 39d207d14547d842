package org.briefbot.store;

import java.time.Instant;
import java.util.List;

/**
 * Near-duplicate questions from the unanswered log, counted together (see {@link NearDuplicates}).
 *
 * @param question the wording asked most often (the earliest on ties)
 * @param count how many times any wording of it was logged
 * @param variants the distinct wordings, most frequent first, at most five
 * @param reasons why it was logged, most frequent first
 * @param lastAsked when it was last logged
 * @param candidates what was shown the last time, best first
 */
public record UnansweredGroup(
    String question,
    int count,
    List<String> variants,
    List<Reason> reasons,
    Instant lastAsked,
    List<String> candidates) {
  public UnansweredGroup {
    variants = List.copyOf(variants);
    reasons = List.copyOf(reasons);
    candidates = List.copyOf(candidates);
  }
}
