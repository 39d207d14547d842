package org.briefbot.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.briefbot.index.Candidate;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Match;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.RetrievalSettings;
import org.briefbot.retrieval.Retriever;

/** Indexes a BEIR corpus with briefbot's retrieval and scores its rankings against the qrels. */
public final class BeirEval {
  private static final int DEPTH = 100;
  private static final int WARM_UP_QUERIES = 20;
  private static final int WARM_UP_DOCUMENTS = 300;
  private static final int WARM_UP_WORDS = 12;
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final Function<IndexInput, PassageIndex> indexer;
  private final RetrievalSettings retrieval;
  private final Optional<Embeddings> embeddings;

  /** BM25 only: no model, the corpus indexed in memory. */
  public BeirEval(IndexSettings settings) {
    this(
        input -> PassageIndex.build(input, settings, new TextAnalysis()),
        RetrievalSettings.defaults(DEPTH),
        Optional.empty());
  }

  /**
   * Scores the index {@code indexer} builds of a corpus; with {@code embeddings} that index holds
   * passage vectors and every mode can run. Building it with the model is the app's job.
   */
  public BeirEval(
      Function<IndexInput, PassageIndex> indexer,
      RetrievalSettings retrieval,
      Optional<Embeddings> embeddings) {
    this.indexer = indexer;
    this.retrieval = retrieval;
    this.embeddings = embeddings;
  }

  /** Scores one mode. */
  public BeirReport run(BeirData data, Mode mode) {
    return runAll(data, List.of(mode)).get(0);
  }

  /**
   * Scores several modes over one index. Each query runs in every mode in turn, so the modes'
   * latencies are measured under the same load, which on a shared machine is the only fair way.
   */
  public List<BeirReport> runAll(BeirData data, List<Mode> modes) {
    long start = System.nanoTime();
    try (PassageIndex index = indexer.apply(IndexInput.of(data.corpus()))) {
      long indexMs = (System.nanoTime() - start) / 1_000_000;
      List<Retriever> retrievers =
          modes.stream().map(mode -> new Retriever(index, mode, embeddings, retrieval)).toList();
      try {
        retrievers.forEach(r -> warmUp(data, r));
        List<Scores> scores = modes.stream().map(m -> new Scores(data.queries().size())).toList();
        for (Map.Entry<String, String> query : data.queries().entrySet()) {
          for (int m = 0; m < modes.size(); m++) {
            scores.get(m).add(data, query, retrievers.get(m));
          }
        }
        return java.util.stream.IntStream.range(0, modes.size())
            .mapToObj(m -> scores.get(m).report(modes.get(m), indexMs))
            .toList();
      } finally {
        retrievers.forEach(Retriever::close);
      }
    }
  }

  /**
   * Adds every query of {@code data} to {@code set}, its candidates labelled by the qrels: for
   * fitting the learned ranking on a benchmark's tuning half only.
   */
  public void addTo(TrainingSet set, BeirData data) {
    try (PassageIndex index = indexer.apply(IndexInput.of(data.corpus()));
        Retriever retriever = new Retriever(index, Mode.HYBRID, embeddings, retrieval)) {
      for (Map.Entry<String, String> query : data.queries().entrySet()) {
        Map<String, Integer> relevant = data.qrels().get(query.getKey());
        set.addInScope(
            retriever,
            query.getValue(),
            p -> relevant.getOrDefault(p.id(), 0) > 0,
            new TrainingSet.Origin(TrainingSet.Corpus.BENCHMARK, query.getKey()),
            1);
      }
    }
  }

  /**
   * Writes every candidate of every query with its signals and relevance grade, as TSV: the data
   * fusion weights and calibration are fitted on (docs/retrieval.md).
   */
  public void dumpCandidates(BeirData data, Path out) {
    try (PassageIndex index = indexer.apply(IndexInput.of(data.corpus()));
        Retriever retriever = new Retriever(index, Mode.HYBRID, embeddings, retrieval);
        PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println(
          "query\tpassage\tgrade\tlexical_rank\tlexical\tcoverage\tvector_rank\tsimilarity\tsentence_similarity");
      for (Map.Entry<String, String> query : data.queries().entrySet()) {
        Map<String, Integer> relevant = data.qrels().get(query.getKey());
        for (Candidate c : retriever.candidates(SearchRequest.of(query.getValue(), DEPTH))) {
          w.printf(
              Locale.ROOT,
              "%s\t%s\t%d\t%d\t%.6f\t%.6f\t%d\t%.6f\t%.6f%n",
              query.getKey(),
              c.passage().id(),
              relevant.getOrDefault(c.passage().id(), 0),
              c.lexicalRank(),
              c.lexical(),
              c.coverage(),
              c.vectorRank(),
              c.similarity(),
              c.sentenceSimilarity());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out, e);
    }
  }

  /** Running sums of one mode's metrics and its latencies. */
  private static final class Scores {
    private final double[] latencies;
    private int n;
    private double ndcg;
    private double recall;
    private double mrr;
    private double p1;

    Scores(int queries) {
      latencies = new double[queries];
    }

    void add(BeirData data, Map.Entry<String, String> query, Retriever retriever) {
      long t0 = System.nanoTime();
      List<Match> matches = retriever.search(SearchRequest.of(query.getValue(), DEPTH));
      latencies[n++] = (System.nanoTime() - t0) / 1e6;
      List<String> ranked = Retriever.ids(matches);
      Map<String, Integer> relevant = data.qrels().get(query.getKey());
      ndcg += RankingMetrics.ndcg(ranked, relevant, 10);
      recall += RankingMetrics.recall(ranked, relevant, DEPTH);
      mrr += RankingMetrics.reciprocalRank(ranked, relevant, 10);
      p1 += RankingMetrics.precisionAt1(ranked, relevant);
    }

    BeirReport report(Mode mode, long indexMs) {
      int count = Math.max(1, n);
      double[] sorted = Arrays.copyOf(latencies, n);
      Arrays.sort(sorted);
      return new BeirReport(
          n,
          ndcg / count,
          recall / count,
          mrr / count,
          p1 / count,
          mode.key(),
          RankingMetrics.percentile(sorted, 50),
          RankingMetrics.percentile(sorted, 99),
          indexMs);
    }
  }

  /**
   * Untimed queries first, so JIT compilation and the model's first run are not counted as latency:
   * a bot answers from a warm JVM. A few of the benchmark's queries, then the opening words of a
   * few hundred corpus documents. Those are index words only, so no typo of a timed query is looked
   * up (and memoised) in advance.
   */
  private static void warmUp(BeirData data, Retriever retriever) {
    data.queries().values().stream()
        .limit(WARM_UP_QUERIES)
        .forEach(q -> retriever.search(SearchRequest.of(q, DEPTH)));
    data.corpus().stream()
        .limit(WARM_UP_DOCUMENTS)
        .map(p -> openingWords(p.text()))
        .forEach(q -> retriever.search(SearchRequest.of(q, DEPTH)));
  }

  private static String openingWords(String text) {
    String[] words = WHITESPACE.split(text.strip());
    return String.join(" ", Arrays.copyOf(words, Math.min(WARM_UP_WORDS, words.length)));
  }
}
