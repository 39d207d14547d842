package org.briefbot.knowledge;

import java.util.Objects;

/**
 * What an article says about one related entity ("Related People & Topics").
 *
 * @param name the entity's name as the article gives it
 * @param kind a short description such as "Israel-based microelectronics company", may be empty
 * @param summary the cleaned note text, may be empty when the article lists the name only
 */
public record EntityNote(String name, String kind, String summary) {
  public EntityNote {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    if (name.isBlank()) {
      throw new IllegalArgumentException("entity name is blank");
    }
  }
}
