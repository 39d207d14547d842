package org.briefbot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;

/** Picks the sentence of a passage that best answers the question, for channels to emphasise. */
final class KeySentences {
  /** How much sharing all of the question's words counts against a sentence's cosine. */
  private static final double WORDS_WEIGHT = 0.3;

  private final TextAnalysis analysis;
  private final PassageIndex index;

  /**
   * Each sentence's distinct terms: the same passages answer question after question, and analysing
   * every sentence of the answer was an eighth of a seed answer's time.
   */
  private final BoundedMemo<String, Set<String>> sentenceTerms =
      new BoundedMemo<>(BoundedMemo.DEFAULT_LIMIT);

  KeySentences(TextAnalysis analysis, PassageIndex index) {
    this.analysis = analysis;
    this.index = index;
  }

  List<String> terms(String text) {
    return analysis.terms(text);
  }

  /**
   * The sentence that answers best: the highest sum of its cosine with the question (from
   * retrieval, when known) and the share of the question's rarest words it has. Either alone errs:
   * the vectors favour a sentence naming the same company, the words one sharing a verb. The first
   * sentence wins ties; the result is always a substring of the passage text.
   */
  String best(Passage passage, String question, double[] cosines) {
    List<String> sentences = passage.sentences();
    if (sentences.isEmpty()) {
      return passage.text();
    }
    if (sentences.size() == 1) {
      return sentences.get(0);
    }
    boolean vectors = cosines.length == sentences.size();
    Map<String, Double> asked = idfs(analysis.terms(question));
    double total = asked.values().stream().mapToDouble(Double::doubleValue).sum();
    String best = sentences.get(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < sentences.size(); i++) {
      double words = total == 0 ? 0 : sharedIdf(sentences.get(i), asked) / total;
      double score = (vectors ? cosines[i] : 0) + WORDS_WEIGHT * words;
      if (score > bestScore) {
        best = sentences.get(i);
        bestScore = score;
      }
    }
    return best;
  }

  /**
   * Each distinct asked term's rarity, looked up once per question rather than once per sentence.
   */
  private Map<String, Double> idfs(List<String> terms) {
    Map<String, Double> idfs = new HashMap<>();
    for (String term : terms) {
      idfs.computeIfAbsent(term, index::idf);
    }
    return idfs;
  }

  /**
   * Looks up the few asked terms in the sentence's set, not each of its many terms in the
   * question's.
   */
  private double sharedIdf(String sentence, Map<String, Double> asked) {
    Set<String> terms = sentenceTerms.get(sentence, s -> Set.copyOf(analysis.terms(s)));
    double shared = 0;
    for (Map.Entry<String, Double> term : asked.entrySet()) {
      if (terms.contains(term.getKey())) {
        shared += term.getValue();
      }
    }
    return shared;
  }
}
