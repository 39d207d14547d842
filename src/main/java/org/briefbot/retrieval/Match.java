package org.briefbot.retrieval;

import org.briefbot.knowledge.Passage;

/**
 * A ranked passage.
 *
 * @param passage the passage
 * @param score the ranking score; comparable within one question only
 * @param confidence estimated probability, in [0,1], that this passage answers the question;
 *     comparable across questions and modes
 * @param sentenceSimilarities cosine of the question with each of {@link Passage#sentences()};
 *     empty when unknown (BM25 mode, a one-sentence passage). Shared, not copied: do not modify.
 */
public record Match(
    Passage passage, double score, double confidence, double[] sentenceSimilarities) {
  private static final double[] NONE = new double[0];

  /** Without sentence similarities. */
  public Match(Passage passage, double score, double confidence) {
    this(passage, score, confidence, NONE);
  }

  /** The same match with another confidence (the judge's, a cap, a closeness). */
  public Match withConfidence(double other) {
    return new Match(passage, score, other, sentenceSimilarities);
  }
}
