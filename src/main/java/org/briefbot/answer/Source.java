package org.briefbot.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.knowledge.Passage;

/**
 * A passage shown as an answer, with where it came from.
 *
 * @param passageId stable id of the passage ("entity:NAME" for entity cards)
 * @param text the passage, under 1,200 characters
 * @param keySentence the sentence of {@code text} that best answers the question
 * @param articleId id of the source article, or "faq" / "entity"
 * @param article title of the source article (the entity name for entity cards)
 * @param section section key, e.g. "faq", "why_it_matters", or "entity"
 * @param sectionLabel section heading readers see, e.g. "Why It Matters"
 * @param link where to read the source article, when its file gives a "Link:"
 */
public record Source(
    String passageId,
    String text,
    String keySentence,
    String articleId,
    String article,
    String section,
    String sectionLabel,
    Optional<String> link) {
  public Source {
    Objects.requireNonNull(link, "link");
  }

  /** A source without a link. */
  public Source(
      String passageId,
      String text,
      String keySentence,
      String articleId,
      String article,
      String section,
      String sectionLabel) {
    this(passageId, text, keySentence, articleId, article, section, sectionLabel, Optional.empty());
  }

  /** The same source with another of its text's sentences as the one to emphasise. */
  public Source withKeySentence(String sentence) {
    return new Source(passageId, text, sentence, articleId, article, section, sectionLabel, link);
  }

  /**
   * The key sentence, after the one before it when it opens by pointing back, as {@link
   * KeySentences} reads an opening: "His Liber servitoris is of particular interest ..." alone does
   * not say whose, the sentence before it names him. One sentence only, so that a reply led by it
   * still fits a phone screen.
   */
  public String keySentenceLedIn() {
    int at = text.indexOf(keySentence);
    if (at <= 0 || !KeySentences.opensByPointingBack(keySentence)) {
      return keySentence;
    }
    List<String> before = Passage.sentences(text.substring(0, at));
    int from = before.isEmpty() ? -1 : text.lastIndexOf(before.get(before.size() - 1), at);
    return from < 0 ? keySentence : text.substring(from, at + keySentence.length());
  }
}
