package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.app.Core;
import org.junit.jupiter.api.Test;

/**
 * The gold questions about the seed article, answered by the shipped configuration. The
 * floors are what the configuration reaches today: a change that answers worse fails here.
 */
class GoldSeedTest {
  static final double MIN_HIT1 = 0.79;
  static final double MIN_DECLINE_ACCURACY = 0.83;

  @Test
  void goldFileHasEnoughQuestionsOfBothKinds() {
    List<GoldQuestion> questions = GoldEval.read(Path.of("src/test/resources/gold/seed.jsonl"));
    assertThat(questions.stream().filter(q -> !q.outOfScope())).hasSizeGreaterThanOrEqualTo(40);
    assertThat(questions.stream().filter(GoldQuestion::outOfScope)).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void shippedConfigurationAnswersTheGoldQuestions() {
    try (Core core = TestKnowledge.shippedCore()) {
      GoldReport report = new GoldEval().run(core.answerer(), GoldEval.read(Path.of("src/test/resources/gold/seed.jsonl")));
      assertThat(report.hit1()).as("hit@1, misses: %s", report.misses()).isGreaterThanOrEqualTo(MIN_HIT1);
      assertThat(report.declineAccuracy()).as("decline accuracy, misses: %s", report.misses()).isGreaterThanOrEqualTo(MIN_DECLINE_ACCURACY);
    }
  }
}
