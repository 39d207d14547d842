package org.briefbot.retrieval;

import java.util.List;

/**
 * What retrieval needs from a sentence-embedding model: unit vectors for passages and questions.
 * Closing releases the model; whoever opened it closes it.
 */
public interface Embeddings extends AutoCloseable {
  /** Vectors of passage texts, in their order (an implementation may cache them). */
  List<float[]> passages(List<String> texts);

  /** The vector of a question. */
  float[] question(String text);

  /** Whether the model's vocabulary has {@code word} whole: an English word to it, not a typo. */
  boolean knowsWord(String word);

  @Override
  void close();
}
