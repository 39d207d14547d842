package org.briefbot.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The committed answer judge (models/) on passages of the seed article and one it lacks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossEncoderJudgeTest {
  static final Path MODEL = Path.of("models/answer-judge.onnx");

  private static final String TAKEAWAY = "Amazon secures a $138 billion AWS deal with OpenAI.";
  private static final String OUTAGE =
      "If Amazon experiences service disruptions or fails to meet scaling requirements, it could"
          + " severely impact OpenAI's product development.";
  private static final String ECB =
      "The European Central Bank cut its deposit facility rate by 25 basis points to 2.25%.";

  private CrossEncoderJudge judge;

  @BeforeAll
  void load() {
    judge = CrossEncoderJudge.load(MODEL);
  }

  @AfterAll
  void close() {
    judge.close();
  }

  @Test
  void judgesThePassageThatStatesTheAmountAboveOneOnTheSameCompanies() {
    String question = "How much is the AWS deal worth?";

    assertThat(judge.probability(question, TAKEAWAY)).isGreaterThan(0.5);
    assertThat(judge.probability(question, TAKEAWAY))
        .isGreaterThan(judge.probability(question, OUTAGE) + 0.3);
  }

  @Test
  void doesNotTakeAPassageAboutTheCompanyForAnAnswerAboutItsChiefExecutive() {
    assertThat(judge.probability("Who is the CEO of OpenAI?", OUTAGE)).isLessThan(0.5);
    assertThat(judge.probability("How much did the ECB cut rates by?", ECB)).isGreaterThan(0.5);
  }

  @Test
  void readsTheQuestionFirstAndCutsOnlyWhatDoesNotFit() {
    String longPassage = "The deal was signed in Seattle. ".repeat(100);
    String longQuestion = "why ".repeat(200);

    long[] ids = judge.pair("How much is the AWS deal worth?", longPassage).ids();
    long[] both = judge.pair(longQuestion, longPassage).ids();

    assertThat(ids).hasSize(judge.settings().maxTokens());
    assertThat(ids[0]).isEqualTo(101); // [CLS]
    assertThat(ids[ids.length - 1]).isEqualTo(102); // [SEP]
    assertThat(both).hasSize(judge.settings().maxTokens());
    assertThat(both[judge.settings().maxQuestionTokens() + 1]).isEqualTo(102);
    assertThat(judge.pair("", "").ids()).containsExactly(101, 102, 102);
    assertThat(judge.pair("", "").types()).containsExactly(0, 0, 1);
    assertThat(judge.pair("why", "because").types()).containsExactly(0, 0, 0, 1, 1);
  }

  /**
   * A long passage's start is tokenized alone; the pair must hold the same tokens as cutting the
   * whole passage's, whatever the words around the point where the start ends, and when the start
   * holds too few (long words that are one token each).
   */
  @Test
  void cutsALongPassageAsTokenizingAllOfItWould() {
    List<String> mixed =
        List.of(
            "Amazon",
            "secures",
            "a",
            "$138",
            "billion",
            "deal,",
            "café",
            "naïve",
            "日本語",
            "supercalifragilisticexpialidocious",
            "x",
            "re\u001Csearch",
            "non\u00A0breaking",
            "e\u0301tude",
            "—",
            "OpenAI's",
            "Trainium-2");
    List<String> longWords =
        List.of("international", "responsibilities", "environmental", "understanding");
    for (List<String> words : List.of(mixed, longWords)) {
      for (int length = 100; length < 4_000; length += 37) {
        assertCutAsWhole(passageOf(words, length));
      }
    }
  }

  private void assertCutAsWhole(String passage) {
    String question = "How much is the AWS deal worth?";
    int kept = judge.settings().maxTokens() - 3 - judge.tokens(question).length;
    long[] all = judge.tokens(passage);
    long[] expected = Arrays.copyOf(all, Math.min(all.length, kept));

    long[] ids = judge.pair(question, passage).ids();

    assertThat(Arrays.copyOfRange(ids, ids.length - 1 - expected.length, ids.length - 1))
        .as("passage of %d characters", passage.length())
        .containsExactly(expected);
  }

  private static String passageOf(List<String> words, int length) {
    StringBuilder passage = new StringBuilder();
    for (int i = 0; passage.length() < length; i++) {
      passage.append(words.get((i * 7 + length) % words.size())).append(' ');
    }
    return passage.toString();
  }

  @Test
  void blendOfBothProbabilitiesRaisedToTheSettingsExponent() {
    double p = judge.probability("How much is the AWS deal worth?", TAKEAWAY);
    double w = judge.settings().weight();
    double expected = Math.pow((1 - w) * 0.4 + w * p, judge.settings().exponent());

    assertThat(judge.confidence("How much is the AWS deal worth?", TAKEAWAY, 0.4))
        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void answersTheSameForTheSamePair() {
    assertThat(judge.probability("what are Trainium chips?", OUTAGE))
        .isEqualTo(judge.probability("what are Trainium chips?", OUTAGE));
  }

  @Test
  void namesTheMissingSettingsFile(@TempDir Path dir) throws IOException {
    Path model = Files.copy(MODEL, dir.resolve("judge.onnx"));

    assertThatThrownBy(() -> CrossEncoderJudge.load(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dir.resolve("judge.json").toString())
        .hasMessageContaining("missing");
  }

  @Test
  void refusesSettingsWithoutAnExponent(@TempDir Path dir) throws IOException {
    Path model = Files.copy(MODEL, dir.resolve("judge.onnx"));
    Files.writeString(
        dir.resolve("judge.json"),
        "{\"maxTokens\": 160, \"maxQuestionTokens\": 48, \"weight\": 0.3}");

    assertThatThrownBy(() -> CrossEncoderJudge.load(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exponent");
  }

  @Test
  void refusesAFileThatIsNoModel(@TempDir Path dir) throws IOException {
    Path model = Files.writeString(dir.resolve("judge.onnx"), "not a model");
    Files.copy(CrossEncoderJudge.settingsFile(MODEL), dir.resolve("judge.json"));

    assertThatThrownBy(() -> CrossEncoderJudge.load(model))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot load the answer judge")
        .hasMessageContaining(model.toString());
  }
}
