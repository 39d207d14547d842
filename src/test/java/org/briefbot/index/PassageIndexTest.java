package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.briefbot.TestKnowledge;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PassageIndexTest {
  private final Knowledge knowledge = new KnowledgeLoader().load(TestKnowledge.SHIPPED);
  private final PassageIndex index =
      built(
          new IndexInput(
              knowledge.passages(), Map.of(), EntityCatalog.build(knowledge).synonymGroups()));

  /** An index of {@code input} with the default BM25 settings and typo tolerance on. */
  private static PassageIndex built(IndexInput input) {
    return PassageIndex.build(input, IndexSettings.defaults(0.9, 0.4, true), new TextAnalysis());
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void indexesEveryPassage() {
    assertThat(index.size()).isEqualTo(knowledge.passages().size());
  }

  @Test
  void aliasFindsPassagesThatUseTheFullName() {
    List<Hit> hits = index.search(SearchRequest.of("Amazon Web Services launch", 5));
    assertThat(hits.get(0).passage().text()).contains("2006 launch");
  }

  @Test
  void misspeltWordFindsTheWordTheIndexKnows() {
    List<Hit> hits = index.search(SearchRequest.of("trainum", 3));
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).passage().text()).containsIgnoringCase("trainium");
    assertThat(hits.get(0).coverage()).isEqualTo(1.0);
  }

  @Test
  void namesTheTyposOfAQuestionWithTheClosestIndexWord() {
    List<Typo> typos = index.typos("who did amazn sign with");

    assertThat(typos).containsExactly(new Typo(8, 13, "amazn", "amazon"));
    assertThat(index.typos("who did amazon sign with")).isEmpty();
  }

  @Test
  void writesATypoAsThePassagesSpellTheClosestWord() {
    // "infrastucture" is two edits from the stem "infrastructur", which the seed writes in full.
    Predicate<String> unknownToAModel = Set.of("infrastucture", "amazn")::contains;
    assertThat(index.asWritten("who pays for the infrastucture", unknownToAModel))
        .isEqualTo("who pays for the infrastructure");
    assertThat(index.asWritten("what did amazn get", unknownToAModel))
        .isEqualTo("what did amazon get");
  }

  @Test
  void findsATypoByTheWordsAsWrittenWhereItsStemIsFarFromTheirs() {
    // "migratino" is one swap from "migration" as written, three edits from its stem "migrat".
    assertThat(index.asWritten("when will the migratino start", word -> true))
        .isEqualTo("when will the migration start");
  }

  @Test
  void choosesBetweenCloseWordsByHowThePassagesSpellThem() {
    // "dalas" is one edit from the stems "data" and "dalla"; of the spellings, only from "dallas".
    Passage data =
        Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, "Data centres use data. Data is big.");
    Passage dallas = Passage.of("b", "B", Section.KEY_TAKEAWAY, 0, "Dallas reached 111F.");
    assertThat(asWrittenAmong("how hot was dalas", data, dallas)).isEqualTo("how hot was dallas");
  }

  @Test
  void writesATypoFarFromEverySpellingAsTheNearestNotAsAStem() {
    // "concentraing" is one edit from the stem "concentr", three from "concentrated".
    Passage france =
        Passage.of("a", "A", Section.BACKGROUND, 0, "France concentrated its forces in Europe.");
    assertThat(asWrittenAmong("where was france concentraing efforts", france))
        .isEqualTo("where was france concentrated efforts");
  }

  /** {@code question} as written over an index of {@code passages} alone, every word suspect. */
  private static String asWrittenAmong(String question, Passage... passages) {
    try (PassageIndex small = built(IndexInput.of(List.of(passages)))) {
      return small.asWritten(question, word -> true);
    }
  }

  @Test
  void leavesAWordTheIndexKnowsByItsStem() {
    assertThat(index.asWritten("who pays for aws infrastructures", word -> true))
        .isEqualTo("who pays for aws infrastructures");
  }

  @Test
  void leavesTheWordsItIsNotAskedAbout() {
    assertThat(index.asWritten("what did amazn get", word -> !word.equals("amazn")))
        .isEqualTo("what did amazn get");
  }

  @Test
  void scoresEachSentenceOfACandidateByItsOwnVector() {
    Passage two =
        Passage.of("a", "A", Section.WHY_IT_MATTERS, 0, "Chips are fast. Clouds are big.");
    Passage one = Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, "Clouds are big.");
    float[] chips = {1, 0, 0};
    float[] clouds = {0, 1, 0};
    float[] mixed = {0.6f, 0.8f, 0};
    IndexInput input =
        IndexInput.of(List.of(two, one))
            .withVectors(
                Map.of(two.id(), mixed, one.id(), clouds),
                Map.of(two.id(), List.of(chips, clouds)));
    try (PassageIndex small = built(input)) {
      List<Candidate> candidates =
          small.candidates(SearchRequest.of("clouds", 5), () -> Optional.of(clouds), 5);

      Candidate paragraph =
          candidates.stream().filter(c -> c.passage().equals(two)).findFirst().orElseThrow();
      assertThat(paragraph.similarity()).isCloseTo(0.8, offset(1e-6));
      assertThat(paragraph.sentenceSimilarity()).isCloseTo(1.0, offset(0.01));
      assertThat(paragraph.sentenceSimilarities()).hasSize(2);
      assertThat(paragraph.sentenceSimilarities()[0]).isCloseTo(0.0, offset(0.01));
      Candidate takeaway =
          candidates.stream().filter(c -> c.passage().equals(one)).findFirst().orElseThrow();
      assertThat(takeaway.sentenceSimilarity()).isEqualTo(takeaway.similarity());
      assertThat(takeaway.sentenceSimilarities()).isEmpty();
    }
  }

  /**
   * The latest vector searches are remembered (a declined question is asked again respelt, with the
   * same vector): each search must still find what its own vector is nearest to, even when the
   * caller writes the next vector into the same array.
   */
  @Test
  void findsWhatEachVectorIsNearestToWhenSearchesRepeat() {
    Passage chipsPassage = Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, "Chips are fast.");
    Passage cloudsPassage = Passage.of("b", "B", Section.KEY_TAKEAWAY, 0, "Clouds are big.");
    IndexInput input =
        IndexInput.of(List.of(chipsPassage, cloudsPassage))
            .withVectors(
                Map.of(
                    chipsPassage.id(),
                    new float[] {1, 0, 0},
                    cloudsPassage.id(),
                    new float[] {0, 1, 0}),
                Map.of());
    float[] question = {1, 0, 0};
    try (PassageIndex small = built(input)) {
      Passage first = nearestOf(small, question);
      question[0] = 0;
      question[1] = 1;
      Passage second = nearestOf(small, question);
      question[0] = 1;
      question[1] = 0;
      Passage again = nearestOf(small, question);

      assertThat(List.of(first, second, again))
          .containsExactly(chipsPassage, cloudsPassage, chipsPassage);
    }
  }

  /** The passage nearest {@code vector} of a question no word of which any passage has. */
  private static Passage nearestOf(PassageIndex index, float[] vector) {
    return index.candidates(SearchRequest.of("zzz", 5), () -> Optional.of(vector), 1).stream()
        .filter(c -> c.vectorRank() == 1)
        .findFirst()
        .orElseThrow()
        .passage();
  }

  /**
   * A conversation's article must not change how a question scores (the learned models were fitted
   * on questions asked alone), yet its best passages must be candidates however many articles
   * outrank them.
   */
  @Test
  void aConversationsArticleAddsItsPassagesWithoutChangingAnyScore() {
    Passage strong = Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, "Clouds are big clouds.");
    Passage weak = Passage.of("b", "B", Section.KEY_TAKEAWAY, 0, "Rain, wind and some clouds.");
    Passage other = Passage.of("b", "B", Section.KEY_TAKEAWAY, 1, "Rain and wind.");
    try (PassageIndex small = built(IndexInput.of(List.of(strong, weak, other)))) {
      List<Candidate> alone = small.candidates(SearchRequest.of("clouds", 1), Optional::empty, 5);
      List<Candidate> inChat =
          small.candidates(
              new SearchRequest("clouds", Optional.empty(), Optional.of("b"), 1),
              Optional::empty,
              5);

      assertThat(alone).extracting(Candidate::passage).containsExactly(strong);
      assertThat(inChat).extracting(Candidate::passage).containsExactly(strong, weak);
      assertThat(inChat.get(0)).usingRecursiveComparison().isEqualTo(alone.get(0));
      assertThat(inChat.get(1).lexicalRank()).isZero();
      assertThat(inChat.get(1).lexical()).isZero();
      assertThat(inChat.get(1).coverage()).isEqualTo(1.0);
      // BM25 mode ranks by the search itself: there the article's boost is the preference.
      assertThat(small.search(new SearchRequest("clouds", Optional.empty(), Optional.of("b"), 1)))
          .extracting(Hit::passage)
          .containsExactly(weak);
    }
  }

  @Test
  void questionOfUnknownWordsMatchesNothing() {
    assertThat(index.search(SearchRequest.of("capital of Australia", 5))).isEmpty();
  }

  @Test
  void coverageCountsTheShareOfTheQuestionMatched() {
    Hit full = index.search(SearchRequest.of("Microsoft investment 2019", 1)).get(0);
    assertThat(full.passage().text()).contains("$1 billion investment");
    assertThat(full.coverage()).isEqualTo(1.0);
    Hit partial = index.search(SearchRequest.of("Microsoft investment in bananas", 1)).get(0);
    assertThat(partial.coverage()).isGreaterThan(0).isLessThan(1);
  }

  @Test
  void questionOfStopWordsOnlyMatchesNothing() {
    assertThat(index.search(SearchRequest.of("what is it?", 5))).isEmpty();
  }

  @Test
  void askedForSectionComesFirst() {
    SearchRequest request =
        new SearchRequest(
            "", java.util.Optional.of(Section.WHAT_HAPPENS_NEXT), java.util.Optional.empty(), 3);
    assertThat(index.search(request).get(0).passage().section())
        .isEqualTo(Section.WHAT_HAPPENS_NEXT);
  }

  @Test
  void sameSearchGivesSameHitsInSameOrder() {
    List<String> first = ids(index.search(SearchRequest.of("AI chips", 20)));
    List<String> second = ids(index.search(SearchRequest.of("AI chips", 20)));
    assertThat(first).hasSizeGreaterThan(5).isEqualTo(second);
  }

  @Test
  void passagesOfAnArticleComeInReadingOrder() {
    List<Passage> passages = index.passagesOf("aws-openai-trainium");
    assertThat(passages.get(0).section()).isEqualTo(Section.KEY_TAKEAWAY);
    assertThat(passages.get(0).text())
        .isEqualTo("Amazon secures a $138 billion AWS deal with OpenAI.");
    assertThat(passages).extracting(Passage::section).isSorted();
  }

  @Test
  void findsAPassageById() {
    assertThat(index.find("aws-openai-trainium#why_it_matters#0"))
        .map(Passage::section)
        .contains(Section.WHY_IT_MATTERS);
    assertThat(index.find("no-such#id#0")).isEmpty();
  }

  private static List<String> ids(List<Hit> hits) {
    return hits.stream().map(h -> h.passage().id()).toList();
  }
}
