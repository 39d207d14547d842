package org.briefbot.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
