package org.briefbot.answer;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.index.Hit;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;

/**
 * Finds the curated FAQ item an editor wrote for exactly the question asked: one of its known
 * questions has the same content words (stems, stop and question words aside), so "what are
 * trainium chips" is "What are Trainium chips?". Such an answer wins over an entity card and
 * over ranking: the editor has already said what answers this question.
 */
final class CuratedQuestions {
  /** The item shares every content word with the question, so BM25 ranks it near the top. */
  private static final int LOOK_AT = 10;

  private final PassageIndex index;
  private final TextAnalysis analysis;

  CuratedQuestions(PassageIndex index, TextAnalysis analysis) {
    this.index = index;
    this.analysis = analysis;
  }

  /** The curated passage with a known question worded like {@code question}, if any; ties by rank, then id. */
  Optional<Passage> find(String question) {
    Set<String> asked = new HashSet<>(analysis.terms(question));
    if (asked.isEmpty()) {
      return Optional.empty();
    }
    List<Hit> hits = index.search(SearchRequest.of(question, LOOK_AT));
    return hits.stream().map(Hit::passage).filter(p -> asks(p, asked)).findFirst();
  }

  private boolean asks(Passage passage, Set<String> asked) {
    return passage.questions().stream().anyMatch(q -> asked.equals(new HashSet<>(analysis.terms(q))));
  }
}
