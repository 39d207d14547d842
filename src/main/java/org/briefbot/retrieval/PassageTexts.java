package org.briefbot.retrieval;

import org.briefbot.knowledge.Passage;

/** The text of a passage that is embedded: its known questions, then its text. */
public final class PassageTexts {
  private PassageTexts() {}

  /** Known question phrasings first: a curated FAQ answer is found by the questions it answers. */
  public static String forEmbedding(Passage passage) {
    if (passage.questions().isEmpty()) {
      return passage.text();
    }
    return String.join("\n", passage.questions()) + "\n" + passage.text();
  }
}
