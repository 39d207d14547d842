package org.briefbot.entities;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A company, person, product or topic, merged from curated entries and every article's notes.
 *
 * @param name canonical name
 * @param aliases other names it goes by
 * @param kind one of {@link EntityKind}'s names ("company", "person", ...); may be empty when no
 *     source says
 * @param summary a short summary; may be empty when no source has one
 * @param articleIds the articles that mention it, sorted
 * @param related entities that share a passage with it, most shared passages first
 * @param description the article's own words for what it is ("Central bank of the eurozone"); may
 *     be empty
 */
public record Entity(
    String name,
    List<String> aliases,
    String kind,
    String summary,
    List<String> articleIds,
    List<String> related,
    String description) {
  public Entity {
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    articleIds = List.copyOf(articleIds);
    related = List.copyOf(related);
  }

  /** An entity without a description. */
  public Entity(
      String name,
      List<String> aliases,
      String kind,
      String summary,
      List<String> articleIds,
      List<String> related) {
    this(name, aliases, kind, summary, articleIds, related, "");
  }

  /** The name followed by the aliases. */
  public List<String> names() {
    return Stream.concat(Stream.of(name), aliases.stream()).toList();
  }
}
