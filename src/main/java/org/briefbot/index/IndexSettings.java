package org.briefbot.index;

/**
 * How passages are scored.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param fuzzy match words the index does not know to close words it does ("trainum")
 * @param textWeight weight of the passage text
 * @param questionsWeight weight of known question phrasings
 * @param titleWeight weight of the article title
 * @param contextWeight weight of hashtags and themes
 * @param coverageWeight share of the final ranking score that comes from coverage (the rest is BM25
 *     relative to the best hit)
 */
public record IndexSettings(
    double k1,
    double b,
    boolean fuzzy,
    float textWeight,
    float questionsWeight,
    float titleWeight,
    float contextWeight,
    double coverageWeight) {

  public IndexSettings {
    if (k1 < 0) {
      throw new IllegalArgumentException("k1 < 0: " + k1);
    }
    if (b < 0 || b > 1) {
      throw new IllegalArgumentException("b not in [0,1]: " + b);
    }
    if (coverageWeight < 0 || coverageWeight > 1) {
      throw new IllegalArgumentException("coverageWeight not in [0,1]: " + coverageWeight);
    }
  }

  /** The weights chosen with {@code eval} on the seed gold file and the benchmarks. */
  public static IndexSettings defaults(double k1, double b, boolean fuzzy) {
    return new IndexSettings(k1, b, fuzzy, 1.0f, 1.0f, 0.4f, 0.3f, 0.5);
  }

  float weight(String field) {
    return switch (field) {
      case Fields.TEXT -> textWeight;
      case Fields.QUESTIONS -> questionsWeight;
      case Fields.TITLE -> titleWeight;
      case Fields.CONTEXT -> contextWeight;
      default -> throw new IllegalArgumentException("not a searched field: " + field);
    };
  }
}
