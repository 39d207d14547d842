package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.briefbot.index.Candidate;
import org.briefbot.index.Hit;
import org.briefbot.index.Wording;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.Test;

class RepeatsTest {
  private static final String CUT =
      "The Kestrel National Bank cut its main refinancing rate by 25 basis points to %s.";
  private static final String BACKGROUND =
      "The bank raised its rate eleven times between May 2022 and August 2023 to fight inflation.";

  private static final Repeats DATED =
      Repeats.dated(
          Map.of(
              "march", Instant.parse("2025-03-12T00:00:00Z"),
              "april", Instant.parse("2025-04-23T00:00:00Z"),
              "june", Instant.parse("2025-06-04T00:00:00Z")));

  private static Hit hit(String article, int position, String text) {
    return hit(article, position, text, 0.5);
  }

  private static Hit hit(String article, int position, String text, double coverage) {
    return new Hit(
        Passage.of(article, article, Section.KEY_TAKEAWAY, position, text),
        1,
        coverage,
        Wording.of(text));
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.passage().id()).toList();
  }

  private static List<Hit> collapse(
      Repeats repeats, List<Hit> hits, Optional<Repeats.InStory> story) {
    return repeats.collapse(hits, Hit::passage, Hit::wording, Hit::coverage, story);
  }

  @Test
  void aPassageCopiedIntoLaterStoriesIsKeptOnceFromTheNewest() {
    List<Hit> hits =
        List.of(
            hit("march", 0, BACKGROUND),
            hit("june", 3, BACKGROUND),
            hit("april", 1, BACKGROUND),
            hit(
                "march",
                1,
                "Governor Halvard Ostby said the fight against inflation is not over."));

    assertThat(ids(collapse(DATED, hits, Optional.empty())))
        .containsExactly("june#key_takeaway#3", "march#key_takeaway#1");
  }

  @Test
  void aSentenceRestatedWithNewFiguresOrOneNewWordIsACopy() {
    List<Hit> hits =
        List.of(
            hit("march", 0, CUT.formatted("3.50%")),
            hit("june", 0, CUT.formatted("3.00%")),
            hit("march", 1, "It was the bank's first cut this year, after a long pause."),
            hit("june", 1, "It was the bank's third cut this year, after a long pause."));

    assertThat(ids(collapse(DATED, hits, Optional.empty())))
        .containsExactly("june#key_takeaway#0", "june#key_takeaway#1");
  }

  @Test
  void sentencesDifferingInTwoPlacesShortOnesAndCopiesInsideOneStoryStayApart() {
    List<Hit> hits =
        List.of(
            hit("march", 0, "The board voted 5-2 to cut, with two members backing a hold."),
            hit("june", 0, "The board voted 6-1 to hold, with two members backing a cut."),
            hit("march", 1, "Not yet, said the governor."),
            hit("june", 1, "Not yet, said the governor."),
            hit("june", 2, BACKGROUND),
            hit("june", 3, BACKGROUND));

    assertThat(collapse(DATED, hits, Optional.empty())).isEqualTo(hits);
  }

  @Test
  void theStoryTheReaderChoseThenTheFigureTheQuestionNamesWinOverTheNewest() {
    List<Hit> updated =
        List.of(hit("march", 0, CUT.formatted("3.50%")), hit("june", 0, CUT.formatted("3.00%")));
    List<Hit> marchNamed =
        List.of(
            hit("march", 0, CUT.formatted("3.50%"), 0.9), hit("june", 0, CUT.formatted("3.00%")));

    assertThat(ids(collapse(DATED, updated, chosen("march"))))
        .containsExactly("march#key_takeaway#0");
    assertThat(ids(collapse(DATED, marchNamed, Optional.empty())))
        .containsExactly("march#key_takeaway#0");
    assertThat(ids(collapse(DATED, marchNamed, chosen("june"))))
        .containsExactly("june#key_takeaway#0");
  }

  /**
   * The chat's story keeps its copy of a passage repeated word for word (the same words, its own
   * source); a restated figure comes from the newest update, since a reader who asks again after it
   * came in wants the new figure.
   */
  @Test
  void theChatsStoryKeepsOnlyWordForWordCopies() {
    List<Hit> repeated = List.of(hit("march", 0, BACKGROUND), hit("june", 0, BACKGROUND));
    List<Hit> updated =
        List.of(hit("march", 0, CUT.formatted("3.50%")), hit("june", 0, CUT.formatted("3.00%")));

    assertThat(ids(collapse(DATED, repeated, reading("march"))))
        .containsExactly("march#key_takeaway#0");
    assertThat(ids(collapse(DATED, updated, reading("march"))))
        .containsExactly("june#key_takeaway#0");
  }

  private static Optional<Repeats.InStory> chosen(String article) {
    return Optional.of(new Repeats.InStory(article, true));
  }

  private static Optional<Repeats.InStory> reading(String article) {
    return Optional.of(new Repeats.InStory(article, false));
  }

  /** A place in the sort key for every item, however many a search returns. */
  @Test
  void copiesAreFoundAmongMoreItemsThanAShortPlaceHolds() {
    List<Hit> hits = new ArrayList<>();
    hits.add(hit("march", 0, BACKGROUND));
    for (int i = 1; i < 70_000; i++) {
      String word =
          Integer.toString(i, 26)
              .chars()
              .mapToObj(c -> "" + (char) ('a' + Character.digit(c, 26)))
              .collect(Collectors.joining());
      hits.add(hit("other", i, word + " is named first and last in this passage, " + word + "."));
    }
    hits.add(hit("june", 0, BACKGROUND));

    List<Hit> kept = collapse(DATED, hits, Optional.empty());

    assertThat(kept).hasSize(70_000);
    assertThat(ids(kept)).doesNotContain("march#key_takeaway#0").contains("june#key_takeaway#0");
  }

  @Test
  void withoutDatesTheLowestIdIsKept() {
    List<Hit> hits = List.of(hit("june", 0, BACKGROUND), hit("april", 0, BACKGROUND));

    assertThat(ids(collapse(Repeats.undated(), hits, Optional.empty())))
        .containsExactly("april#key_takeaway#0");
  }

  @Test
  void ranksAreCountedAgainAmongTheCandidatesKeptTiesStillShared() {
    List<Candidate> candidates =
        List.of(
            candidate("march", 0, BACKGROUND, 1, 2),
            candidate("june", 0, BACKGROUND, 1, 2),
            candidate("june", 1, "Wage growth slowed to 4.6% in the first quarter of 2025.", 3, 0),
            candidate(
                "june", 2, "Banks had bet on another cut in July, and bond yields rose.", 3, 1));

    List<Candidate> kept = DATED.candidates(candidates, Optional.empty());

    assertThat(kept).extracting(c -> c.passage().id()).doesNotContain("march#key_takeaway#0");
    assertThat(kept).extracting(Candidate::lexicalRank).containsExactly(1, 2, 2);
    assertThat(kept).extracting(Candidate::vectorRank).containsExactly(2, 0, 1);
  }

  private static Candidate candidate(
      String article, int position, String text, int lexicalRank, int vectorRank) {
    return new Candidate(
        Passage.of(article, article, Section.BACKGROUND, position, text),
        lexicalRank,
        0.5,
        0.5,
        vectorRank,
        0.5,
        0.5,
        new double[0],
        Wording.of(text));
  }
}
