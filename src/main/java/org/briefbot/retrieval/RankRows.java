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
  /**
   * The width of the committed models: an earlier round's features, the first of every row, which
   * later features have not beaten by article folds.
   */
  public static final int COMMITTED_COLUMNS = RankFeatures.SECOND_ROUND_COLUMNS;

  /** All the features there are, the width of the rows training reads. */
  public static int columns() {
    return RankFeatures.COLUMNS;
  }

  /** Whether models of {@code columns} features can be served: the committed width, or all. */
  public static boolean fittable(int columns) {
    return RankFeatures.servable(columns);
  }

  /** Feature names in column order. */
  public static List<String> names() {
    return RankFeatures.NAMES;
  }
}
