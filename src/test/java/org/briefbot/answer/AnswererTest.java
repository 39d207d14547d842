package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.entities.Entity;
import org.briefbot.eval.GoldEval;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswererTest {
  private final LoadedLibrary core = TestKnowledge.shippedCore();
  private final Answerer answerer = core.answerer();

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void answersTheDealSizeWithTheBillionPassageAndNotesOnAwsAndOpenAi() {
    Answer answer = answerer.answer("How much is the AWS deal worth?");
    assertThat(answer.kind()).isEqualTo(Answer.Kind.PASSAGE);
    Source source = answer.best().orElseThrow();
    assertThat(source.text()).contains("$138 billion").hasSizeLessThan(1200);
    assertThat(source.article())
        .isEqualTo("Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium");
    assertThat(answer.entities())
        .extracting(EntityCard::name)
        .contains("Amazon Web Services", "OpenAI")
        .hasSizeLessThanOrEqualTo(3);
    assertThat(answer.confidence()).isBetween(0.0, 1.0);
  }

  @Test
  void boldsTheSentenceThatStatesTheDealsWorth() {
    Answer answer = answerer.answer("How much is the AWS deal worth?");

    assertThat(answer.best().orElseThrow().keySentence())
        .isEqualTo("Amazon secures a $138 billion AWS deal with OpenAI.");
  }

  @Test
  void offersNoAlternativeRepeatingASentenceOfTheAnswer() {
    List<Answer> answered =
        GoldEval.read(Path.of("src/test/resources/gold/seed.jsonl")).stream()
            .map(q -> answerer.answer(q.q()))
            .filter(Answer::answered)
            .toList();

    assertThat(answered).anySatisfy(a -> assertThat(a.alternatives()).isNotEmpty());
    assertThat(answered)
        .allSatisfy(
            a ->
                assertThat(a.alternatives())
                    .allSatisfy(
                        other ->
                            assertThat(other.text())
                                .doesNotContain(a.best().orElseThrow().keySentence())));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "What is the capital of Australia?",
        "Who won the 2018 World Cup?",
        "how tall is mount everest",
        "hi, can you write me a poem"
      })
  void declinesQuestionsTheArticlesDoNotCover(String question) {
    Answer answer = answerer.answer(question);
    assertThat(answer.answered()).isFalse();
    assertThat(answer.best()).isEmpty();
    assertThat(answer.alternatives())
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.section()).isEqualTo("topic"));
  }

  @Test
  void answersEntityRequestsWithTheCard() {
    Answer answer = answerer.answer("What is Annapurna Labs?");
    assertThat(answer.kind()).isEqualTo(Answer.Kind.ENTITY);
    assertThat(answer.best().orElseThrow().section()).isEqualTo("entity");
    assertThat(answer.best().orElseThrow().text())
        .isEqualTo(
            "Annapurna Labs is an Israeli microelectronics company. Since January 2015 it has been a wholly owned subsidiary of Amazon.com.");
    EntityCard card = answer.entities().get(0);
    assertThat(card.kind()).isNotBlank();
    assertThat(card.articles())
        .containsExactly("Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium");
    assertThat(card.related()).isNotEmpty();
  }

  @Test
  void curatedQuestionAskedInOtherWordsWinsOverTheEntityCard() {
    Answer answer = answerer.answer("What's a Trainium chip?");

    assertThat(answer.kind()).isEqualTo(Answer.Kind.PASSAGE);
    assertThat(answer.best().orElseThrow().section()).isEqualTo("curated_faq");
    assertThat(answer.best().orElseThrow().text())
        .startsWith("Trainium chips are Amazon's custom-designed AI accelerators");
    assertThat(answer.confidence()).isEqualTo(1.0);
    assertThat(answer.entities()).extracting(EntityCard::name).contains("Trainium");
    // No curated question has just these words: the card answers.
    assertThat(answerer.answer("What is Trainium?").kind()).isEqualTo(Answer.Kind.ENTITY);
  }

  @Test
  void findsEntitiesByAliasAndTypo() {
    assertThat(answerer.answer("tell me about AWS").entities().get(0).name())
        .isEqualTo("Amazon Web Services");
    assertThat(answerer.entity("/entity openai", "openai").entities().get(0).name())
        .isEqualTo("OpenAI");
    assertThat(answerer.answer("anapurna labs?").entities().get(0).name())
        .isEqualTo("Annapurna Labs");
  }

  @Test
  void aDeclineThatCameCloseOffersThePassagesThatDidThenTheTopics() {
    // This out-of-scope question about a covered company comes close to the threshold, though
    // with less than half of it, "how many people work at aws" no longer does since the answer
    // judge reads the passage with it.
    Answer answer = answerer.answer("what is nvidias share price today");
    double threshold = BriefbotConfig.defaults().answer().threshold();

    assertThat(answer.answered()).isFalse();
    Alternative.Passage closest = answer.closest().orElseThrow();
    assertThat(answer.alternatives().get(0)).isEqualTo(closest);
    assertThat(closest.section()).isEqualTo("background");
    assertThat(closest.text()).contains("NVIDIA, which currently dominates the AI accelerator");
    assertThat(closest.confidence()).isLessThan(threshold);
    // The passages after it that come as close are offered too, each once, then the topics.
    List<Alternative.Passage> close = answer.closestPassages();
    assertThat(close)
        .hasSizeBetween(2, BriefbotConfig.defaults().answer().alternatives())
        .allSatisfy(p -> assertThat(p.confidence()).isGreaterThanOrEqualTo(threshold / 2));
    assertThat(close).extracting(Alternative.Passage::text).doesNotHaveDuplicates();
    assertThat(close).extracting(Alternative.Passage::passageId).doesNotHaveDuplicates();
    assertThat(answer.alternatives().subList(0, close.size())).isEqualTo(close);
    assertThat(answer.alternatives().subList(close.size(), answer.alternatives().size()))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a).isNotInstanceOf(Alternative.Passage.class));
  }

  /**
   * "Who runs X" finds X's own note first, by its name, though the note names no one in charge; the
   * next passage says who is. It was declined, offering that passage; it is the answer.
   */
  @Test
  void whoRunsACompanyIsAnsweredByThePassageNamingItsLeader(@TempDir Path dir) throws IOException {
    try (LoadedLibrary two = withCorvanta(dir)) {
      Answer answer = two.answerer().answer("who runs corvanta steel");

      assertThat(answer.answered()).isTrue();
      assertThat(answer.best().orElseThrow().text()).startsWith("Ilse Vandermeer");
      assertThat(answer.best().orElseThrow().keySentence()).contains("chief executive");
    }
  }

  /**
   * A question for one title is not answered by someone holding another: "who is the CEO of Boeing"
   * was answered with the passage naming the head of its 737 MAX programme.
   */
  @Test
  void aTitleAskedForIsAnsweredOnlyBySomeoneHoldingIt(@TempDir Path dir) throws IOException {
    try (LoadedLibrary two = withCorvanta(dir)) {
      Answer ceo = two.answerer().answer("who is the ceo of corvanta steel");
      Answer chairman = two.answerer().answer("who is the chairman of corvanta steel");

      assertThat(ceo.answered()).isTrue();
      assertThat(ceo.best().orElseThrow().keySentence()).contains("chief executive");
      assertThat(chairman.answered()).isFalse();
      assertThat(chairman.closestPassages()).isNotEmpty();
    }
  }

  /**
   * "what did lagarde say" is answered by the passage reporting her words, not by her note, which
   * says who she is; a note is not offered as the answer to what someone said.
   */
  @Test
  void whatSomeoneSaidIsThePassageReportingTheirWords(@TempDir Path dir) throws IOException {
    try (LoadedLibrary two =
        TestConfig.load(TestConfig.defaults(), TestKnowledge.copyShippedWithEcb(dir))) {
      Answer lagarde = two.answerer().answer("what did lagarde say");
      Answer noOneQuoted = two.answerer().answer("what did annapurna labs say");

      assertThat(lagarde.answered()).isTrue();
      assertThat(lagarde.best().orElseThrow().section()).isNotEqualTo("entity_note");
      assertThat(lagarde.best().orElseThrow().keySentence()).contains("Lagarde said");
      assertThat(noOneQuoted.answered()).isFalse();
    }
  }

  /**
   * A running story's update repeats the earlier articles' passages with new figures. The copies
   * answered from whichever story sorted first (April's 3.25%, not June's 3.00%), lowered each
   * other's confidence and filled the alternatives with the same sentence. Now the newest story's
   * copy answers, alone, in a chat whose last answer came from the March story too; a reader who
   * chose the March story gets March's.
   */
  @Test
  void aRunningStorysNewestArticleAnswersWhatTheUpdatesRepeat(@TempDir Path dir)
      throws IOException {
    String question = "what rate did the kestrel national bank cut to?";
    try (LoadedLibrary running =
        TestConfig.load(TestConfig.defaults(), TestKnowledge.copyShippedWithRunningStory(dir))) {
      Answer now = running.answerer().answer(question);
      Answer readingMarch =
          running.answerer().answer(question, Optional.of("kestrel-bank-rates-march"));
      Answer inMarch = running.answerer().answerIn(question, "kestrel-bank-rates-march");

      assertThat(now.answered()).isTrue();
      assertThat(now.best().orElseThrow().articleId()).isEqualTo("kestrel-bank-rates-june");
      assertThat(now.best().orElseThrow().keySentence()).contains("to 3.00%");
      assertThat(now.alternatives())
          .filteredOn(Alternative.Passage.class::isInstance)
          .extracting(a -> ((Alternative.Passage) a).text())
          .noneMatch(text -> text.contains("cut its main refinancing rate by 25 basis points"));
      assertThat(readingMarch.best().orElseThrow().keySentence()).contains("to 3.00%");
      assertThat(inMarch.answered()).isTrue();
      assertThat(inMarch.best().orElseThrow().keySentence()).contains("to 3.50%");
    }
  }

  @Test
  void aTypoTheBotWouldDeclineIsAskedAgainAsTheArticleSpellsTheWord(@TempDir Path dir)
      throws IOException {
    try (LoadedLibrary texas =
        TestConfig.load(TestConfig.defaults(), TestKnowledge.copyShippedWithTexasGrid(dir))) {
      // The seed's "data" is as close to "dalas" as the Texas article's "dallas", by their stems.
      Answer typed = texas.answerer().answer("how hot did it get in dalas");
      Answer unknown = texas.answerer().answer("how hot did it get in valdoria");

      assertThat(typed.answered()).isTrue();
      assertThat(typed.question()).isEqualTo("how hot did it get in dalas");
      assertThat(typed.readAs()).contains("how hot did it get in dallas");
      assertThat(typed.best().orElseThrow().keySentence()).contains("111");
      assertThat(unknown.answered()).isFalse();
      assertThat(unknown.readAs()).isEmpty();
    }
  }

  @Test
  void aSlipInTheWordsThatAskForASectionIsReadAsThatSection() {
    Answer typed = answerer.answer("why does it mater?");
    Answer spelt = answerer.answer("why does it matter?");

    assertThat(typed.answered()).isTrue();
    assertThat(typed.question()).isEqualTo("why does it mater?");
    assertThat(typed.readAs()).contains("why does it matter?");
    assertThat(typed.best()).isEqualTo(spelt.best());
    assertThat(typed.best().orElseThrow().section()).isEqualTo("why_it_matters");
    assertThat(spelt.readAs()).isEmpty();
  }

  @Test
  void aTypoInAQuestionAnEditorAnsweredGetsTheEditorsAnswer() {
    Answer typed = answerer.answer("what are trrainium chips");
    Answer spelt = answerer.answer("what are trainium chips");

    assertThat(typed.best().orElseThrow().section()).isEqualTo("curated_faq");
    assertThat(typed.best()).isEqualTo(spelt.best());
    assertThat(typed.readAs()).contains("what are trainium chips");
  }

  /** The shipped knowledge with {@link #CORVANTA} beside it, loaded. */
  private static LoadedLibrary withCorvanta(Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("articles/corvanta-steel.txt"), CORVANTA);
    return TestConfig.load(TestConfig.defaults(), dir);
  }

  private static final String CORVANTA =
      """
      Corvanta Steel shuts its oldest blast furnace in Ghent as orders fall
      #steel #Belgium #Corvanta
      π Key Takeaways
      - Corvanta Steel will shut the oldest of its three blast furnaces in Ghent by March.
      - About 600 jobs will go, most through early retirement.
      π Related People & Topics
      Corvanta Steel
      Belgian steelmaker
      Corvanta Steel is a Belgian steelmaker founded in 1962, with plants in Ghent and Liège. It makes about 5 million tonnes of steel a year, mostly for carmakers and builders.
      Ilse Vandermeer
      Chief executive of Corvanta Steel
      Ilse Vandermeer is a Belgian engineer who has been chief executive of Corvanta Steel since 2019. She previously ran the group's rolling mills in Liège.
      Deep Analysis
      Why It Matters
      Ghent's furnaces supply most of the flat steel used by Belgian carmakers, and the closure leaves the city with two.
      What Happens Next
      Unions will meet the company next week to negotiate the terms of the early retirement plan.
      """;

  @Test
  void aDeclineWhoseBestPassageDidNotComeCloseOffersOnlyTopics() {
    Answer answer = answerer.answer("how many people work at aws");

    assertThat(answer.answered()).isFalse();
    assertThat(answer.confidence()).isLessThan(BriefbotConfig.defaults().answer().threshold() / 2);
    assertThat(answer.closestPassages()).isEmpty();
    assertThat(answer.alternatives()).isNotEmpty();
  }

  @Test
  void unknownEntityIsDeclined() {
    Answer answer = answerer.entity("/entity Tesla", "Tesla");
    assertThat(answer.answered()).isFalse();
    assertThat(answer.alternatives())
        .allSatisfy(a -> assertThat(a).isNotInstanceOf(Alternative.Passage.class));
  }

  @Test
  void routesWhyItMattersToThatSection() {
    Answer answer = answerer.answer("why does it matter?");
    assertThat(answer.best().orElseThrow().section()).isEqualTo("why_it_matters");
  }

  @Test
  void routesWhatHappensNextToThatSection() {
    assertThat(answerer.answer("so what happens next?").best().orElseThrow().section())
        .isEqualTo("what_happens_next");
  }

  @Test
  void sameQuestionGetsTheSameAnswer() {
    assertThat(answerer.answer("are ai workloads a big part of cloud spending?"))
        .isEqualTo(answerer.answer("are ai workloads a big part of cloud spending?"));
  }

  @Test
  void alternativesAreOtherPassagesAndNeverRepeatTheAnswer() {
    Answer answer = answerer.answer("Trainium chips NVIDIA");
    String best = answer.best().orElseThrow().text();
    assertThat(answer.alternatives()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(answer.alternatives())
        .allSatisfy(
            a -> {
              assertThat(best).doesNotContain(a.text());
              assertThat(a.text()).doesNotContain(best);
            });
  }

  @Test
  void keySentenceIsTheSentenceThatAnswers() {
    Answer answer = answerer.answer("when will the deal's implementation begin");
    Source source = answer.best().orElseThrow();
    assertThat(source.text()).contains(source.keySentence());
    assertThat(source.keySentence()).contains("implementation will begin");
  }

  @Test
  void keySentenceIsTheOneClosestInMeaningWhenWordsDoNotTell() {
    Source source =
        answerer.answer("is nvidia going to keep selling lots of gpus").best().orElseThrow();

    // The first sentence shares more rare words ("NVIDIA's GPUs"); the second says it.
    assertThat(source.keySentence()).startsWith("While NVIDIA will continue to have strong demand");
  }

  @Test
  void veryLongQuestionIsAnsweredFromItsBeginning() {
    String question = "How much is the AWS deal worth? " + "blah ".repeat(2000);
    Answer answer = answerer.answer(question);
    assertThat(answer.question()).isEqualTo(question);
    assertThat(answer.best().orElseThrow().text()).contains("138 billion");
  }

  @Test
  void oddUnicodeIsHarmless() {
    assertThat(answerer.answer("\u0000\uFEFF\u202E trainium \uD83D\uDE80 chips?").answered())
        .isTrue();
    assertThat(answerer.answer("\uD83D\uDE80\uD83D\uDE80\uD83D\uDE80").answered()).isFalse();
  }

  /**
   * A question's word one letter from an entity's name is that entity misspelt only when the
   * knowledge does not have the word: "what" in "what happened with the crypto exchange" linked the
   * Wheat note from the wheat-export article to the answer, as if "wheat" had been misspelt.
   */
  @Test
  void aWordTheKnowledgeHasIsNoTypoOfAnEntitysName(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.copyReaderArticles(dir.resolve("articles"));
    try (LoadedLibrary archive = TestConfig.load(TestConfig.defaults(), dir)) {
      Answer crypto = archive.answerer().answer("what happened with the crypto exchange?");
      Answer misspelt = archive.answerer().answer("what does anapurna labs make?");

      assertThat(archive.answerer().entities()).extracting(Entity::name).contains("Wheat");
      assertThat(crypto.entities()).extracting(EntityCard::name).doesNotContain("Wheat");
      assertThat(misspelt.entities()).extracting(EntityCard::name).contains("Annapurna Labs");
    }
  }

  @Test
  void questionAboutOneArticleIsAnsweredFromThatArticle(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("articles/azure-norway.txt"), TestKnowledge.SECOND_ARTICLE);
    try (LoadedLibrary two = TestConfig.load(TestConfig.defaults(), dir)) {
      Answer norway = two.answerer().answer("how long is the hydropower contract?");
      assertThat(norway.best().orElseThrow().articleId()).isEqualTo("azure-norway");
      assertThat(norway.best().orElseThrow().text()).containsPattern("15.year");
      Answer aws = two.answerer().answer("How much is the AWS deal worth?");
      assertThat(aws.best().orElseThrow().text()).contains("138 billion");
      Answer next = two.answerer().answer("what happens next?", Optional.of("azure-norway"));
      assertThat(next.best().orElseThrow().text())
          .startsWith("Construction of the first Oslo site");
    }
  }

  /** The second article, its Statkraft note naming a chief executive in a cut-off sentence. */
  private static String withStatkraftsChief() {
    return TestKnowledge.SECOND_ARTICLE.replace(
        "Europe's largest generator of renewable energy.",
        "Europe's largest generator of renewable energy. Its chief executive is Ingrid Solheim, a"
            + " former head of its trading arm who has run the company since 2021...");
  }

  @Test
  void aNoteCutOffMidSentenceStillSaysWhoRunsTheCompany(@TempDir Path dir) throws IOException {
    Answer boss = askWith(withStatkraftsChief(), "who runs statkraft", dir);

    assertThat(boss.answered()).isTrue();
    assertThat(boss.best().orElseThrow().keySentence())
        .startsWith("Its chief executive is Ingrid Solheim")
        .endsWith("…");
  }

  @Test
  void aBossIsTheChiefExecutiveTheNoteNames(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("articles/azure-norway.txt"), withStatkraftsChief());
    try (LoadedLibrary two = TestConfig.load(TestConfig.defaults(), dir)) {
      Answer boss = two.answerer().answer("whos the boss at statkraft");
      Answer other = two.answerer().answer("who is the ceo of the norwegian grid operator");

      assertThat(boss.answered()).isTrue();
      assertThat(boss.best().orElseThrow().keySentence())
          .startsWith("Its chief executive is Ingrid Solheim");
      assertThat(other.answered()).isFalse();
    }
  }

  @Test
  void aQuestionForAFounderIsAnsweredWithTheSentenceNamingThem(@TempDir Path dir)
      throws IOException {
    String withFounder =
        TestKnowledge.SECOND_ARTICLE.replace(
            "Europe's largest generator of renewable energy.",
            "Europe's largest generator of renewable energy. It was founded in 1992 by Ola Brekke,"
                + " a former grid engineer, and now employs about 5,300 people.");
    Answer answer = askWith(withFounder, "who started statkraft", dir);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.best().orElseThrow().keySentence()).contains("by Ola Brekke");
  }

  @Test
  void aQuestionForAnOwnerIsAnsweredWithTheSentenceNamingThem(@TempDir Path dir)
      throws IOException {
    Answer answer = askWith(TestKnowledge.SECOND_ARTICLE, "who owns statkraft", dir);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.best().orElseThrow().keySentence()).contains("owned by the Norwegian state");
  }

  @ParameterizedTest
  @ValueSource(strings = {"how much is ingrid solheim paid", "how old is ingrid solheim"})
  void aQuestionForAValueTheNoteFoundDoesNotHoldIsDeclined(String question, @TempDir Path dir)
      throws IOException {
    Answer answer = askWith(withStatkraftsChief(), question, dir);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.alternatives().get(0).section()).isIn("entity_note", "topic");
  }

  /** The second article, its Statkraft note giving the company's size and no other quantity. */
  private static String withStatkraftsSize() {
    return TestKnowledge.SECOND_ARTICLE.replace(
        "Europe's largest generator of renewable energy.",
        "Europe's largest generator of renewable energy. It employs about 5,300 people in 21"
            + " countries and has been run by Ingrid Solheim since 2021.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"how many people does statkraft employ", "how many emploees does statkraft have"})
  void aNoteAnswersAQuantityItNames(String question, @TempDir Path dir) throws IOException {
    Answer answer = askWith(withStatkraftsSize(), question, dir);

    assertThat(answer.answered()).isTrue();
    assertThat(answer.best().orElseThrow().text()).contains("5,300 people");
  }

  /**
   * Questions the passage found cannot answer, however many names and words it shares: who leads
   * where it names no one in a role, who founded or owns it where a note names no founder or owner,
   * a quantity a note never names though it holds numbers, a price where no sum is given.
   */
  static Stream<Arguments> unanswerableByWhatWasFound() {
    return Stream.of(
        Arguments.of("Who is the CEO of OpenAI?", TestKnowledge.SECOND_ARTICLE),
        Arguments.of("who runs microsoft azure", TestKnowledge.SECOND_ARTICLE),
        Arguments.of("who founded statkraft", withStatkraftsChief()),
        Arguments.of("who started annapurna labs", withStatkraftsChief()),
        Arguments.of("how many power stations does statkraft run", withStatkraftsSize()),
        Arguments.of("how many wind farms does statkraft own", withStatkraftsSize()),
        Arguments.of("how much does the hydropower contract cost", TestKnowledge.SECOND_ARTICLE),
        Arguments.of(
            "who owns statkraft",
            TestKnowledge.SECOND_ARTICLE.replace(
                "wholly owned by the Norwegian state and Europe's", "and Europe's")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unanswerableByWhatWasFound")
  void declinesWhatThePassageFoundCannotAnswer(String question, String second, @TempDir Path dir)
      throws IOException {
    Answer answer = askWith(second, question, dir);

    assertThat(answer.answered()).isFalse();
    assertThat(answer.confidence()).isLessThan(BriefbotConfig.defaults().answer().threshold());
  }

  /** The answer to {@code question} over the shipped knowledge and {@code second} beside it. */
  private static Answer askWith(String second, String question, Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("articles/azure-norway.txt"), second);
    try (LoadedLibrary two = TestConfig.load(TestConfig.defaults(), dir)) {
      return two.answerer().answer(question);
    }
  }
}
