package org.briefbot.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.briefbot.index.Hit;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;

/** Indexes a BEIR corpus with briefbot's retrieval and scores its rankings against the qrels. */
public final class BeirEval {
  private static final int DEPTH = 100;

  private final IndexSettings settings;

  public BeirEval(IndexSettings settings) {
    this.settings = settings;
  }

  public BeirReport run(BeirData data) {
    long start = System.nanoTime();
    try (PassageIndex index = PassageIndex.build(IndexInput.of(data.corpus()), settings, new TextAnalysis())) {
      long indexMs = (System.nanoTime() - start) / 1_000_000;
      return score(data, index, indexMs);
    }
  }

  private BeirReport score(BeirData data, PassageIndex index, long indexMs) {
    double ndcg = 0;
    double recall = 0;
    double mrr = 0;
    double p1 = 0;
    double[] latencies = new double[data.queries().size()];
    int i = 0;
    for (Map.Entry<String, String> query : data.queries().entrySet()) {
      long t0 = System.nanoTime();
      List<Hit> hits = index.search(SearchRequest.of(query.getValue(), DEPTH));
      latencies[i++] = (System.nanoTime() - t0) / 1e6;
      List<String> ranked = hits.stream().map(h -> h.passage().id()).toList();
      Map<String, Integer> relevant = data.qrels().get(query.getKey());
      ndcg += RankingMetrics.ndcg(ranked, relevant, 10);
      recall += RankingMetrics.recall(ranked, relevant, DEPTH);
      mrr += RankingMetrics.reciprocalRank(ranked, relevant, 10);
      p1 += RankingMetrics.precisionAt1(ranked, relevant);
    }
    int n = Math.max(1, data.queries().size());
    Arrays.sort(latencies);
    return new BeirReport(
        data.queries().size(), ndcg / n, recall / n, mrr / n, p1 / n, "bm25",
        RankingMetrics.percentile(latencies, 50), RankingMetrics.percentile(latencies, 99), indexMs);
  }
}
