package org.briefbot.rank;

import java.util.Arrays;
import java.util.Objects;

/**
 * Training data: rows of features, one label and weight per row, and the sizes of consecutive
 * groups of rows (one group per question, for ranking).
 *
 * @param values the rows one after another, {@code columns} values each
 * @param columns features per row
 * @param labels one per row: a relevance grade for ranking, 0 or 1 for probability
 * @param weights one per row
 * @param groups row counts of consecutive groups, summing to the row count
 */
public record Table(float[] values, int columns, float[] labels, float[] weights, int[] groups) {
  public Table {
    Objects.requireNonNull(values, "values");
    if (columns < 1) {
      throw new IllegalArgumentException("columns < 1: " + columns);
    }
    int rows = values.length / columns;
    if (values.length % columns != 0 || labels.length != rows || weights.length != rows) {
      throw new IllegalArgumentException(
          "values "
              + values.length
              + ", labels "
              + labels.length
              + ", weights "
              + weights.length
              + " do not make rows of "
              + columns);
    }
    if (Arrays.stream(groups).sum() != rows) {
      throw new IllegalArgumentException(
          "groups sum to " + Arrays.stream(groups).sum() + " not " + rows);
    }
  }

  public int rows() {
    return labels.length;
  }
}
