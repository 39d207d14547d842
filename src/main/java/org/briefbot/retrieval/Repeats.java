package org.briefbot.retrieval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.briefbot.index.Candidate;
import org.briefbot.index.Wording;
import org.briefbot.knowledge.Passage;

/**
 * Passages that several articles carry in the same words, figures aside or one detail apart (see
 * {@link Wording}), read as one. A newsroom's update of a running story repeats the earlier story's
 * background and entity notes word for word, and restates its facts with new figures ("cut its rate
 * to 2.25%", weeks later "to 2.00%"). Left as they are, the copies compete with each other: the
 * story they come from is an accident of ids, and the learned answerability, fitted on archives
 * without copies, reads a passage with an equal rival as one it should doubt. So each group of
 * copies is searched as one passage: the copy in the story the reader chose, or in the chat's story
 * when the copies say the same word for word, else the one that matches more of the question's
 * words (a figure or a title the question names), else the newest story's.
 */
public final class Repeats {
  /**
   * The story a question is asked in.
   *
   * @param articleId its article
   * @param chosen the reader chose it ("which story do you mean?"), and only its passages answer:
   *     its copy stands for every group. Otherwise it is the chat's story, where the last answer
   *     came from: its copy stands only for copies that say the same word for word, since a reader
   *     who asks again after a newer update came in wants the newer figure
   */
  public record InStory(String articleId, boolean chosen) {
    public InStory {
      Objects.requireNonNull(articleId, "articleId");
    }
  }

  private static final Repeats UNDATED = new Repeats(Map.of());

  private final Map<String, Instant> published;

  private Repeats(Map<String, Instant> published) {
    this.published = Map.copyOf(published);
  }

  /** Copies stand for each other; the newest story's is preferred, by {@code published} date. */
  public static Repeats dated(Map<String, Instant> published) {
    return new Repeats(published);
  }

  /** Copies stand for each other; with no dates, the lowest passage id breaks the last tie. */
  public static Repeats undated() {
    return UNDATED;
  }

  /** Each group of copies from several articles cut to its one copy, in the given order. */
  List<Candidate> candidates(List<Candidate> candidates, Optional<InStory> story) {
    List<Candidate> kept =
        collapse(candidates, Candidate::passage, Candidate::wording, Candidate::coverage, story);
    return kept.size() == candidates.size() ? candidates : renumbered(kept);
  }

  /** The same for BM25 hits, which keep their order. */
  <T> List<T> collapse(
      List<T> items,
      Function<T, Passage> passage,
      Function<T, Wording> wording,
      ToDoubleFunction<T> coverage,
      Optional<InStory> story) {
    Set<T> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    for (List<T> group : groups(items, passage, wording)) {
      String text = passage.apply(group.get(0)).text();
      boolean wordForWord = group.stream().allMatch(t -> passage.apply(t).text().equals(text));
      Optional<String> preferred =
          story.filter(s -> s.chosen() || wordForWord).map(InStory::articleId);
      T kept = group.stream().min(choice(passage, coverage, preferred)).orElseThrow();
      String keptArticle = passage.apply(kept).articleId();
      // Copies inside one article are the article's own business, as before.
      group.stream()
          .filter(t -> !passage.apply(t).articleId().equals(keptArticle))
          .forEach(dropped::add);
    }
    if (dropped.isEmpty()) {
      return items;
    }
    return items.stream().filter(t -> !dropped.contains(t)).toList();
  }

  /**
   * The groups of copies among {@code items} that span several articles (see {@link Wording}). Two
   * copies share one half of their wording exactly, so only items sharing a half are compared: each
   * half's key, cut to its high bits, carries the item's place in its low ones, and sorting them
   * puts the items sharing a half side by side.
   */
  private static <T> List<List<T>> groups(
      List<T> items, Function<T, Passage> passage, Function<T, Wording> wording) {
    // The low bits hold an item's place: as many as the places need, at most 31 of the 64.
    long place = (1L << (32 - Integer.numberOfLeadingZeros(Math.max(1, items.size() - 1)))) - 1;
    long[] halves = new long[items.size() * 2];
    int n = 0;
    for (int i = 0; i < items.size(); i++) {
      Wording w = wording.apply(items.get(i));
      if (w.longEnough()) {
        halves[n++] = (w.half(0) & ~place) | i;
        halves[n++] = (w.half(1) & ~place) | i;
      }
    }
    Arrays.sort(halves, 0, n);
    int[] parent = null;
    for (int start = 0, end; start < n; start = end) {
      end = start + 1;
      while (end < n && (halves[end] & ~place) == (halves[start] & ~place)) {
        end++;
      }
      for (int a = start; a < end; a++) {
        for (int b = a + 1; b < end; b++) {
          int i = (int) (halves[a] & place);
          int j = (int) (halves[b] & place);
          String article = passage.apply(items.get(i)).articleId();
          if (!article.equals(passage.apply(items.get(j)).articleId())
              && wording.apply(items.get(i)).copies(wording.apply(items.get(j)))) {
            parent = parent == null ? identity(items.size()) : parent;
            parent[root(parent, i)] = root(parent, j);
          }
        }
      }
    }
    if (parent == null) {
      return List.of();
    }
    Map<Integer, List<T>> groups = new LinkedHashMap<>();
    for (int i = 0; i < items.size(); i++) {
      groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(items.get(i));
    }
    return groups.values().stream().filter(g -> g.size() > 1).toList();
  }

  private static int[] identity(int size) {
    int[] parent = new int[size];
    Arrays.setAll(parent, i -> i);
    return parent;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private <T> Comparator<T> choice(
      Function<T, Passage> passage, ToDoubleFunction<T> coverage, Optional<String> preferred) {
    Comparator<T> inStory =
        Comparator.comparing(t -> preferred.filter(passage.apply(t).articleId()::equals).isEmpty());
    return inStory
        .thenComparing(Comparator.comparingDouble(coverage).reversed())
        .thenComparing(
            t -> published.getOrDefault(passage.apply(t).articleId(), Instant.MIN),
            Comparator.reverseOrder())
        .thenComparing(t -> passage.apply(t).id());
  }

  /**
   * Ranks counted again among the candidates kept, ties still sharing the first of their ranks: the
   * learned models read a rank as the place among distinct passages, as they were fitted.
   */
  private static List<Candidate> renumbered(List<Candidate> kept) {
    int[] lexical = kept.stream().mapToInt(Candidate::lexicalRank).toArray();
    int[] vector = kept.stream().mapToInt(Candidate::vectorRank).toArray();
    List<Candidate> out = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      out.add(
          new Candidate(
              c.passage(),
              rankAmong(c.lexicalRank(), lexical),
              c.lexical(),
              c.coverage(),
              rankAmong(c.vectorRank(), vector),
              c.similarity(),
              c.sentenceSimilarity(),
              c.sentenceSimilarities(),
              c.wording()));
    }
    return out;
  }

  /** 1 + how many kept ranks come before {@code rank}; 0 (not ranked) stays 0. */
  private static int rankAmong(int rank, int[] ranks) {
    if (rank == 0) {
      return 0;
    }
    int before = 0;
    for (int r : ranks) {
      before += r > 0 && r < rank ? 1 : 0;
    }
    return before + 1;
  }
}
