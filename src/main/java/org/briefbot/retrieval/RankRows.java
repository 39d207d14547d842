package org.briefbot.retrieval;

import java.util.List;
import org.briefbot.index.Candidate;

/**
 * A question's best fused candidates and their feature rows: what the learned models score, and
 * what training labels.
 *
 * @param candidates best fused first, at most {@link LearnedRanking#DEPTH}
 * @param rows {@code width} features per candidate, in the same order
 * @param width features per row: all {@link #columns()} for training; at serving only as many as
 *     the loaded models read
 */
public record RankRows(List<Candidate> candidates, float[] rows, int width) {
  /** All the features there are, the width of the rows training reads. */
  public static int columns() {
    return RankFeatures.COLUMNS;
  }

  /** Feature names in column order. */
  public static List<String> names() {
    return RankFeatures.NAMES;
  }
}
