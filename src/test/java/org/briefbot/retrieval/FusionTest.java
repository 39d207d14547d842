package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.briefbot.index.Candidate;
import org.briefbot.index.Wording;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static Candidate candidate(
      int lexicalRank, double lexical, double coverage, int vectorRank, double similarity) {
    return candidate(lexicalRank, lexical, coverage, vectorRank, similarity, similarity);
  }

  private static Candidate candidate(
      int lexicalRank,
      double lexical,
      double coverage,
      int vectorRank,
      double similarity,
      double sentence) {
    Passage passage = new Passage("p", "a", "A", Section.DOCUMENT, 0, "text", List.of(), List.of());
    return new Candidate(
        passage,
        lexicalRank,
        lexical,
        coverage,
        vectorRank,
        similarity,
        sentence,
        new double[0],
        Wording.of(passage.text()));
  }

  @Test
  void linearBlendWeighsEachSignal() {
    Fusion fusion = new Fusion.Linear(0.10, 0.15, 0.35, 0.40);

    assertThat(fusion.score(candidate(1, 1.0, 0.5, 3, 0.6, 0.7)))
        .isCloseTo(0.1 + 0.075 + 0.21 + 0.28, offset(1e-12));
  }

  @Test
  void linearBlendScoresPassageFoundOnlyByVectorsOnAllItsSignals() {
    Fusion fusion = new Fusion.Linear(0.10, 0.15, 0.75, 0);

    assertThat(fusion.score(candidate(0, 0, 0.4, 1, 0.8))).isCloseTo(0.06 + 0.6, offset(1e-12));
  }

  @Test
  void bestSentenceLiftsALongPassageWhoseOneSentenceAnswers() {
    Fusion fusion = RetrievalSettings.defaults(100).fusion();

    Candidate takeaway = candidate(1, 1.0, 0.3, 1, 0.60, 0.60);
    Candidate paragraph = candidate(2, 0.9, 0.3, 2, 0.50, 0.75);

    assertThat(fusion.score(paragraph)).isGreaterThan(fusion.score(takeaway));
  }

  @Test
  void reciprocalRankSumsOverListsThatRankedIt() {
    Fusion fusion = new Fusion.ReciprocalRank(60);

    assertThat(fusion.score(candidate(1, 1, 1, 2, 0.9)))
        .isCloseTo(1.0 / 61 + 1.0 / 62, offset(1e-12));
    assertThat(fusion.score(candidate(0, 0, 1, 2, 0.9))).isCloseTo(1.0 / 62, offset(1e-12));
  }

  @Test
  void refusesNegativeRrfConstant() {
    assertThatThrownBy(() -> new Fusion.ReciprocalRank(-1)).hasMessage("k < 0: -1");
  }

  @Test
  void calibrationIsLogisticInCoverageAndSimilarities() {
    Calibration calibration = new Calibration(-5.0, 2.0, 7.0, 1.0);

    assertThat(calibration.confidence(0.5, 0.4, 0.6))
        .isCloseTo(1 / (1 + Math.exp(-(-5.0 + 1.0 + 2.8 + 0.6))), offset(1e-12));
    assertThat(calibration.confidence(1, 1, 1)).isBetween(0.0, 1.0);
    assertThat(calibration.confidence(0, -1, -1)).isBetween(0.0, 1.0);
  }
}
