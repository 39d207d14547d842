package org.briefbot.retrieval;

import java.util.List;
import org.briefbot.knowledge.Passage;

/**
 * The texts of a passage that are embedded: the whole (known questions, then text), and its
 * sentences.
 */
public final class PassageTexts {
  private PassageTexts() {}

  /** Known question phrasings first: a curated FAQ answer is found by the questions it answers. */
  public static String forEmbedding(Passage passage) {
    if (passage.questions().isEmpty()) {
      return passage.text();
    }
    return String.join("\n", passage.questions()) + "\n" + passage.text();
  }

  /**
   * Its sentences, each embedded on its own when there are two or more: a question answered by one
   * sentence of a long paragraph is closer to that sentence than to the paragraph's average. Empty
   * for a one-sentence passage, whose passage vector already is its sentence's.
   */
  public static List<String> sentencesForEmbedding(Passage passage) {
    List<String> sentences = passage.sentences();
    return sentences.size() < 2 ? List.of() : sentences;
  }
}
