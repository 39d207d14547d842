package org.briefbot.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.briefbot.knowledge.Passage;

/**
 * What goes into a passage index.
 *
 * @param passages the passages, in a stable order (document order decides nothing, but keeps builds
 *     identical)
 * @param articleContext per article id, its hashtags and themes as text; helps a question find its
 *     article
 * @param synonyms groups of names for the same thing, e.g. [Amazon Web Services, AWS]
 * @param vectors each passage's unit-length embedding and those of its sentences (only passages of
 *     two or more sentences have them); {@link PassageVectors#NONE} for a BM25-only index
 */
public record IndexInput(
    List<Passage> passages,
    Map<String, String> articleContext,
    List<List<String>> synonyms,
    PassageVectors vectors) {
  public IndexInput {
    passages = List.copyOf(passages);
    articleContext = Map.copyOf(articleContext);
    synonyms = synonyms.stream().map(List::copyOf).toList();
    Objects.requireNonNull(vectors, "vectors");
  }

  /** Without vectors: a BM25-only index. */
  public IndexInput(
      List<Passage> passages, Map<String, String> articleContext, List<List<String>> synonyms) {
    this(passages, articleContext, synonyms, PassageVectors.NONE);
  }

  /** The same input with passage vectors, by passage id (no sentence vectors). */
  public IndexInput withVectors(Map<String, float[]> byPassageId) {
    return withVectors(PassageVectors.of(byPassageId, Map.of()));
  }

  /** The same input with passage and sentence vectors, by passage id. */
  public IndexInput withVectors(
      Map<String, float[]> byPassageId, Map<String, List<float[]>> sentencesByPassageId) {
    return withVectors(PassageVectors.of(byPassageId, sentencesByPassageId));
  }

  /** The same input with vectors from {@code source}, read as each passage is indexed. */
  public IndexInput withVectors(PassageVectors source) {
    return new IndexInput(passages, articleContext, synonyms, source);
  }

  /** Passages alone: no article context, no synonyms (benchmark corpora). */
  public static IndexInput of(List<Passage> passages) {
    return new IndexInput(passages, Map.of(), List.of());
  }
}
