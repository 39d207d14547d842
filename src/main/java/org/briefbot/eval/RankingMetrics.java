package org.briefbot.eval;

import java.util.List;
import java.util.Map;

/** The standard ranking metrics, as BEIR and trec_eval compute them. */
final class RankingMetrics {
  private RankingMetrics() {}

  /** nDCG@k with graded gains and the log2(rank+1) discount. */
  static double ndcg(List<String> ranked, Map<String, Integer> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      dcg += relevant.getOrDefault(ranked.get(i), 0) / log2(i + 2);
    }
    List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  static double recall(List<String> ranked, Map<String, Integer> relevant, int k) {
    long found = ranked.stream().limit(k).filter(relevant::containsKey).count();
    return relevant.isEmpty() ? 0 : (double) found / relevant.size();
  }

  static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (relevant.containsKey(ranked.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  static double precisionAt1(List<String> ranked, Map<String, Integer> relevant) {
    return !ranked.isEmpty() && relevant.containsKey(ranked.get(0)) ? 1 : 0;
  }

  /** The p-th percentile (0-100) by the nearest-rank method. */
  static double percentile(double[] sortedValues, double p) {
    if (sortedValues.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100 * sortedValues.length);
    return sortedValues[Math.max(0, Math.min(sortedValues.length - 1, rank - 1))];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
