package org.briefbot.index;

import java.util.List;
import java.util.Map;
import org.briefbot.knowledge.Passage;

/**
 * What goes into a passage index.
 *
 * @param passages the passages, in a stable order (document order decides nothing, but keeps builds identical)
 * @param articleContext per article id, its hashtags and themes as text; helps a question find its article
 * @param synonyms groups of names for the same thing, e.g. [Amazon Web Services, AWS]
 * @param vectors per passage id, its unit-length embedding; empty for a BM25-only index
 * @param sentenceVectors per passage id, the unit-length embeddings of its sentences in order;
 *     only passages of two or more sentences have them
 */
public record IndexInput(
    List<Passage> passages,
    Map<String, String> articleContext,
    List<List<String>> synonyms,
    Map<String, float[]> vectors,
    Map<String, List<float[]>> sentenceVectors) {
  public IndexInput {
    passages = List.copyOf(passages);
    articleContext = Map.copyOf(articleContext);
    synonyms = synonyms.stream().map(List::copyOf).toList();
    vectors = Map.copyOf(vectors);
    sentenceVectors = Map.copyOf(sentenceVectors);
  }

  /** Without vectors: a BM25-only index. */
  public IndexInput(List<Passage> passages, Map<String, String> articleContext, List<List<String>> synonyms) {
    this(passages, articleContext, synonyms, Map.of(), Map.of());
  }

  /** The same input with passage vectors, by passage id. */
  public IndexInput withVectors(Map<String, float[]> byPassageId) {
    return new IndexInput(passages, articleContext, synonyms, byPassageId, sentenceVectors);
  }

  /** The same input with passage and sentence vectors, by passage id. */
  public IndexInput withVectors(Map<String, float[]> byPassageId, Map<String, List<float[]>> sentencesByPassageId) {
    return new IndexInput(passages, articleContext, synonyms, byPassageId, sentencesByPassageId);
  }

  /** Passages alone: no article context, no synonyms (benchmark corpora). */
  public static IndexInput of(List<Passage> passages) {
    return new IndexInput(passages, Map.of(), List.of());
  }
}
