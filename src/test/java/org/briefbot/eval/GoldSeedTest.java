package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.retrieval.Mode;
import org.junit.jupiter.api.Test;

/**
 * The gold questions about the seed, answered by the product as configured by default (hybrid). The
 * floors are what hybrid reaches (46 of 54 right first, 50 in the first three, all 12 out-of-scope
 * declined); the build fails if a change loses any of it.
 */
class GoldSeedTest {
  private static final Path GOLD = Path.of("src/test/resources/gold/seed.jsonl");

  @Test
  void goldFileHasEnoughQuestionsOfBothKinds() {
    List<GoldQuestion> questions = GoldEval.read(GOLD);
    assertThat(questions.stream().filter(q -> !q.outOfScope())).hasSizeGreaterThanOrEqualTo(40);
    assertThat(questions.stream().filter(GoldQuestion::outOfScope)).hasSizeGreaterThanOrEqualTo(8);
  }

  @Test
  void defaultModeKeepsItsGoldFigures() {
    BriefbotConfig config = TestConfig.defaults();
    assertThat(config.retrieval().mode()).isEqualTo(Mode.HYBRID);

    GoldReport report;
    try (LoadedLibrary core = TestConfig.load(config, Path.of("knowledge"))) {
      report = new GoldEval().run(core.answerer(), GoldEval.read(GOLD));
    }

    assertThat(report.answerable()).isEqualTo(54);
    assertThat(report.outOfScope()).isEqualTo(12);
    // 52 of 54 measured with the models fitted on the news articles too (49 before): one miss of
    // slack.
    assertThat(report.hit1()).as(report.misses().toString()).isGreaterThanOrEqualTo(0.94);
    assertThat(report.hit3()).isGreaterThanOrEqualTo(0.92);
    assertThat(report.declineAccuracy()).as(report.misses().toString()).isEqualTo(1.0);
    // 43 of 45 measured; one miss of slack, as a better ranking changes which passages are judged.
    assertThat(report.keySentenceHit()).isGreaterThanOrEqualTo(0.93);
  }
}
