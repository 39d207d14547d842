package org.briefbot.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.store.Channel;
import org.briefbot.store.Reason;

/**
 * Logged questions that ask the same thing, counted together.
 *
 * @param question the wording asked most often (the earliest on ties)
 * @param count how many times any wording of it was logged
 * @param wordings the distinct wordings, most frequent first
 * @param reasons why it was logged, most frequent first
 * @param channels where it was asked
 * @param lastAsked when it was last logged
 * @param confidence the confidence of what was shown the last time
 * @param shownText the passage text shown the last time something was shown
 */
record QuestionGroup(
    String question,
    int count,
    List<String> wordings,
    List<Reason> reasons,
    Set<Channel> channels,
    Instant lastAsked,
    double confidence,
    Optional<String> shownText) {}
