package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
  private static final Map<String, Integer> RELEVANT = Map.of("a", 1, "b", 1);

  @Test
  void ndcgIsOneForAPerfectRankingAndDiscountsLateHits() {
    assertThat(RankingMetrics.ndcg(List.of("a", "b", "x"), RELEVANT, 10)).isEqualTo(1.0);
    // DCG = 1/log2(3) + 1/log2(4); IDCG = 1 + 1/log2(3)
    double expected = (1 / log2(3) + 0.5) / (1 + 1 / log2(3));
    assertThat(RankingMetrics.ndcg(List.of("x", "a", "b"), RELEVANT, 10))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void recallMrrAndPrecisionCountWhatTheyShould() {
    List<String> ranked = List.of("x", "y", "b");
    assertThat(RankingMetrics.recall(ranked, RELEVANT, 100)).isEqualTo(0.5);
    assertThat(RankingMetrics.reciprocalRank(ranked, RELEVANT, 10)).isEqualTo(1.0 / 3);
    assertThat(RankingMetrics.reciprocalRank(ranked, RELEVANT, 2)).isZero();
    assertThat(RankingMetrics.precisionAt1(ranked, RELEVANT)).isZero();
    assertThat(RankingMetrics.precisionAt1(List.of("a"), RELEVANT)).isEqualTo(1.0);
  }

  @Test
  void percentileUsesTheNearestRank() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(RankingMetrics.percentile(sorted, 50)).isEqualTo(5);
    assertThat(RankingMetrics.percentile(sorted, 99)).isEqualTo(10);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
