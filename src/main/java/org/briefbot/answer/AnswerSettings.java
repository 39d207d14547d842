package org.briefbot.answer;

/**
 * @param threshold confidence below which the bot declines
 * @param alternatives how many other passages to offer
 * @param entityNotes how many entity notes to attach
 * @param maxQuestionChars longer questions are cut to this many characters
 * @param candidates how many passages to retrieve before choosing
 */
public record AnswerSettings(
    double threshold, int alternatives, int entityNotes, int maxQuestionChars, int candidates) {
  public AnswerSettings {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold not in [0,1]: " + threshold);
    }
    if (alternatives < 0 || entityNotes < 0) {
      throw new IllegalArgumentException(
          "alternatives and entityNotes must be >= 0: " + alternatives + ", " + entityNotes);
    }
    if (maxQuestionChars < 1 || candidates < 1) {
      throw new IllegalArgumentException(
          "maxQuestionChars and candidates must be >= 1: " + maxQuestionChars + ", " + candidates);
    }
  }
}
