package org.briefbot.app;

import java.nio.file.Path;
import java.util.Optional;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.retrieval.Embeddings;

/**
 * Opens the embedding model and the answer judge; kept apart so that BM25-only paths never resolve
 * their classes.
 */
final class Models {
  private Models() {}

  static Embeddings open(BriefbotConfig.RetrievalConfig retrieval) {
    Optional<Path> judge =
        retrieval.judge().isBlank() ? Optional.empty() : Optional.of(Path.of(retrieval.judge()));
    return ModelEmbeddings.open(Path.of(retrieval.embeddingCache()), judge);
  }
}
