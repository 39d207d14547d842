package org.briefbot.answer;

import java.util.List;

/**
 * What the bot says about an entity.
 *
 * @param name canonical name
 * @param kind e.g. "company"; may be empty
 * @param summary short summary; may be empty
 * @param articles titles of the articles that mention it
 * @param related names of entities seen beside it
 */
public record EntityCard(
    String name, String kind, String summary, List<String> articles, List<String> related) {
  public EntityCard {
    articles = List.copyOf(articles);
    related = List.copyOf(related);
  }
}
