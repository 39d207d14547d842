package org.briefbot.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds mentions of known entities in text by their names and aliases, longest name first
 * ("Amazon Web Services" before "Amazon"). Questions may be misspelt, so {@link #linkQuestion}
 * also accepts one typo in a long word ("anapurna labs"). Immutable and thread-safe.
 */
public final class EntityLinker {
  /** Words shorter than this must be spelt right: "aws" must not match "was". */
  private static final int MIN_FUZZY_LENGTH = 5;
  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

  /** Names by their first token, so each text position tries only names that could start there. */
  private final Map<String, List<Name>> byFirstToken = new HashMap<>();
  private final List<Name> all = new ArrayList<>();

  private record Name(List<String> tokens, String entity) {}

  /**
   * Longest name first; among equally long names by entity, then by the name's words, so the
   * order (and which of two fuzzy matches wins) does not depend on the order names arrived in.
   */
  private static final Comparator<Name> ORDER =
      Comparator.comparingInt((Name n) -> -n.tokens.size())
          .thenComparing(Name::entity)
          .thenComparing(n -> String.join(" ", n.tokens));

  /** @param names canonical entity name to all of its names (canonical and aliases) */
  EntityLinker(Map<String, List<String>> names) {
    names.forEach((entity, list) -> list.forEach(n -> add(entity, n)));
    byFirstToken.values().forEach(l -> l.sort(ORDER));
    all.sort(ORDER);
  }

  private void add(String entity, String name) {
    List<String> tokens = Names.tokens(name);
    if (!tokens.isEmpty()) {
      Name n = new Name(tokens, entity);
      byFirstToken.computeIfAbsent(tokens.get(0), k -> new ArrayList<>()).add(n);
      all.add(n);
    }
  }

  /** Canonical names of the entities {@code text} mentions, in order of first mention. */
  public List<String> link(String text) {
    return link(Names.tokens(text), false);
  }

  /** Like {@link #link}, but a long word may be one typo away from a name. */
  public List<String> linkQuestion(String question) {
    return link(Names.tokens(question), true);
  }

  private List<String> link(List<String> tokens, boolean fuzzy) {
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < tokens.size()) {
      Name match = longestAt(tokens, i, fuzzy);
      if (match == null) {
        i++;
      } else {
        found.add(match.entity);
        i += match.tokens.size();
      }
    }
    return List.copyOf(found);
  }

  private Name longestAt(List<String> tokens, int start, boolean fuzzy) {
    for (Name name : byFirstToken.getOrDefault(tokens.get(start), List.of())) {
      if (matches(tokens, start, name, false)) {
        return name;
      }
    }
    if (!fuzzy) {
      return null;
    }
    for (Name name : all) {
      if (matches(tokens, start, name, true)) {
        return name;
      }
    }
    return null;
  }

  private static boolean matches(List<String> tokens, int start, Name name, boolean fuzzy) {
    if (start + name.tokens.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < name.tokens.size(); k++) {
      if (!same(tokens.get(start + k), name.tokens.get(k), fuzzy)) {
        return false;
      }
    }
    return true;
  }

  static boolean same(String word, String name, boolean fuzzy) {
    if (word.equals(name)) {
      return true;
    }
    return fuzzy && name.length() >= MIN_FUZZY_LENGTH && word.length() >= MIN_FUZZY_LENGTH - 1 && ONE_EDIT.apply(word, name) >= 0;
  }
}
