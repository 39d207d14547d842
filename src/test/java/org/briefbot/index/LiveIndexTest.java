package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live index changes article by article in commits: a searcher sees one commit, and a writer
 * that fails half-way through a change leaves the index at the commit before it.
 */
class LiveIndexTest {
  private static final IndexSettings SETTINGS = IndexSettings.defaults(0.9, 0.4, true);

  @TempDir Path dir;

  private static List<Passage> article(String id, String... takeaways) {
    List<Passage> passages = new ArrayList<>();
    for (int i = 0; i < takeaways.length; i++) {
      passages.add(Passage.of(id, id + " title", Section.KEY_TAKEAWAY, i, takeaways[i]));
    }
    return passages;
  }

  private static LiveIndex.Change add(List<String> removed, List<Passage> passages) {
    return new LiveIndex.Change(removed, false, IndexInput.of(passages));
  }

  private static LiveIndex open(Path dir) {
    return LiveIndex.open(dir, SETTINGS, new TextAnalysis());
  }

  private static List<String> texts(PassageIndex searcher, String article) {
    return searcher.passagesOf(article).stream().map(Passage::text).toList();
  }

  @Test
  void replacesAnArticlesDocumentsAndKeepsAnOpenSearcherOnItsCommit() {
    try (LiveIndex index = open(dir)) {
      index.apply(
          add(List.of(), article("ferries", "Velmora ordered 12 hydrogen ferries.")),
          Map.of("version", "1"));
      try (PassageIndex before = index.searcher(List.of())) {
        index.apply(
            add(List.of("ferries"), article("ferries", "Velmora ordered 40 hydrogen ferries.")),
            Map.of("version", "2"));

        try (PassageIndex after = index.searcher(List.of())) {
          assertThat(texts(after, "ferries"))
              .containsExactly("Velmora ordered 40 hydrogen ferries.");
          assertThat(after.size()).isEqualTo(1);
        }
        assertThat(texts(before, "ferries"))
            .containsExactly("Velmora ordered 12 hydrogen ferries.");
      }
      assertThat(index.committed()).isEqualTo(Map.of("version", "2"));
    }
  }

  @Test
  void anArticlesPassagesLeaveOutItsReplacedVersionInASegmentOthersStillUse() {
    try (LiveIndex index = open(dir)) {
      List<Passage> both = new ArrayList<>(article("ferries", "Velmora ordered 12 ferries."));
      both.addAll(article("mine", "Drassil opened a lithium mine.", "Lithium is dear."));
      index.apply(add(List.of(), both), Map.of("version", "1"));
      index.apply(
          add(List.of("ferries"), article("ferries", "Velmora ordered 40 ferries.")),
          Map.of("version", "2"));

      try (PassageIndex serving = index.searcher(List.of())) {
        assertThat(texts(serving, "ferries")).containsExactly("Velmora ordered 40 ferries.");
        assertThat(texts(serving, "mine"))
            .containsExactly("Drassil opened a lithium mine.", "Lithium is dear.");
        assertThat(serving.find("ferries#key_takeaway#0").map(Passage::text))
            .contains("Velmora ordered 40 ferries.");
        assertThat(serving.passageCounts()).isEqualTo(Map.of("ferries", 1, "mine", 2));
      }
    }
  }

  @Test
  void aWriterThatFailsHalfWayLeavesTheLastCommitServingAndOpening() {
    try (LiveIndex index = open(dir)) {
      commitMine(index);
      IndexInput failing =
          IndexInput.of(
                  article(
                      "robots",
                      "Quillfeather raised $77 million.",
                      "Harbor Ventures led the round.",
                      "The robots pick fruit."))
              .withVectors(new FailsAtPassage(1, false));

      failsReplacingMine(index, failing, IllegalStateException.class);
      try (PassageIndex serving = index.searcher(List.of())) {
        assertThat(texts(serving, "mine")).containsExactly("Drassil opened a lithium mine.");
        assertThat(texts(serving, "robots")).isEmpty();
      }
    }
    try (LiveIndex reopened = open(dir)) {
      assertThat(reopened.committed()).isEqualTo(Map.of("version", "1"));
      try (PassageIndex serving = reopened.searcher(List.of())) {
        assertThat(serving.size()).isEqualTo(1);
      }
      replacesMineWithRobots(reopened);
    }
  }

  @Test
  void anUpdateThatRunsOutOfHeapIsReportedAndTheNextOneApplies() {
    try (LiveIndex index = open(dir)) {
      commitMine(index);
      IndexInput failing =
          IndexInput.of(article("robots", "Quillfeather raised $77 million.", "It picks fruit."))
              .withVectors(new FailsAtPassage(1, true));

      failsReplacingMine(index, failing, OutOfMemoryError.class);

      // The failed writer was rolled back, so its lock is free for the next update.
      replacesMineWithRobots(index);
    }
  }

  @Test
  void coverageOverSeveralSegmentsIsCoverageOverOne() {
    List<List<String>> synonyms = List.of(List.of("KQC", "Kaihal Quozen Capital"));
    List<Passage> ferries =
        article(
            "ferries",
            "Ports wait.",
            "Hydrogen is cheap.",
            "Kaihal Quozen Capital ordered 12 hydrogen ferries.");
    List<Passage> mine =
        article("mine", "Drassil opened a lithium mine near the ferry port.", "Lithium is dear.");
    List<Passage> robots =
        article(
            "robots",
            "Robots pick fruit.",
            "Ferries sail.",
            "Quillfeather sold to KQC.",
            "Capital for ferries flows to Quozen and Kaihal.");
    List<Passage> all = new ArrayList<>(ferries);
    all.addAll(mine);
    all.addAll(robots);
    SearchRequest asked = SearchRequest.of("KQC hydrogen ferries", 10);
    try (LiveIndex index = open(dir);
        PassageIndex one =
            PassageIndex.build(
                new IndexInput(all, Map.of(), synonyms, PassageVectors.NONE),
                SETTINGS,
                new TextAnalysis())) {
      int version = 0;
      for (List<Passage> article : List.of(ferries, mine, robots)) {
        index.apply(add(List.of(), article), Map.of("version", Integer.toString(++version)));
      }
      try (PassageIndex segments = index.searcher(synonyms)) {
        Map<String, Double> expected = coverage(one.search(asked));

        assertThat(coverage(segments.search(asked))).isEqualTo(expected);
        assertThat(expected).containsEntry("ferries#key_takeaway#2", 1.0);
        assertThat(expected.get("robots#key_takeaway#2")).isStrictlyBetween(0.0, 1.0);
        assertThat(expected.get("ferries#key_takeaway#0")).isStrictlyBetween(0.0, 1.0);
        // The alias's words out of order are not the alias: only "ferries" counts, as alone.
        assertThat(expected.get("robots#key_takeaway#3"))
            .isEqualTo(expected.get("robots#key_takeaway#1"));
      }
    }
  }

  /** Commits one article, "mine", as version 1. */
  private static void commitMine(LiveIndex index) {
    index.apply(
        add(List.of(), article("mine", "Drassil opened a lithium mine.")), Map.of("version", "1"));
  }

  /**
   * Replaces "mine" with {@code failing}, whose vectors fail at robots' second passage: the update
   * throws {@code failure} and the last commit stays version 1.
   */
  private static void failsReplacingMine(
      LiveIndex index, IndexInput failing, Class<? extends Throwable> failure) {
    assertThatThrownBy(
            () ->
                index.apply(
                    new LiveIndex.Change(List.of("mine"), false, failing), Map.of("version", "2")))
        .isInstanceOf(failure)
        .hasMessage("vectors failed at passage robots#key_takeaway#1");
    assertThat(index.committed()).isEqualTo(Map.of("version", "1"));
  }

  /** Replaces "mine" with one robots passage as version 2, and sees only that served. */
  private static void replacesMineWithRobots(LiveIndex index) {
    index.apply(
        add(List.of("mine"), article("robots", "Quillfeather raised $77 million.")),
        Map.of("version", "2"));
    try (PassageIndex serving = index.searcher(List.of())) {
      assertThat(texts(serving, "robots")).containsExactly("Quillfeather raised $77 million.");
      assertThat(texts(serving, "mine")).isEmpty();
    }
  }

  private static Map<String, Double> coverage(List<Hit> hits) {
    Map<String, Double> byId = new java.util.TreeMap<>();
    hits.forEach(h -> byId.put(h.passage().id(), h.coverage()));
    return byId;
  }

  /**
   * Vectors that fail for the passage at one position, as a model or its cache might, or that run
   * out of heap there.
   */
  private record FailsAtPassage(int position, boolean outOfMemory) implements PassageVectors {
    @Override
    public Optional<float[]> passage(Passage passage) {
      if (passage.position() == position) {
        String failure = "vectors failed at passage " + passage.id();
        if (outOfMemory) {
          throw new OutOfMemoryError(failure);
        }
        throw new IllegalStateException(failure);
      }
      return Optional.empty();
    }

    @Override
    public List<float[]> sentences(Passage passage) {
      return List.of();
    }
  }
}
