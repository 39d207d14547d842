package org.briefbot.entities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds mentions of known entities in text by their names and aliases, longest name first ("Amazon
 * Web Services" before "Amazon"). Questions may be misspelt, so {@link #linkQuestion} also accepts
 * one typo in a long word ("anapurna labs"). Immutable and thread-safe.
 */
public final class EntityLinker {
  /** Words shorter than this must be spelt right: "aws" must not match "was". */
  private static final int MIN_FUZZY_LENGTH = 5;

  private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

  /** Names by their first token, so each text position tries only names that could start there. */
  private final Map<String, List<Name>> byFirstToken = new HashMap<>();

  private final List<Name> all = new ArrayList<>();

  /**
   * Long first tokens by themselves and by each one-letter deletion of them. Two words are one edit
   * apart only if they share such a key, so a misspelt word finds its candidate names in a few
   * lookups instead of a pass over every name of a large catalog.
   */
  private final Map<String, List<String>> firstTokensByDeletion = new HashMap<>();

  private record Name(List<String> tokens, String entity) {}

  /**
   * Longest name first; among equally long names by entity, then by the name's words, so the order
   * (and which of two fuzzy matches wins) does not depend on the order names arrived in.
   */
  private static final Comparator<Name> ORDER =
      Comparator.comparingInt((Name n) -> -n.tokens.size())
          .thenComparing(Name::entity)
          .thenComparing(n -> String.join(" ", n.tokens));

  /**
   * @param names canonical entity name to all of its names (canonical and aliases)
   */
  EntityLinker(Map<String, List<String>> names) {
    names.forEach((entity, list) -> list.forEach(n -> add(entity, n)));
    byFirstToken.values().forEach(l -> l.sort(ORDER));
    all.sort(ORDER);
    for (String first : byFirstToken.keySet()) {
      if (first.length() >= MIN_FUZZY_LENGTH) {
        for (String key : withDeletions(first)) {
          firstTokensByDeletion.computeIfAbsent(key, k -> new ArrayList<>()).add(first);
        }
      }
    }
  }

  /** The word and the words made by deleting one of its letters. */
  private static Set<String> withDeletions(String word) {
    Set<String> keys = new HashSet<>();
    keys.add(word);
    for (int i = 0; i < word.length(); i++) {
      keys.add(word.substring(0, i) + word.substring(i + 1));
    }
    return keys;
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
    return link(Names.tokens(text), Optional.empty());
  }

  /**
   * Like {@link #link}, but a long word {@code known} does not accept may be one typo away from a
   * name: "anapurna" is Annapurna, while "what" is a word, not "wheat" misspelt.
   */
  public List<String> linkQuestion(String question, Predicate<String> known) {
    return link(Names.tokens(question), Optional.of(known));
  }

  /** {@code known}: the words that are no typo; empty when every word must be spelt right. */
  private List<String> link(List<String> tokens, Optional<Predicate<String>> known) {
    Set<String> found = new LinkedHashSet<>();
    int i = 0;
    while (i < tokens.size()) {
      Name match = longestAt(tokens, i, known);
      if (match == null) {
        i++;
      } else {
        found.add(match.entity);
        i += match.tokens.size();
      }
    }
    return List.copyOf(found);
  }

  private Name longestAt(List<String> tokens, int start, Optional<Predicate<String>> known) {
    for (Name name : byFirstToken.getOrDefault(tokens.get(start), List.of())) {
      if (matches(tokens, start, name, word -> true)) {
        return name;
      }
    }
    if (known.isEmpty()) {
      return null;
    }
    for (Name name : fuzzyCandidates(tokens.get(start))) {
      if (matches(tokens, start, name, known.get())) {
        return name;
      }
    }
    return null;
  }

  /**
   * The names whose first token could be {@code word} misspelt (or {@code word} itself), in {@link
   * #ORDER}: the names of {@link #all} that {@link #matches} can accept, found by one-deletion keys
   * rather than by trying every name.
   */
  private List<Name> fuzzyCandidates(String word) {
    Set<String> firsts = new HashSet<>();
    if (byFirstToken.containsKey(word)) {
      firsts.add(word);
    }
    if (word.length() >= MIN_FUZZY_LENGTH - 1) {
      for (String key : withDeletions(word)) {
        firsts.addAll(firstTokensByDeletion.getOrDefault(key, List.of()));
      }
    }
    List<Name> candidates = new ArrayList<>();
    for (String first : firsts) {
      candidates.addAll(byFirstToken.get(first));
    }
    candidates.sort(ORDER);
    return candidates;
  }

  /**
   * Whether the name stands at {@code start}, each word spelt right or one typo away unless known.
   */
  private static boolean matches(
      List<String> tokens, int start, Name name, Predicate<String> known) {
    if (start + name.tokens.size() > tokens.size()) {
      return false;
    }
    for (int k = 0; k < name.tokens.size(); k++) {
      String word = tokens.get(start + k);
      String named = name.tokens.get(k);
      if (!same(word, named, false) && !(same(word, named, true) && !known.test(word))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code word} is {@code name}, or with {@code fuzzy} one edit from a long one, two
   * neighbouring letters swapped counting as one ("boieng"): a typist's slip, though Levenshtein
   * counts it twice. Lengths more than a letter apart are ruled out before the edit distance:
   * suggestions run this for every word of every name in the catalog.
   */
  static boolean same(String word, String name, boolean fuzzy) {
    if (word.equals(name)) {
      return true;
    }
    return fuzzy
        && name.length() >= MIN_FUZZY_LENGTH
        && word.length() >= MIN_FUZZY_LENGTH - 1
        && Math.abs(word.length() - name.length()) <= 1
        && (ONE_EDIT.apply(word, name) >= 0 || swapped(word, name));
  }

  /**
   * Whether {@code word} is {@code name} or, both long enough, one slip from it: a letter added,
   * dropped or changed, or two neighbouring letters swapped.
   */
  public static boolean spelledAlike(String word, String name) {
    return same(word, name, true);
  }

  /** Whether the two differ only by one pair of neighbouring letters swapped. */
  private static boolean swapped(String word, String name) {
    if (word.length() != name.length()) {
      return false;
    }
    int first = 0;
    while (first < word.length() && word.charAt(first) == name.charAt(first)) {
      first++;
    }
    return first + 1 < word.length()
        && word.charAt(first) == name.charAt(first + 1)
        && word.charAt(first + 1) == name.charAt(first)
        && word.regionMatches(first + 2, name, first + 2, word.length() - first - 2);
  }
}
