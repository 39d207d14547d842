package org.briefbot.answer;

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
 */
public record Source(
    String passageId,
    String text,
    String keySentence,
    String articleId,
    String article,
    String section,
    String sectionLabel) {}
