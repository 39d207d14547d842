package org.briefbot.answer;

import java.util.List;

/**
 * An answer's passage as the key-sentence model reads it, for {@code train}: its sentences and one
 * row of {@link #columns()} features per sentence, one after another.
 */
public record KeySentenceRows(List<String> sentences, float[] values) {
  public KeySentenceRows {
    sentences = List.copyOf(sentences);
    values = values.clone();
    if (values.length != sentences.size() * columns()) {
      throw new IllegalArgumentException(
          values.length + " values for " + sentences.size() + " sentences");
    }
  }

  @Override
  public float[] values() {
    return values.clone();
  }

  /** Features per sentence. */
  public static int columns() {
    return SentenceFeatures.COLUMNS;
  }

  /** The features' names, in column order. */
  public static List<String> names() {
    return SentenceFeatures.NAMES;
  }
}
