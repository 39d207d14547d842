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
 */
public record IndexInput(List<Passage> passages, Map<String, String> articleContext, List<List<String>> synonyms) {
  public IndexInput {
    passages = List.copyOf(passages);
    articleContext = Map.copyOf(articleContext);
    synonyms = synonyms.stream().map(List::copyOf).toList();
  }

  /** Passages alone: no article context, no synonyms (benchmark corpora). */
  public static IndexInput of(List<Passage> passages) {
    return new IndexInput(passages, Map.of(), List.of());
  }
}
