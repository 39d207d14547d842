package org.briefbot.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefbot.index.PassageVectors;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.PassageTexts;

/**
 * The vectors the model already has for a passage, nothing embedded: a passage gets its vector only
 * when its text and every sentence of it are cached, so a document either has all its vectors or
 * none, and is embedded later in the background.
 */
record CachedVectors(Embeddings embeddings) implements PassageVectors {
  @Override
  public Optional<float[]> passage(Passage passage) {
    if (sentences(passage).size() != PassageTexts.sentencesForEmbedding(passage).size()) {
      return Optional.empty();
    }
    return embeddings.cached(PassageTexts.forEmbedding(passage));
  }

  @Override
  public List<float[]> sentences(Passage passage) {
    List<float[]> vectors = new ArrayList<>();
    for (String sentence : PassageTexts.sentencesForEmbedding(passage)) {
      Optional<float[]> vector = embeddings.cached(sentence);
      if (vector.isEmpty()) {
        return List.of();
      }
      vectors.add(vector.get());
    }
    return vectors;
  }
}
