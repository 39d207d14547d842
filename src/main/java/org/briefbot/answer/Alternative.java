package org.briefbot.answer;

/**
 * Another passage worth offering, or, for a declined question, a topic the bot does know.
 *
 * @param passageId the passage's id, or "topic:ARTICLE" / "entity:NAME" for topics
 * @param text passage text, or the topic's title; for the passage a declined question came closest
 *     to, its key sentence
 * @param articleId the source article's id
 * @param article the source article's title
 * @param section section key ("topic" or "entity" for declined questions)
 * @param confidence how well it matches the question, in [0,1]
 */
public record Alternative(
    String passageId,
    String text,
    String articleId,
    String article,
    String section,
    double confidence) {
  /** Whether it names a topic (an article or an entity) rather than a passage. */
  public boolean isTopic() {
    return passageId.startsWith("topic:") || passageId.startsWith("entity:");
  }
}
