package org.briefbot.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The unit of retrieval: one takeaway, background bullet, analysis paragraph, FAQ answer or entity
 * note. It knows its article, section and position so an answer can cite its source.
 *
 * @param id stable id, {@code articleId#section#position}; breaks score ties deterministically
 * @param articleId the article's id (file name without extension), or "faq" for curated items
 * @param articleTitle the title readers see as the source
 * @param section where the passage comes from
 * @param position 0-based position within the section
 * @param text clean passage text, what the bot shows
 * @param questions question phrasings known for this passage (curated FAQ items), may be empty
 * @param entities canonical entity names the passage is about (entity notes, curated FAQ items)
 */
public record Passage(
    String id,
    String articleId,
    String articleTitle,
    Section section,
    int position,
    String text,
    List<String> questions,
    List<String> entities) {

  public Passage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(articleTitle, "articleTitle");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(text, "text");
    if (position < 0) {
      throw new IllegalArgumentException("position < 0: " + position);
    }
    questions = List.copyOf(questions);
    entities = List.copyOf(entities);
  }

  /** A passage of an article: id derived from article, section and position. */
  public static Passage of(
      String articleId, String articleTitle, Section section, int position, String text) {
    return new Passage(
        articleId + "#" + section.key() + "#" + position,
        articleId,
        articleTitle,
        section,
        position,
        text,
        List.of(),
        List.of());
  }

  /**
   * The sentences of its text, in order, each a substring of {@link #text()}: what sentence vectors
   * are made of and what a channel emphasises. A line break ends a sentence too (a title line, a
   * bullet).
   */
  public List<String> sentences() {
    return sentences(text);
  }

  /** The sentences of a passage's {@code text}, as {@link #sentences()} cuts them. */
  public static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || isLineBreak(text.charAt(i))) {
        String line = text.substring(start, i);
        if (!line.isBlank()) {
          sentences.addAll(Text.sentences(line.strip()));
        }
        start = i + 1;
      }
    }
    return sentences;
  }

  /**
   * The characters {@code \R} matches, tested one by one: cheaper than the pattern, and sentences
   * are cut for every candidate of every question ("\r\n" leaves a blank line between, skipped).
   */
  private static boolean isLineBreak(char c) {
    return c == '\n'
        || c == '\r'
        || c == '\u000B'
        || c == '\f'
        || c == '\u0085'
        || c == '\u2028'
        || c == '\u2029';
  }

  /** This passage with the given question phrasings. */
  public Passage withQuestions(List<String> newQuestions) {
    return new Passage(
        id, articleId, articleTitle, section, position, text, newQuestions, entities);
  }

  /** This passage with the given canonical entity names. */
  public Passage withEntities(List<String> newEntities) {
    return new Passage(
        id, articleId, articleTitle, section, position, text, questions, newEntities);
  }
}
