package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a gold run counts for declines, on the seed's real index: whether a passage the decline
 * offers as having come close holds the answer, and how many out-of-scope questions are shown such
 * passages.
 */
class GoldEvalTest {
  /** Declined on the seed, with several passages that came close (an out-of-scope question). */
  private static final String CAME_CLOSE = "what is nvidias share price today";

  private final LoadedLibrary core = TestKnowledge.shippedCore();

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void aDeclineOfferingAPassageThatHoldsTheAnswerCountsAsClosestRight() {
    Answer declined = core.answerer().answer(CAME_CLOSE);
    List<Alternative.Passage> offered = declined.closestPassages();
    assertThat(offered).hasSizeGreaterThan(1);
    String inTheLast = words(core.answerer().passage(last(offered)).orElseThrow().text());

    GoldReport report =
        new GoldEval()
            .run(
                core.answerer(),
                List.of(
                    new GoldQuestion(CAME_CLOSE, List.of(inTheLast)),
                    new GoldQuestion(CAME_CLOSE, List.of("no passage says this")),
                    new GoldQuestion(CAME_CLOSE, List.of())));

    assertThat(report.falseDeclines()).isEqualTo(2);
    assertThat(report.closestRight()).isEqualTo(1);
    assertThat(report.outOfScopeOffered()).isEqualTo(1);
    assertThat(report.hit1()).isZero();
  }

  @Test
  void aDeclineWithNothingCloseOffersNothing() {
    GoldReport report =
        new GoldEval()
            .run(
                core.answerer(),
                List.of(
                    new GoldQuestion("What is the capital of Australia?", List.of()),
                    new GoldQuestion("What is the capital of Australia?", List.of("Canberra"))));

    assertThat(report.outOfScopeOffered()).isZero();
    assertThat(report.closestRight()).isZero();
    assertThat(report.declineAccuracy()).isEqualTo(1.0);
  }

  private static String last(List<Alternative.Passage> offered) {
    return offered.get(offered.size() - 1).passageId();
  }

  /** A stretch of the passage's own words that its first sentence holds. */
  private static String words(String passage) {
    return passage.substring(0, Math.min(40, passage.length()));
  }
}
