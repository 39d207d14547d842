package org.briefbot.entities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * What the catalog counts over every article's links, kept between updates so that an update
 * subtracts what a changed or removed article counted and adds what a new one counts, instead of
 * counting the whole archive again. Mutable: one catalog owns it at a time and hands it to the
 * catalog its update makes.
 *
 * <p>Counts are over the names the links hold, whether or not they are still an entity's name; the
 * catalog leaves out the ones that are not when it reads them, which gives the same counts as
 * leaving them out of every passage first.
 */
final class Mentions {
  /** Per name, how many passages it shares with each other name. */
  private final Map<String, Map<String, Integer>> together = new HashMap<>();

  /**
   * Per key of a name, the articles whose title or passages name it, sorted: a list, not a sorted
   * set, as an archive's article ids fill it in order and a list holds them in a tenth of the heap.
   */
  private final Map<String, List<String>> articlesByKey = new HashMap<>();

  /**
   * Counts of every article's links, e.g. read back from a snapshot.
   *
   * @param key a name's key ({@link Names#key}), as the catalog caches it
   */
  static Mentions of(Map<String, ArticleLinks> links, UnaryOperator<String> key) {
    Mentions mentions = new Mentions();
    Set<String> ignored = new HashSet<>();
    // In id order, so that each article id is appended to the lists rather than inserted.
    new TreeMap<>(links).forEach((id, found) -> mentions.add(id, found, key, ignored));
    return mentions;
  }

  /** Counts an article's links; the names whose counts changed go to {@code touched}. */
  void add(String articleId, ArticleLinks links, UnaryOperator<String> key, Set<String> touched) {
    count(links, 1, touched);
    for (String k : keysOf(links, key)) {
      List<String> articles = articlesByKey.computeIfAbsent(k, x -> new ArrayList<>());
      int at = Collections.binarySearch(articles, articleId);
      if (at < 0) {
        articles.add(-at - 1, articleId);
      }
    }
  }

  /** Takes back what {@link #add} counted for these links of the article. */
  void remove(
      String articleId, ArticleLinks links, UnaryOperator<String> key, Set<String> touched) {
    count(links, -1, touched);
    for (String k : keysOf(links, key)) {
      List<String> articles = articlesByKey.getOrDefault(k, List.of());
      int at = Collections.binarySearch(articles, articleId);
      if (at >= 0) {
        articles.remove(at);
        if (articles.isEmpty()) {
          articlesByKey.remove(k);
        }
      }
    }
  }

  /** How many passages {@code name} shares with each other name; empty when none. */
  Map<String, Integer> together(String name) {
    return together.getOrDefault(name, Map.of());
  }

  /** The articles whose links name something with this key, sorted; empty when none. */
  List<String> articles(String nameKey) {
    return Collections.unmodifiableList(articlesByKey.getOrDefault(nameKey, List.of()));
  }

  private void count(ArticleLinks links, int step, Set<String> touched) {
    for (List<String> inPassage : links.inPassages()) {
      if (inPassage.size() > 1) {
        for (String name : inPassage) {
          touched.add(name);
          count(name, inPassage, step);
        }
      }
    }
  }

  private void count(String name, Collection<String> inPassage, int step) {
    Map<String, Integer> counts = together.computeIfAbsent(name, k -> new HashMap<>());
    for (String other : inPassage) {
      if (!other.equals(name)) {
        // A count that falls to zero goes: a pair no passage has any more is no pair.
        counts.merge(other, step, (a, b) -> a + b == 0 ? null : a + b);
      }
    }
    if (counts.isEmpty()) {
      together.remove(name);
    }
  }

  private static Set<String> keysOf(ArticleLinks links, UnaryOperator<String> key) {
    Set<String> keys = new HashSet<>();
    links.inTitle().forEach(n -> keys.add(key.apply(n)));
    links.inPassages().forEach(p -> p.forEach(n -> keys.add(key.apply(n))));
    return keys;
  }
}
