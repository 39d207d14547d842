package org.briefbot.app;

import java.util.List;
import java.util.Optional;
import org.briefbot.index.PassageVectors;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.PassageTexts;

/**
 * Passage and sentence vectors read from the model (its cache, once {@link Embeddings#prepare} has
 * seen the texts) when the index writer asks for them, instead of all held at once.
 */
record EmbeddedVectors(Embeddings embeddings) implements PassageVectors {
  @Override
  public Optional<float[]> passage(Passage passage) {
    return Optional.of(embeddings.passage(PassageTexts.forEmbedding(passage)));
  }

  @Override
  public List<float[]> sentences(Passage passage) {
    return PassageTexts.sentencesForEmbedding(passage).stream().map(embeddings::passage).toList();
  }
}
