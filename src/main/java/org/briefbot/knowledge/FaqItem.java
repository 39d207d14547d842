package org.briefbot.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A curated FAQ item from {@code knowledge/faq/*.yaml}.
 *
 * @param id stable id: file name and position, e.g. "aws-deal#0"
 * @param questions one or more phrasings of the question
 * @param answer the answer text the bot shows
 * @param article the id of the article it belongs to, if any
 * @param entities canonical names of the entities it is about
 */
public record FaqItem(
    String id,
    List<String> questions,
    String answer,
    Optional<String> article,
    List<String> entities) {
  public FaqItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(article, "article");
    questions = List.copyOf(questions);
    entities = List.copyOf(entities);
    if (questions.isEmpty()) {
      throw new IllegalArgumentException("FAQ item " + id + " has no question");
    }
  }

  /** Article id of curated passages that belong to no article. */
  public static final String NO_ARTICLE_ID = "faq";

  /** Source title of curated passages whose article is unknown. */
  public static final String NO_ARTICLE_TITLE = "FAQ";

  /**
   * This item as a passage to index: the answer is the text, the questions and entities travel with
   * it. The id is {@code <faq file>#curated_faq#<position>}, unique across FAQ files even when two
   * of them cover the same article.
   *
   * @param articleTitle the title of {@link #article()} when known, else {@link #NO_ARTICLE_TITLE}
   */
  public Passage toPassage(String articleTitle) {
    int hash = id.lastIndexOf('#');
    String file = hash < 0 ? id : id.substring(0, hash);
    String index = hash < 0 ? "" : id.substring(hash + 1);
    int position = index.matches("\\d{1,9}") ? Integer.parseInt(index) : 0;
    String passageId =
        file + "#" + Section.CURATED_FAQ.key() + "#" + (index.isEmpty() ? "0" : index);
    return new Passage(
        passageId,
        article.orElse(NO_ARTICLE_ID),
        articleTitle,
        Section.CURATED_FAQ,
        position,
        answer,
        questions,
        entities);
  }
}
