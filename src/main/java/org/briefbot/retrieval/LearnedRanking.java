package org.briefbot.retrieval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.briefbot.index.Candidate;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.rank.TreeModel;

/**
 * The learned half of hybrid ranking: LambdaMART orders a question's best fused candidates and a
 * second model gives each the probability that it answers, the confidence the bot declines by. Both
 * read the same {@link RankFeatures}. Fitted by {@code briefbot train}; docs/retrieval.md says on
 * which data.
 */
public final class LearnedRanking {
  /** How many of the best fused candidates the models see; the rest keep their fused order. */
  public static final int DEPTH = 30;

  private static final String RANKER = "/org/briefbot/rank/ranker.json";
  private static final String ANSWERABLE = "/org/briefbot/rank/answerable.json";

  /**
   * Both models, fitted on the same first columns of {@link RankFeatures}: all of them, or the
   * columns of an earlier round (features are only ever appended), so that features can be added
   * and judged by the fold harness before models fitted with them are committed.
   */
  private record Models(TreeModel ranker, TreeModel answerable) {
    Models {
      if (ranker.columns() != answerable.columns()
          || ranker.columns() < RankFeatures.SECOND_ROUND_COLUMNS
          || ranker.columns() > RankFeatures.COLUMNS) {
        throw new IllegalArgumentException(
            "models expect "
                + ranker.columns()
                + " and "
                + answerable.columns()
                + " features, not "
                + RankFeatures.COLUMNS
                + " (or the "
                + RankFeatures.SECOND_ROUND_COLUMNS
                + " of the second round)");
      }
    }

    /**
     * How many features to compute for them: the second round's when that is all they read, else
     * all (cut by {@link #fitted}).
     */
    int computed() {
      return ranker.columns() == RankFeatures.SECOND_ROUND_COLUMNS
          ? RankFeatures.SECOND_ROUND_COLUMNS
          : RankFeatures.COLUMNS;
    }

    /** {@code rows} cut to the columns the models were fitted on. */
    float[] fitted(RankRows rows) {
      int columns = ranker.columns();
      int width = rows.width();
      if (columns == width) {
        return rows.rows();
      }
      int n = rows.candidates().size();
      float[] cut = new float[n * columns];
      for (int i = 0; i < n; i++) {
        System.arraycopy(rows.rows(), i * width, cut, i * columns, columns);
      }
      return cut;
    }
  }

  private final Supplier<Models> source;
  private volatile Models models;

  public LearnedRanking(TreeModel ranker, TreeModel answerable) {
    Models given =
        new Models(
            Objects.requireNonNull(ranker, "ranker"),
            Objects.requireNonNull(answerable, "answerable"));
    this.source = () -> given;
    this.models = given;
  }

  private LearnedRanking(Supplier<Models> source) {
    this.source = source;
  }

  /**
   * The committed models, when the class path has them. They are read on first use (or {@link
   * #load()}), so a bot that never ranks in hybrid mode never reads them, and once per process:
   * every load and reload of the knowledge ranks with the same ones.
   */
  public static Optional<LearnedRanking> committed() {
    if (LearnedRanking.class.getResource(RANKER) == null
        || LearnedRanking.class.getResource(ANSWERABLE) == null) {
      return Optional.empty();
    }
    return Optional.of(new LearnedRanking(() -> Committed.MODELS));
  }

  /**
   * The class path's models, read when first asked for: resources of the build, as constant as the
   * classes, and 2.5 MB of JSON not worth reading again at every load of the knowledge.
   */
  private static final class Committed {
    static final Models MODELS = new Models(resource(RANKER), resource(ANSWERABLE));
  }

  private static TreeModel resource(String path) {
    return TreeModel.read(
        TreeModel.committedJson(path)
            .orElseThrow(() -> new IllegalStateException("no committed model " + path)));
  }

  /** Reads the models now, if not yet: a hybrid retriever does so when it is built. */
  public LearnedRanking load() {
    models();
    return this;
  }

  private Models models() {
    Models m = models;
    if (m == null) {
      synchronized (this) {
        m = models;
        if (m == null) {
          m = source.get();
          models = m;
        }
      }
    }
    return m;
  }

  public TreeModel ranker() {
    return models().ranker();
  }

  public TreeModel answerable() {
    return models().answerable();
  }

  /**
   * Below the first, a match's confidence is the higher of its probability of answering and how
   * close the hand-set calibration finds it: once the first passage answers, the model rightly
   * gives the others little chance, yet the closest of them are still worth offering as
   * alternatives ("see also"), as before the models.
   */
  private static void offerable(
      List<Match> matches, List<Candidate> candidates, ToDoubleFunction<Candidate> closeness) {
    Map<String, Candidate> byId = new HashMap<>();
    candidates.forEach(c -> byId.put(c.passage().id(), c));
    for (int i = 1; i < matches.size(); i++) {
      Match m = matches.get(i);
      double close = closeness.applyAsDouble(byId.get(m.passage().id()));
      if (close > m.confidence()) {
        matches.set(i, m.withConfidence(close));
      }
    }
  }

  /**
   * The best {@link #DEPTH} candidates by the hand-set fusion and all their features, for training.
   *
   * @param corrected the question as the embedding model read it, typos corrected
   */
  static RankRows allRows(
      String question,
      String corrected,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      TextAnalysis analysis,
      PassageIndex index) {
    return rows(
        new RankFeatures(analysis, RankFeatures.COLUMNS), question, corrected, all, fusion, index);
  }

  /**
   * The same with only the features the loaded models read: the hot path computes nothing they
   * ignore.
   */
  RankRows servingRows(
      String question,
      String corrected,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      TextAnalysis analysis,
      PassageIndex index) {
    return rows(
        new RankFeatures(analysis, models().computed()), question, corrected, all, fusion, index);
  }

  private static RankRows rows(
      RankFeatures features,
      String question,
      String corrected,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      PassageIndex index) {
    List<Candidate> top =
        all.stream()
            .sorted(
                Comparator.comparingDouble(fusion).reversed().thenComparing(c -> c.passage().id()))
            .limit(DEPTH)
            .toList();
    double[] fused = top.stream().mapToDouble(fusion).toArray();
    RankFeatures.Question q = features.question(question, corrected, index::idf, index::has);
    return new RankRows(top, features.rows(q, top, fused), features.columns());
  }

  /**
   * All candidates as matches: the modelled ones by ranking score plus {@code lift}, each with its
   * probability of answering; then the rest in fused order, below them, with confidence 0.
   */
  List<Match> rank(
      RankRows rows,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      ToDoubleFunction<Candidate> lift,
      ToDoubleFunction<Candidate> closeness) {
    Models fitted = models();
    float[] values = fitted.fitted(rows);
    double[] order = fitted.ranker().score(values);
    double[] probability = fitted.answerable().score(values);
    List<Match> matches = new ArrayList<>(all.size());
    double lowest = Double.POSITIVE_INFINITY;
    for (int i = 0; i < rows.candidates().size(); i++) {
      Candidate c = rows.candidates().get(i);
      double score = order[i] + lift.applyAsDouble(c);
      lowest = Math.min(lowest, score);
      matches.add(new Match(c.passage(), score, probability[i], c.sentenceSimilarities()));
    }
    matches.sort(
        Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.passage().id()));
    offerable(matches, rows.candidates(), closeness);
    Set<Candidate> modelled = Collections.newSetFromMap(new IdentityHashMap<>());
    modelled.addAll(rows.candidates());
    List<Candidate> rest =
        all.stream()
            .filter(c -> !modelled.contains(c))
            .sorted(
                Comparator.comparingDouble(fusion).reversed().thenComparing(c -> c.passage().id()))
            .toList();
    double floor = matches.isEmpty() ? 0 : lowest - 1;
    for (int i = 0; i < rest.size(); i++) {
      Candidate c = rest.get(i);
      matches.add(new Match(c.passage(), floor - i * 1e-6, 0, c.sentenceSimilarities()));
    }
    return matches;
  }
}
