package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.briefbot.TestConfig;
import org.briefbot.answer.Answer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.embedding.CrossEncoderJudge;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.retrieval.Embeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer judge as the bot runs it: opened with the model from retrieval.judge, joined with the
 * learned confidence of the first passage in hybrid mode, and left out, with the bot still
 * answering, when its file is missing or broken.
 */
class AnswerJudgeWiringTest {
  private static final Path MODEL = Path.of("models/answer-judge.onnx");

  /** Not a curated question: its answer comes from the ranking, not the editors' FAQ. */
  private static final String QUESTION = "Why did OpenAI pick Amazon?";

  @TempDir Path dir;

  @Test
  void firstPassageConfidenceJoinsTheJudgesReadingOfQuestionAndPassage() {
    Answer plain = answer(Optional.empty(), "hybrid");
    Answer judged = answer(Optional.of(MODEL), "hybrid");

    assertThat(plain.kind()).isEqualTo(Answer.Kind.PASSAGE);
    assertThat(plain.confidence()).isLessThan(1);
    assertThat(judged.answered()).isTrue();
    assertThat(judged.best().orElseThrow().passageId())
        .isEqualTo(plain.best().orElseThrow().passageId());
    try (CrossEncoderJudge judge = CrossEncoderJudge.load(MODEL)) {
      double expected =
          judge.confidence(QUESTION, plain.best().orElseThrow().text(), plain.confidence());
      assertThat(judged.confidence()).isCloseTo(expected, within(1e-9));
      assertThat(judged.confidence()).isNotCloseTo(plain.confidence(), within(1e-6));
    }
  }

  @Test
  void judgesOnlyHybridAnswers() {
    Answer plain = answer(Optional.empty(), "semantic");
    Answer judged = answer(Optional.of(MODEL), "semantic");

    assertThat(judged.confidence()).isEqualTo(plain.confidence());
  }

  @Test
  void answersWithoutTheJudgeWhenItsFileIsMissing() {
    Path missing = dir.resolve("no-such-judge.onnx");
    try (ModelEmbeddings model = ModelEmbeddings.open(dir.resolve("cache"), Optional.of(missing))) {
      assertThat(model.judge()).isEmpty();
    }
    assertThat(answer(Optional.of(missing), "hybrid").confidence())
        .isEqualTo(answer(Optional.empty(), "hybrid").confidence());
  }

  @Test
  void answersWithoutTheJudgeWhenItsFileIsBroken() throws IOException {
    Path broken = Files.writeString(dir.resolve("judge.onnx"), "not a model");
    Files.copy(CrossEncoderJudge.settingsFile(MODEL), CrossEncoderJudge.settingsFile(broken));
    try (ModelEmbeddings model = ModelEmbeddings.open(dir.resolve("cache"), Optional.of(broken))) {
      assertThat(model.judge()).isEmpty();
    }
    Answer answer = answer(Optional.of(broken), "hybrid");
    assertThat(answer.answered()).isTrue();
    assertThat(answer.confidence()).isEqualTo(answer(Optional.empty(), "hybrid").confidence());
  }

  @Test
  void theBotSaysWhetherItsAnswersAreJudged() {
    BriefbotConfig config = TestConfig.defaults();
    BriefbotConfig without = config.withRetrieval(config.retrieval().withoutJudge());
    Path knowledge = Path.of("knowledge");

    try (LiveLibrary judged = LiveLibrary.load(config, knowledge)) {
      assertThat(judged.awaitEmbedded(Duration.ofMinutes(2))).isTrue();
      assertThat(judged.status().mode()).isEqualTo("hybrid");
      assertThat(judged.status().answerJudge()).isTrue();
    }
    try (LiveLibrary plain = LiveLibrary.load(without, knowledge)) {
      assertThat(plain.awaitEmbedded(Duration.ofMinutes(2))).isTrue();
      assertThat(plain.status().answerJudge()).isFalse();
    }
  }

  @Test
  void theDefaultConfigReadsTheCommittedJudge() {
    BriefbotConfig.RetrievalConfig retrieval = BriefbotConfig.defaults().retrieval();

    assertThat(Path.of(retrieval.judge())).isEqualTo(MODEL);
    assertThat(retrieval.withoutJudge().judge()).isEmpty();
    assertThat(MODEL).isRegularFile();
    assertThat(CrossEncoderJudge.settingsFile(MODEL)).isRegularFile();
  }

  private Answer answer(Optional<Path> judge, String mode) {
    BriefbotConfig config = Modes.apply(TestConfig.defaults(), mode);
    Knowledge seed = new KnowledgeLoader().load(Path.of("knowledge"));
    try (ModelEmbeddings model = ModelEmbeddings.open(dir.resolve("cache"), judge);
        LoadedLibrary library = LoadedLibrary.build(config, seed, Optional.<Embeddings>of(model))) {
      return library.answerer().answer(QUESTION);
    }
  }
}
