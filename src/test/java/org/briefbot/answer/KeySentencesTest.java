package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.briefbot.TestKnowledge;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sentence emphasised in an answer is the one holding what was asked for. Passages from the
 * seed article, without sentence vectors (as for a passage the reader picked), so only the words
 * and the answer kind decide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeySentencesTest {
  private static final String DEAL =
      "Amazon secures a $138 billion AWS deal with OpenAI. This landmark $138 billion AWS deal"
          + " represents the largest cloud computing contract in history, fundamentally reshaping"
          + " the competitive landscape of the AI infrastructure market.";

  private static final String NEXT =
      "Industry analysts expect Microsoft to respond with counter-offers to retain OpenAI's"
          + " business, potentially triggering a price war in AI cloud services. Amazon will likely"
          + " accelerate production of Trainium chips and may announce new AI-focused data center"
          + " expansions in Q4 2024. Regulatory scrutiny is anticipated from antitrust authorities"
          + " in both the US and EU, with preliminary investigations possible within 6-9 months."
          + " The deal's implementation will begin with migration planning in Q1 2025, with full"
          + " transition expected to take 18-24 months.";

  private static final String PRICING =
      "OpenAI likely secured better pricing, more dedicated AI infrastructure, and greater access to"
          + " Amazon's custom Trainium chips, which may offer performance advantages for specific AI"
          + " training workloads. The massive scale of this deal suggests Amazon offered terms that"
          + " Microsoft couldn't match, possibly including revenue-sharing arrangements or"
          + " preferential access to future chip developments.";

  private static final String ANNAPURNA =
      "Annapurna Labs is an Israeli microelectronics company. Since January 2015 it has been a"
          + " wholly owned subsidiary of Amazon.com.";

  private LoadedLibrary core;
  private KeySentences keySentences;

  @BeforeAll
  void load() {
    core = TestKnowledge.shippedCore();
    keySentences = new KeySentences(new TextAnalysis(), core.index());
  }

  @AfterAll
  void close() {
    core.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "How much is the AWS deal worth?              | DEAL        | Amazon secures a $138 billion AWS deal with OpenAI.",
        "when will the migration start               | NEXT        | The deal's implementation will begin with migration planning in Q1 2025",
        "how long until antitrust investigations     | NEXT        | Regulatory scrutiny is anticipated",
        "when could amazon announce new data centers | NEXT        | Amazon will likely accelerate production",
        "what did amazon offer that microsoft couldn't? | PRICING  | The massive scale of this deal suggests Amazon offered terms",
        "when did amazon acquire annapurna           | ANNAPURNA   | Since January 2015",
      })
  void emphasisesTheSentenceHoldingTheKindOfAnswerAsked(
      String question, String passage, String keyStart) {
    String text =
        switch (passage) {
          case "DEAL" -> DEAL;
          case "NEXT" -> NEXT;
          case "ANNAPURNA" -> ANNAPURNA;
          default -> PRICING;
        };

    String key = best(text, question);

    assertThat(key).startsWith(keyStart);
    assertThat(text).contains(key);
  }

  @Test
  void aSentenceThatPointsBackLosesANearTieToTheOneThatStatesTheFact() {
    // Both hold the amount and the question's words; the second restates the first.
    assertThat(best(DEAL, "how big is the openai amazon deal"))
        .isEqualTo("Amazon secures a $138 billion AWS deal with OpenAI.");
  }

  @Test
  void withoutAWantedKindTheSentenceSharingTheRarestWordsWins() {
    assertThat(best(NEXT, "could this start a price war"))
        .startsWith("Industry analysts expect Microsoft to respond");
  }

  /** Invented, in the shape of the notes writers give their companies. */
  private static final String NOTE =
      "Velmar Foods is a snack maker based in Leeds, founded in 1962 by two brothers from Bradford."
          + " Its crisps are sold in 30 countries. The company is run by chief executive Ines"
          + " Haldane, a former buyer at a supermarket group.";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "who runs velmar foods",
        "who's the boss at velmar",
        "who is velmar foods' ceo",
      })
  void aQuestionForWhoLeadsIsAnsweredByTheSentenceNamingSomeoneInARole(String question) {
    Passage note = Passage.of("seed", "Seed", Section.ENTITY_NOTE, 0, NOTE);

    assertThat(keySentences.best(note, question, WantedKind.of(question), new double[0]))
        .startsWith("The company is run by chief executive Ines Haldane");
  }

  @Test
  void aQuestionForWhoFoundedItIsNotAskingWhoLeads() {
    Passage note = Passage.of("seed", "Seed", Section.ENTITY_NOTE, 0, NOTE);

    assertThat(
            keySentences.best(
                note,
                "who founded velmar foods",
                WantedKind.of("who founded velmar foods"),
                new double[0]))
        .startsWith("Velmar Foods is a snack maker");
  }

  /** Invented: a note opening with its entity's name and giving a figure after. */
  private static final String STREAMING_NOTE =
      "Streamvale is an American video streaming service based in Burbank, California, launched in"
          + " 2015. It has about 118 million paying subscribers.";

  @Test
  void inANoteTheSentenceHoldingTheValueAskedForBeatsTheOneNamingTheEntity() {
    String question = "how many subscribers does streamvale have";
    double[] opensCloser = {0.9, 0.4};
    Passage note = Passage.of("seed", "Seed", Section.ENTITY_NOTE, 0, STREAMING_NOTE);
    Passage analysis = Passage.of("seed", "Seed", Section.WHY_IT_MATTERS, 0, STREAMING_NOTE);

    assertThat(keySentences.best(note, question, WantedKind.of(question), opensCloser))
        .startsWith("It has about 118 million paying subscribers");
    assertThat(keySentences.best(analysis, question, WantedKind.of(question), opensCloser))
        .startsWith("Streamvale is an American video streaming service");
  }

  @Test
  void inANoteTheSentenceSayingWhereItIsBeatsTheOneNamingTheEntity() {
    String question = "where is the competition authority based";
    String text =
        "The Competition Authority is a Norwegian government agency that enforces competition"
            + " law. It is based in Bergen and has about 100 staff.";
    Passage note = Passage.of("seed", "Seed", Section.ENTITY_NOTE, 0, text);

    assertThat(keySentences.best(note, question, WantedKind.of(question), new double[] {0.9, 0.4}))
        .startsWith("It is based in Bergen");
  }

  /**
   * Invented, in the shape of squad-newsroom's long paragraphs: the question's rarest word in the
   * archive ("Orvanto") is in every sentence, the one that singles out the answer ("Latin") in one.
   */
  private static final String PARAGRAPH =
      "The physician Aulus Orvanto wrote a herbal in five volumes in the first century. Orvanto"
          + " described about six hundred plants and the remedies made from them. The Latin"
          + " translation of Orvanto's herbal, known as Liber Herbarum, was copied for centuries."
          + " Scholars of the Islamic world added to it.";

  @Test
  void wordsRareInThePassageSingleOutTheSentenceThatHasThem() {
    String question = "What is the name of the Latin translation of Orvanto's herbal?";
    Passage passage = Passage.of("seed", "Seed", Section.WHY_IT_MATTERS, 0, PARAGRAPH);
    double[] cosines = {0.62, 0.55, 0.58, 0.31};

    float[] rows = keySentences.rows(passage, question, WantedKind.of(question), cosines);

    int rare = SentenceFeatures.NAMES.indexOf("passage_rare_words");
    int onlyHere = SentenceFeatures.NAMES.indexOf("only_here");
    assertThat(column(rows, rare)).hasSize(4);
    assertThat(argmax(column(rows, rare))).isEqualTo(2);
    assertThat(column(rows, onlyHere)[2]).isGreaterThanOrEqualTo(2);
    assertThat(keySentences.best(passage, question, WantedKind.of(question), cosines))
        .startsWith("The Latin translation of Orvanto's herbal");
  }

  private static double[] column(float[] rows, int column) {
    int n = rows.length / SentenceFeatures.COLUMNS;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rows[i * SentenceFeatures.COLUMNS + column];
    }
    return values;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      best = values[i] > values[best] ? i : best;
    }
    return best;
  }

  private String best(String text, String question) {
    Passage passage = Passage.of("seed", "Seed", Section.WHAT_HAPPENS_NEXT, 0, text);
    return keySentences.best(passage, question, WantedKind.of(question), new double[0]);
  }
}
