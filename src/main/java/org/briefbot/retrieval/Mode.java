package org.briefbot.retrieval;

import java.util.Locale;

/** Which retrievers rank passages. */
public enum Mode {
  /** Lucene BM25 with coverage re-ranking; needs no model. */
  BM25,
  /** Nearest passage vectors (HNSW) alone. */
  SEMANTIC,
  /** BM25 and nearest vectors, fused. */
  HYBRID;

  /**
   * The mode named {@code name} ("bm25", "semantic", "hybrid"), failing with the name otherwise.
   */
  public static Mode of(String name) {
    for (Mode mode : values()) {
      if (mode.key().equals(name)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("retrieval mode must be bm25, semantic or hybrid: " + name);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean needsModel() {
    return this != BM25;
  }
}
