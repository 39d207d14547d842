package org.briefbot.app;

import java.nio.file.Path;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.retrieval.Embeddings;

/**
 * Opens the embedding model and the answer judge; kept apart so that BM25-only paths never resolve
 * their classes.
 */
final class Models {
  private Models() {}

  static Embeddings open(BriefbotConfig.RetrievalConfig retrieval) {
    return ModelEmbeddings.open(Path.of(retrieval.embeddingCache()), retrieval.judgeFile());
  }
}
