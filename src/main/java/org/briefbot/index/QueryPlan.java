package org.briefbot.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A question turned into concepts: each concept is one thing the question asks about (a word, or an
 * entity named by any of its aliases) with the alternatives that express it in the index. Coverage,
 * and so confidence, is counted per concept, not per Lucene term.
 */
record QueryPlan(List<Concept> concepts) {

  /**
   * @param label the question's words for it, for debugging and key sentences
   * @param alternatives term sequences that express it (one term, a phrase, an alias, a close word)
   * @param idf how rare it is in the index; unknown words are rarest
   */
  record Concept(String label, List<Alternative> alternatives, double idf) {}

  /**
   * @param terms analysed terms; more than one means a phrase
   * @param weight 1 for the question's own words and aliases, less for a close spelling
   */
  record Alternative(List<String> terms, float weight) {}

  boolean isEmpty() {
    return concepts.isEmpty();
  }

  double totalIdf() {
    return concepts.stream().mapToDouble(Concept::idf).sum();
  }

  /** Collapses concepts with the same label (a word asked twice counts once). */
  static QueryPlan distinct(List<Concept> concepts) {
    Map<String, Concept> byLabel = new LinkedHashMap<>();
    for (Concept concept : concepts) {
      byLabel.putIfAbsent(concept.label(), concept);
    }
    return new QueryPlan(new ArrayList<>(byLabel.values()));
  }
}
