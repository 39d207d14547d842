package org.briefbot.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Groups questions that ask the same thing in different words, so the unanswered report counts "How
 * much is the AWS deal worth?" and "how much is the aws deal worth" as one.
 *
 * <p>The rule: a question's <em>key</em> is its set of words, lowercased, with punctuation removed,
 * stop words ("the", "is", "what", "how", "tell", "me" ...) dropped and plural and verb endings cut
 * ("deals" and "dealing" become "deal"). Two questions are near-duplicates when their keys are
 * equal or their Jaccard similarity (shared words over all words) is at least {@value #SIMILAR}.
 * Groups form greedily: the most frequent keys first, each joining the first group whose first key
 * is similar enough, so the result does not depend on the order rows come in.
 */
public final class NearDuplicates {
  /** Jaccard similarity of keys at or above which two questions are counted as one. */
  public static final double SIMILAR = 0.8;

  private static final Set<String> STOP_WORDS =
      Set.of(
          "a", "an", "the", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did",
          "of", "to", "in", "on", "at", "for", "with", "by", "from", "about", "and", "or", "but",
          "what", "whats", "how", "much", "many", "can", "could", "would", "should", "will",
          "shall", "may", "might", "must", "i", "you", "me", "my", "your", "we", "us", "our", "it",
          "its", "this", "that", "these", "those", "there", "tell", "please", "s", "t", "d", "ll",
          "re", "ve", "m");

  private NearDuplicates() {}

  /** One logged question. */
  record Logged(String question, Reason reason, Instant at, List<String> candidates) {}

  /** The key of {@code question}: its normalized words, sorted. */
  public static Set<String> key(String question) {
    Set<String> words = new TreeSet<>();
    for (String word : question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !STOP_WORDS.contains(word)) {
        words.add(stem(word));
      }
    }
    return words;
  }

  /** Plural and verb endings, cut conservatively: short words are left alone. */
  static String stem(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 5 && word.endsWith("ing")) {
      return word.substring(0, word.length() - 3);
    }
    if (word.length() > 4 && word.endsWith("ed")) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3
        && word.endsWith("s")
        && !word.endsWith("ss")
        && !word.endsWith("us")
        && !word.endsWith("is")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  /** Shared words over all words; two empty keys are equal. */
  public static double similarity(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> shared = new HashSet<>(a);
    shared.retainAll(b);
    return (double) shared.size() / (a.size() + b.size() - shared.size());
  }

  /** Whether two questions, given with their {@link #key}s, ask the same thing. */
  @FunctionalInterface
  public interface SameMeaning {
    boolean same(String a, Set<String> keyA, String b, Set<String> keyB);
  }

  /** The rule above: keys equal or similar at least {@value #SIMILAR}. */
  public static final SameMeaning LEXICAL = (a, keyA, b, keyB) -> similarity(keyA, keyB) >= SIMILAR;

  /**
   * The groups of {@code logged}, largest first (ties: most recent first), at most {@code limit}.
   */
  static List<UnansweredGroup> group(List<Logged> logged, int limit) {
    return cluster(logged, Logged::question, Logged::at, LEXICAL).stream()
        .map(NearDuplicates::summary)
        .limit(limit)
        .toList();
  }

  /**
   * Rows grouped by what their questions ask: rows with equal keys first, then each key's rows join
   * the first group whose first question {@code same} finds alike, the most frequent keys first, so
   * the result does not depend on the order rows come in. Largest groups first (ties: most recent
   * first); each group oldest first.
   */
  public static <T> List<List<T>> cluster(
      List<T> rows, Function<T, String> question, Function<T, Instant> at, SameMeaning same) {
    Map<Set<String>, List<T>> byKey =
        rows.stream()
            .sorted(Comparator.comparing(at))
            .collect(
                Collectors.groupingBy(
                    r -> key(question.apply(r)), LinkedHashMap::new, Collectors.toList()));
    List<Map.Entry<Set<String>, List<T>>> keys = new ArrayList<>(byKey.entrySet());
    keys.sort(
        Comparator.<Map.Entry<Set<String>, List<T>>>comparingInt(e -> -e.getValue().size())
            .thenComparing(e -> at.apply(e.getValue().get(0)))
            .thenComparing(e -> String.join(" ", e.getKey())));
    List<String> firstQuestions = new ArrayList<>();
    List<Set<String>> firstKeys = new ArrayList<>();
    List<List<T>> groups = new ArrayList<>();
    for (Map.Entry<Set<String>, List<T>> entry : keys) {
      String first = question.apply(entry.getValue().get(0));
      int found = firstSame(firstQuestions, firstKeys, first, entry.getKey(), same);
      if (found < 0) {
        firstQuestions.add(first);
        firstKeys.add(entry.getKey());
        groups.add(new ArrayList<>(entry.getValue()));
      } else {
        groups.get(found).addAll(entry.getValue());
      }
    }
    Comparator<List<T>> largest = Comparator.comparingInt(List::size);
    Comparator<List<T>> latest =
        Comparator.comparing(g -> g.stream().map(at).max(Comparator.naturalOrder()).orElseThrow());
    return groups.stream()
        .map(g -> g.stream().sorted(Comparator.comparing(at)).toList())
        .sorted(largest.reversed().thenComparing(latest.reversed()))
        .toList();
  }

  private static int firstSame(
      List<String> firstQuestions,
      List<Set<String>> firstKeys,
      String question,
      Set<String> key,
      SameMeaning same) {
    for (int i = 0; i < firstQuestions.size(); i++) {
      if (same.same(firstQuestions.get(i), firstKeys.get(i), question, key)) {
        return i;
      }
    }
    return -1;
  }

  private static UnansweredGroup summary(List<Logged> members) {
    List<Logged> byTime = members.stream().sorted(Comparator.comparing(Logged::at)).toList();
    List<String> variants = mostFrequentFirst(byTime, Logged::question);
    List<Reason> reasons = mostFrequentFirst(byTime, Logged::reason);
    Logged last = byTime.get(byTime.size() - 1);
    return new UnansweredGroup(
        variants.get(0),
        byTime.size(),
        variants.subList(0, Math.min(5, variants.size())),
        reasons,
        last.at(),
        last.candidates());
  }

  /** Distinct values, most frequent first; ties by first appearance. */
  private static <T> List<T> mostFrequentFirst(List<Logged> byTime, Function<Logged, T> value) {
    Map<T, Long> counts =
        byTime.stream()
            .collect(Collectors.groupingBy(value, LinkedHashMap::new, Collectors.counting()));
    List<T> distinct = new ArrayList<>(counts.keySet());
    distinct.sort(Comparator.comparingLong(counts::get).reversed());
    return distinct;
  }
}
