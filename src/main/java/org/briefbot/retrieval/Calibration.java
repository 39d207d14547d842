package org.briefbot.retrieval;

/**
 * Logistic calibration: confidence = 1 / (1 + e^-(bias + coverage·c + similarity·s)), the
 * estimated probability that the first passage answers the question. Fitted per mode on tuning
 * data (see docs/retrieval.md), so one threshold means the same in every mode.
 *
 * @param bias intercept
 * @param coverage weight of the first passage's coverage of the question
 * @param similarity weight of the first passage's cosine similarity to the question
 */
public record Calibration(double bias, double coverage, double similarity) {
  public double confidence(double coverageValue, double similarityValue) {
    double z = bias + coverage * coverageValue + similarity * similarityValue;
    return 1 / (1 + Math.exp(-z));
  }
}
