package org.briefbot.retrieval;

/**
 * A second reading of the first passage: a model that sees the question and the passage together
 * and says whether the passage answers, joined with the learned ranking's probability. Thread-safe.
 */
@FunctionalInterface
public interface AnswerJudge {
  /**
   * The confidence to answer with, on answer.threshold's scale, when the learned ranking gave the
   * passage probability {@code learned}.
   */
  double confidence(String question, String passage, double learned);
}
