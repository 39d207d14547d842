package org.briefbot.retrieval;

/**
 * Logistic calibration: confidence = 1 / (1 + e^-(bias + coverage·c + similarity·s + sentence·t)),
 * the estimated probability that the first passage answers the question. Fitted per mode on tuning
 * data (see docs/retrieval.md), so one threshold means the same in every mode.
 *
 * @param bias intercept
 * @param coverage weight of the first passage's coverage of the question
 * @param similarity weight of the first passage's cosine similarity to the question
 * @param sentence weight of the best cosine of one of the first passage's sentences
 */
public record Calibration(double bias, double coverage, double similarity, double sentence) {
  /** Without the sentence signal. */
  public Calibration(double bias, double coverage, double similarity) {
    this(bias, coverage, similarity, 0);
  }

  public double confidence(double coverageValue, double similarityValue, double sentenceValue) {
    double z =
        bias + coverage * coverageValue + similarity * similarityValue + sentence * sentenceValue;
    return 1 / (1 + Math.exp(-z));
  }
}
