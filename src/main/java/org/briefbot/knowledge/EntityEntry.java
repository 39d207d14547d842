package org.briefbot.knowledge;

import java.util.List;
import java.util.Objects;

/**
 * A curated entity from {@code knowledge/entities/*.yaml}.
 *
 * @param name canonical name, e.g. "Amazon Web Services"
 * @param aliases other names readers use, e.g. "AWS"
 * @param kind e.g. "company", "person", "topic", "product"
 * @param summary a short summary; may be empty when articles supply the note
 */
public record EntityEntry(String name, List<String> aliases, String kind, String summary) {
  public EntityEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    aliases = List.copyOf(aliases);
    if (name.isBlank()) {
      throw new IllegalArgumentException("entity name is blank");
    }
  }
}
