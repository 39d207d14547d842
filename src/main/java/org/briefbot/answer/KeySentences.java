package org.briefbot.answer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;

/** Picks the sentence of a passage that best answers the question, for channels to emphasise. */
final class KeySentences {
  /** A sentence ends at . ! or ? followed by a space and a capital, digit, quote or dollar sign. */
  private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\\p{N}\"'$(])");

  private final TextAnalysis analysis;
  private final PassageIndex index;

  KeySentences(TextAnalysis analysis, PassageIndex index) {
    this.analysis = analysis;
    this.index = index;
  }

  List<String> terms(String text) {
    return analysis.terms(text);
  }

  /** The sentence sharing the rarest words with the question; the first one on a tie or no overlap. */
  String best(String passage, String question) {
    String[] sentences = BOUNDARY.split(passage.strip());
    // Each asked word's rarity is looked up once, not once per sentence that has it.
    Map<String, Double> asked = new HashMap<>();
    for (String term : analysis.terms(question)) {
      asked.computeIfAbsent(term, index::idf);
    }
    String best = sentences[0];
    double bestScore = 0;
    for (String sentence : sentences) {
      double score = 0;
      for (String term : new HashSet<>(analysis.terms(sentence))) {
        Double idf = asked.get(term);
        if (idf != null) {
          score += idf;
        }
      }
      if (score > bestScore) {
        best = sentence;
        bestScore = score;
      }
    }
    return best;
  }
}
