package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.briefbot.index.Candidate;
import org.briefbot.index.Wording;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.briefbot.retrieval.AnswerCues.Kind;
import org.junit.jupiter.api.Test;

class AnswerCuesTest {

  @Test
  void readsTheKindOfAnswerAQuestionAsksFor() {
    assertThat(AnswerCues.of("will amazon make more trainium chips?").asked())
        .containsExactly(Kind.PREDICTION);
    assertThat(AnswerCues.of("When will the migration begin?").asked())
        .containsExactly(Kind.PREDICTION, Kind.TIME);
    assertThat(AnswerCues.of("how long until the transition is complete").asked())
        .containsExactly(Kind.TIME);
    assertThat(AnswerCues.of("How much is the deal worth?").asked()).containsExactly(Kind.AMOUNT);
    assertThat(AnswerCues.of("why did openai pick amazon?").isEmpty()).isTrue();
    assertThat(AnswerCues.of("what are trainium chips").isEmpty()).isTrue();
    assertThat(AnswerCues.of("the deal will be worth $138 billion?").asked())
        .containsExactly(Kind.PREDICTION, Kind.AMOUNT);
  }

  @Test
  void aStatementAsksForNothing() {
    assertThat(
            AnswerCues.of(
                    "Women with a higher birth weight are more likely to develop breast cancer.")
                .isEmpty())
        .isTrue();
    assertThat(
            AnswerCues.of(
                    "Auditory entrainment is strengthened when people see congruent information")
                .isEmpty())
        .isTrue();
  }

  @Test
  void readsWhatASentenceStates() {
    assertThat(AnswerCues.stated("Amazon will likely accelerate production of Trainium chips."))
        .containsExactly(Kind.PREDICTION);
    assertThat(AnswerCues.stated("Full transition is expected to take 18-24 months."))
        .containsExactly(Kind.PREDICTION, Kind.TIME);
    assertThat(AnswerCues.stated("The market was valued at approximately $500 billion in 2023."))
        .containsExactly(Kind.TIME, Kind.AMOUNT);
    assertThat(AnswerCues.stated("NVIDIA dominates with over 80% share."))
        .containsExactly(Kind.AMOUNT);
    assertThat(AnswerCues.stated("Trainium chips are custom-designed AI accelerators.")).isEmpty();
    assertThat(AnswerCues.stated("Smaller AI companies may benefit."))
        .containsExactly(Kind.PREDICTION);
    assertThat(AnswerCues.stated("Talks began in May and end by May 30."))
        .containsExactly(Kind.TIME);
  }

  @Test
  void liftsAPassageByTheSentenceThatStatesTheAskedKindWhenItIsClose() {
    Passage passage =
        Passage.of(
            "a",
            "A",
            Section.WHAT_HAPPENS_NEXT,
            0,
            "Trainium chips are custom AI accelerators. Amazon will likely accelerate production of Trainium chips.");
    AnswerCues future = AnswerCues.of("will amazon make more trainium chips");

    // The defining sentence is closer (0.60), the prediction a little further (0.50):
    // 0.45 * 0.50 + 0.08 beats 0.45 * 0.60 by 0.035, the lift.
    double lift = future.lift(candidate(passage, 0.60, 0.50), 0.08, 0.45);
    // Far behind (0.10), the prediction does not take over and nothing is added.
    double none = future.lift(candidate(passage, 0.60, 0.10), 0.08, 0.45);

    assertThat(lift).isCloseTo(0.035, within(1e-9));
    assertThat(none).isZero();
    assertThat(
            AnswerCues.of("why did openai pick amazon")
                .lift(candidate(passage, 0.6, 0.5), 0.08, 0.45))
        .isZero();
  }

  @Test
  void liftsAOneSentencePassageByItsText() {
    Passage passage = Passage.of("a", "A", Section.FAQ, 0, "Migration will begin in Q1 2025.");
    Candidate candidate =
        new Candidate(passage, 1, 1, 0.5, 1, 0.5, 0.5, new double[0], Wording.of(passage.text()));

    assertThat(AnswerCues.of("when will openai move").lift(candidate, 0.08, 0.45))
        .isCloseTo(0.16, within(1e-9));
  }

  private static Candidate candidate(Passage passage, double... sentenceCosines) {
    double best = Math.max(sentenceCosines[0], sentenceCosines[1]);
    return new Candidate(
        passage, 1, 1, 0.5, 1, 0.5, best, sentenceCosines, Wording.of(passage.text()));
  }
}
