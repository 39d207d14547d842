package org.briefbot.app;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.PassageTexts;

/**
 * What goes into an index besides the passages: their vectors from the model, embedded first or
 * only as far as the model has them already. The knowledge folder's index is written by {@link
 * LiveArchive}; {@link #inMemory} indexes a benchmark corpus or a training subset that is searched
 * once and dropped.
 */
final class Indexing {
  private Indexing() {}

  /** Indexes {@code input} in memory, with passage vectors when {@code model} is given. */
  static PassageIndex inMemory(
      IndexInput input, IndexSettings settings, Optional<Embeddings> model) {
    return PassageIndex.build(withVectors(input, model), settings, new TextAnalysis());
  }

  /**
   * {@code input} with a vector for every passage when {@code model} is given: texts the model's
   * cache lacks are embedded first, and each passage's vectors are read back from the cache as its
   * document is written, so no more than a few of them are on the heap at once.
   */
  static IndexInput withVectors(IndexInput input, Optional<Embeddings> model) {
    if (model.isEmpty()) {
      return input;
    }
    model.get().prepare(textsToEmbed(input.passages()));
    return input.withVectors(new EmbeddedVectors(model.get()));
  }

  /**
   * {@code input} with the vectors the model already has (nothing is embedded): passages whose
   * vectors are not cached are written without, for BM25 to find at once and for the model to catch
   * up with in the background.
   */
  static IndexInput withCachedVectors(IndexInput input, Optional<Embeddings> model) {
    return model.isEmpty() ? input : input.withVectors(new CachedVectors(model.get()));
  }

  /**
   * The texts {@link #withVectors} embeds for these passages: each passage's, then its sentences,
   * the order the cache has always been filled in.
   */
  static Stream<String> textsToEmbed(List<Passage> passages) {
    return Stream.concat(
        passages.stream().map(PassageTexts::forEmbedding),
        passages.stream().flatMap(p -> PassageTexts.sentencesForEmbedding(p).stream()));
  }
}
