package org.briefbot.answer;

import java.util.List;
import java.util.Objects;

/**
 * What the bot says about an entity.
 *
 * @param name canonical name
 * @param kind e.g. "company"; may be empty
 * @param summary short summary; may be empty
 * @param articles titles of the articles that mention it
 * @param related names of entities that share passages with it, most shared first
 * @param description the article's own words for what it is, e.g. "Central bank of the eurozone";
 *     may be empty
 */
public record EntityCard(
    String name,
    String kind,
    String summary,
    List<String> articles,
    List<String> related,
    String description) {
  public EntityCard {
    Objects.requireNonNull(description, "description");
    articles = List.copyOf(articles);
    related = List.copyOf(related);
  }

  /** A card without a description. */
  public EntityCard(
      String name, String kind, String summary, List<String> articles, List<String> related) {
    this(name, kind, summary, articles, related, "");
  }

  /**
   * What it is in a few words: "organisation · Central bank of the eurozone", or the kind alone.
   */
  public String kindLine() {
    if (description.isBlank()) {
      return kind;
    }
    return kind.isBlank() ? description : kind + " · " + description;
  }
}
