package org.briefbot.retrieval;

import java.util.List;

/** What retrieval needs from a sentence-embedding model: unit vectors for passages and questions. */
public interface Embeddings {
  /** Vectors of passage texts, in their order (an implementation may cache them). */
  List<float[]> passages(List<String> texts);

  /** The vector of a question. */
  float[] question(String text);
}
