package org.briefbot.entities;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A company, person, product or topic, merged from curated entries and every article's notes.
 *
 * @param name canonical name
 * @param aliases other names it goes by
 * @param kind what it is ("company", or an article's description such as "Israel-based
 *     microelectronics company"); may be empty
 * @param summary a short summary; may be empty when no source has one
 * @param articleIds the articles that mention it, sorted
 * @param related entities that appear beside it in articles, most often first
 */
public record Entity(
    String name,
    List<String> aliases,
    String kind,
    String summary,
    List<String> articleIds,
    List<String> related) {
  public Entity {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    articleIds = List.copyOf(articleIds);
    related = List.copyOf(related);
  }

  /** The name followed by the aliases. */
  public List<String> names() {
    return Stream.concat(Stream.of(name), aliases.stream()).toList();
  }
}
