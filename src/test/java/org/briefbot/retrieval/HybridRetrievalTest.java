package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.index.Candidate;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real model over the real seed knowledge, in hybrid mode, against BM25 on the same index. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridRetrievalTest {
  private static final String PRICING = "OpenAI likely secured better pricing";

  private BriefbotConfig config;
  private LoadedLibrary core;
  private Retriever bm25;

  @BeforeAll
  void load() {
    BriefbotConfig defaults = TestConfig.defaults();
    config = defaults.withRetrieval(defaults.retrieval().inMode(Mode.HYBRID));
    core = TestConfig.load(config, Path.of("knowledge"));
    bm25 =
        new Retriever(
            core.index(),
            Mode.BM25,
            Optional.empty(),
            RetrievalSettings.defaults(config.retrieval().vectorCandidates()));
  }

  @AfterAll
  void close() {
    bm25.close();
    core.close();
  }

  /**
   * A question of only invisible characters reaches the answerer through `ask` and the API; the
   * model refuses to embed it, and `ask` died with "Cannot embed empty or whitespace-only text".
   */
  @ParameterizedTest
  @ValueSource(strings = {"\u200b\u200b", "\u2060", "\ufeff \u200b", "?!"})
  void aQuestionWithoutALetterOrDigitIsDeclinedNotFailed(String question) {
    Answer answer = core.answerer().answer(question);

    assertThat(answer.answered()).isFalse();
  }

  @Test
  void findsFaqAnswerWhoseQuestionWasLostHigherThanBm25() {
    SearchRequest request = SearchRequest.of("why did openai pick amazon?", 10);

    int hybridRank = rankOf(core.retriever().search(request), PRICING);
    int bm25Rank = rankOf(bm25.search(request), PRICING);

    // The one-line takeaway "Amazon secures a $138 billion AWS deal with OpenAI." has the higher
    // cosine (0.709 against 0.691); the takeaways' section prior is what puts the answer first.
    assertThat(hybridRank).isEqualTo(1);
    assertThat(hybridRank).isLessThan(bm25Rank);
  }

  @Test
  void ranksTheAnalysisAboveAnEntityNoteThatOnlySharesTheName() {
    List<Match> ranked = core.retriever().search(SearchRequest.of("when did aws start", 10));

    assertThat(ranked.get(0).passage().text()).contains("since its 2006 launch");
    assertThat(Retriever.ids(ranked)).anyMatch(id -> id.contains("#entity_note#"));
  }

  @Test
  void answersAQuestionAboutTheFutureWithAPredictionNotADefinition() {
    List<Match> future =
        core.retriever().search(SearchRequest.of("will amazon build more trainium chips", 10));
    List<Match> when =
        core.retriever().search(SearchRequest.of("when will openai begin moving to aws", 10));

    assertThat(future.get(0).passage().text()).contains("accelerate production of Trainium chips");
    assertThat(when.get(0).passage().text()).contains("migration planning in Q1 2025");
  }

  @Test
  void answersParaphraseWithNoSharedWordFromTheRightPassage() {
    assertThat(core.answerer().answer("will this create a two-tier market for ai compute").best())
        .hasValueSatisfying(s -> assertThat(s.text()).contains("two-tier market"));
    assertThat(core.answerer().answer("can small ai startups benefit").best())
        .hasValueSatisfying(s -> assertThat(s.text()).contains("Smaller AI companies may benefit"));
  }

  @Test
  void declinesOutOfScopeQuestionThatBm25Answered() {
    assertThat(core.answerer().answer("what's the price of bitcoin").answered()).isFalse();
    assertThat(core.answerer().answer("What is the capital of Australia?").answered()).isFalse();
  }

  @Test
  void confidenceIsAProbability() {
    for (String question :
        List.of("How much is the AWS deal worth?", "how tall is mount everest", "trainum chips")) {
      double confidence = core.answerer().answer(question).confidence();
      assertThat(confidence).as(question).isBetween(0.0, 1.0);
    }
    assertThat(core.answerer().answer("How much is the AWS deal worth?").confidence())
        .isGreaterThan(core.answerer().answer("how tall is mount everest").confidence());
  }

  @Test
  void embedsTheQuestionWithItsTyposCorrected() {
    assertThat(core.retriever().corrected("what did amazn get from opnai"))
        .isEqualTo("what did amazon get from openai");
    // Words the model knows are English, not typos, even when no article uses them.
    assertThat(core.retriever().corrected("who feels the effects"))
        .isEqualTo("who feels the effects");
  }

  @Test
  void embedsTheQuestionWithItsWordsSpeltAsTheArticleSpellsThem() {
    // The closest index word is the stem "infrastructur"; the model would see its word pieces.
    assertThat(core.retriever().corrected("who pays for the infrastucture"))
        .isEqualTo("who pays for the infrastructure");
    // The model splits a contraction at its apostrophe and knows each piece: not a typo.
    assertThat(core.retriever().corrected("why don't they build their own chips"))
        .isEqualTo("why don't they build their own chips");
  }

  @Test
  void misspeltQuestionKeepsItsConfidence() {
    double right =
        core.answerer().answer("which chips does openai train its models on").confidence();
    double misspelt =
        core.answerer().answer("which chips does opnai train its modles on").confidence();

    // Both well above the threshold. The learned probability moves a little with the words; the
    // answer judge reads the question as typed, and "opnai ... modles" costs it more.
    double threshold = config.answer().threshold();
    assertThat(right).isGreaterThan(2 * threshold);
    assertThat(misspelt).isGreaterThan(2 * threshold);
    assertThat(misspelt).isCloseTo(right, org.assertj.core.data.Offset.offset(0.2));
  }

  @Test
  void aMisspeltKnownWordIsNotUnknownToTheIndex() {
    double spelt = unknownToIndex("which chips does openai train its models on");
    double misspelt = unknownToIndex("which chips does opnai train its modles on");
    double absent = unknownToIndex("what's the price of bitcoin");

    assertThat(misspelt).isEqualTo(spelt);
    assertThat(absent).isGreaterThan(spelt);
  }

  @Test
  void servingComputesTheColumnsTheModelsReadAsTrainingDoes() {
    SearchRequest request = SearchRequest.of("how much is the aws deal worth", 50);
    RetrievalSettings settings = RetrievalSettings.defaults(config.retrieval().vectorCandidates());
    LearnedRanking models = settings.learned().orElseThrow();
    RankRows training = core.retriever().rankRows(request);

    RankRows serving =
        models.servingRows(
            request.text(),
            request.text(),
            core.retriever().candidates(request),
            settings.fusion()::score,
            new TextAnalysis(),
            core.index());

    assertThat(serving.width()).isEqualTo(models.ranker().columns());
    assertThat(ids(serving)).isEqualTo(ids(training)).isNotEmpty();
    for (int i = 0; i < serving.candidates().size(); i++) {
      assertThat(row(serving, i)).isEqualTo(Arrays.copyOf(row(training, i), serving.width()));
    }
  }

  private double unknownToIndex(String question) {
    RankRows rows = core.retriever().rankRows(SearchRequest.of(question, 50));
    return rows.rows()[RankRows.names().indexOf("unknown_to_index")];
  }

  private static List<String> ids(RankRows rows) {
    return rows.candidates().stream().map(c -> c.passage().id()).toList();
  }

  private static float[] row(RankRows rows, int i) {
    return Arrays.copyOfRange(rows.rows(), i * rows.width(), (i + 1) * rows.width());
  }

  @Test
  void aSentenceOfALongParagraphCountsOnItsOwn() {
    List<Candidate> candidates =
        core.retriever()
            .candidates(SearchRequest.of("are ai firms giving up on their own data centers", 50));
    Candidate why =
        candidates.stream()
            .filter(c -> c.passage().id().endsWith("#why_it_matters#0"))
            .findFirst()
            .orElseThrow();

    // "...moving from building their own data centers to leveraging hyperscale cloud providers"
    assertThat(why.sentenceSimilarities()).hasSize(why.passage().sentences().size());
    assertThat(why.sentenceSimilarity()).isGreaterThan(why.similarity() + 0.1);
  }

  @Test
  void ranksTheSameWayEveryTime() {
    SearchRequest request = SearchRequest.of("how will microsoft respond", 20);

    List<Match> first = core.retriever().search(request);
    List<Match> second = core.retriever().search(request);

    assertThat(Retriever.ids(second)).containsExactlyElementsOf(Retriever.ids(first));
    assertThat(second.stream().map(Match::score).toList())
        .containsExactlyElementsOf(first.stream().map(Match::score).toList());
  }

  @Test
  void breaksScoreTiesByPassageId(@TempDir Path dir) throws IOException {
    // Two FAQ files with the same item: identical passages, so identical scores, under the ids
    // twin#curated_faq#0 and twin-b#curated_faq#0. Files load by name, twin-b.yaml first, so
    // only the tie-break by id puts twin first.
    TestKnowledge.copyShipped(dir);
    String item =
        "items:\n  - question: What does the Zephyr contract cover?\n"
            + "    answer: The Zephyr contract covers three offshore wind turbines.\n";
    TestKnowledge.write(dir.resolve("faq/twin-b.yaml"), item);
    TestKnowledge.write(dir.resolve("faq/twin.yaml"), item);

    try (LoadedLibrary twins = TestConfig.load(config, dir)) {
      List<Match> matches =
          twins.retriever().search(SearchRequest.of("what does the zephyr contract cover", 10));

      assertThat(Retriever.ids(matches.subList(0, 2)))
          .containsExactly("twin#curated_faq#0", "twin-b#curated_faq#0");
      assertThat(matches.get(0).score()).isEqualTo(matches.get(1).score());
    }
  }

  private static int rankOf(List<Match> matches, String text) {
    for (int i = 0; i < matches.size(); i++) {
      if (matches.get(i).passage().text().contains(text)) {
        return i + 1;
      }
    }
    return Integer.MAX_VALUE;
  }
}
