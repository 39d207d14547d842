package org.briefbot.answer;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * Finds the curated FAQ item an editor wrote for exactly the question asked: one of its known
 * questions has the same content words (stems, stop and question words aside), so "what are
 * trainium chips" is "What are Trainium chips?". Such an answer wins over an entity card and over
 * ranking: the editor has already said what answers this question.
 *
 * <p>Curated items are few, so their questions' word sets are kept in a map built once: a question
 * costs one analysis and one look-up, not a search, whatever the size of the archive.
 */
final class CuratedQuestions {
  /**
   * Content words of a known question to the curated passage; the lowest passage id wins a clash.
   */
  private final Map<Set<String>, Passage> byWords;

  private final TextAnalysis analysis;

  CuratedQuestions(PassageIndex index, TextAnalysis analysis) {
    this.analysis = analysis;
    this.byWords =
        index.passagesIn(Section.CURATED_FAQ).stream()
            .sorted(Comparator.comparing(Passage::id))
            .flatMap(p -> p.questions().stream().map(q -> Map.entry(words(q), p)))
            .filter(e -> !e.getKey().isEmpty())
            .collect(
                Collectors.toUnmodifiableMap(
                    Map.Entry::getKey, Map.Entry::getValue, (first, second) -> first));
  }

  /** The curated passage with a known question worded like {@code question}, if any. */
  Optional<Passage> find(String question) {
    Set<String> asked = words(question);
    return asked.isEmpty() ? Optional.empty() : Optional.ofNullable(byWords.get(asked));
  }

  /** Whether no editor answered any question: then no question need be matched again respelt. */
  boolean isEmpty() {
    return byWords.isEmpty();
  }

  private Set<String> words(String text) {
    return Set.copyOf(analysis.terms(text));
  }
}
