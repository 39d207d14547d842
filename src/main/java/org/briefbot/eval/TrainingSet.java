package org.briefbot.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.briefbot.index.SearchRequest;
import org.briefbot.knowledge.Passage;
import org.briefbot.rank.Fitting;
import org.briefbot.rank.Table;
import org.briefbot.rank.TreeModel;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.RankRows;
import org.briefbot.retrieval.Retriever;

/**
 * Rows for fitting the learned ranking: each in-scope question's best fused candidates labelled by
 * whether they hold an expected answer (a ranking group, and answerability rows), and each
 * out-of-scope question's candidates, all labelled 0 (answerability rows only). Every question
 * weighs the same in the answerability fit, however many candidates it has. Sets made apart (one
 * per corpus) are joined with {@link #addAll}, so a fold harness computes each corpus's rows once.
 */
public final class TrainingSet {
  /** Candidates BM25 retrieves per question, as the bot does ({@code retrieval.candidates}). */
  public static final int CANDIDATES = 50;

  /** Candidates per question the answerability model is fitted on, best fused first. */
  static final int ANSWER_DEPTH = 10;

  /** Where a question comes from: the threshold is chosen to serve each question-answering one. */
  public enum Corpus {
    SQUAD,
    NEWS,
    SEED,
    /** Retrieval benchmarks: no out-of-scope questions, so no say in the threshold. */
    BENCHMARK
  }

  /**
   * Where a question comes from.
   *
   * @param corpus its corpus
   * @param article the article it was asked about (or the question itself where a corpus has one
   *     article): the threshold's inner folds never split an article
   */
  public record Origin(Corpus corpus, String article) {
    public Origin {
      Objects.requireNonNull(corpus, "corpus");
      Objects.requireNonNull(article, "article");
    }
  }

  /**
   * One asked question.
   *
   * @param rows its best fused candidates' features, the set's width each
   * @param labels 1 for a candidate that answers
   */
  private record Asked(Origin origin, boolean inScope, float[] rows, float[] labels, float weight) {
    int candidates() {
      return labels.length;
    }

    boolean answerable() {
      for (float label : labels) {
        if (label > 0) {
          return true;
        }
      }
      return false;
    }
  }

  private final List<Asked> asked = new ArrayList<>();

  /** Features per candidate row: all there are, unless {@link #withColumns} cut them. */
  private final int width;

  /** An empty set whose rows will have all {@link RankRows#columns()} features. */
  public TrainingSet() {
    this(RankRows.columns());
  }

  private TrainingSet(int width) {
    this.width = width;
  }

  /** A gold question asked of the knowledge {@code retriever} searches. */
  public void add(Retriever retriever, GoldQuestion question, Origin origin) {
    add(retriever, question, origin, 1);
  }

  /**
   * A gold question that weighs {@code weight} questions: a small source of a kind the others lack
   * (the seed's own sections) would otherwise count for nothing.
   */
  public void add(Retriever retriever, GoldQuestion question, Origin origin, float weight) {
    if (question.outOfScope()) {
      addOutOfScope(retriever, question.q(), origin, weight);
    } else {
      addInScope(
          retriever, question.q(), p -> contains(p.text(), question.expect()), origin, weight);
    }
  }

  /** A question some of whose candidates answer it: {@code answers} tells which. */
  public void addInScope(
      Retriever retriever,
      String question,
      Predicate<Passage> answers,
      Origin origin,
      float weight) {
    RankRows rows = rowsFor(retriever, question);
    float[] labels = new float[rows.candidates().size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = answers.test(rows.candidates().get(i).passage()) ? 1 : 0;
    }
    asked.add(new Asked(origin, true, rows.rows(), labels, weight));
  }

  /** A question none of whose candidates can answer it (its article is not indexed). */
  public void addOutOfScope(Retriever retriever, String question, Origin origin, float weight) {
    RankRows rows = rowsFor(retriever, question);
    asked.add(new Asked(origin, false, rows.rows(), new float[rows.candidates().size()], weight));
  }

  private RankRows rowsFor(Retriever retriever, String question) {
    RankRows rows = retriever.rankRows(SearchRequest.of(question, CANDIDATES));
    if (rows.width() != width) {
      throw new IllegalStateException(
          "the retriever gives rows of " + rows.width() + " features, this set holds " + width);
    }
    return rows;
  }

  /** Adds every question of {@code other}, whose rows must be as wide as this set's. */
  public void addAll(TrainingSet other) {
    if (other.width != width) {
      throw new IllegalArgumentException(
          "rows of " + other.width + " features joined to rows of " + width);
    }
    asked.addAll(other.asked);
  }

  /**
   * A copy whose rows keep their first {@code columns} features only: what a model fitted on an
   * earlier round's features (the committed models' width) is fitted from, with the same rows.
   */
  public TrainingSet withColumns(int columns) {
    if (columns < 1 || columns > width) {
      throw new IllegalArgumentException("columns not in [1, " + width + "]: " + columns);
    }
    TrainingSet copy = new TrainingSet(columns);
    for (Asked a : asked) {
      float[] rows = new float[a.candidates() * columns];
      for (int r = 0; r < a.candidates(); r++) {
        System.arraycopy(a.rows(), r * width, rows, r * columns, columns);
      }
      copy.asked.add(new Asked(a.origin(), a.inScope(), rows, a.labels(), a.weight()));
    }
    return copy;
  }

  public int inScope() {
    return (int) asked.stream().filter(Asked::inScope).count();
  }

  public int outOfScope() {
    return asked.size() - inScope();
  }

  /**
   * Both models, and the threshold chosen for them on this set's own questions.
   *
   * @param models the ranker and the answerability model
   * @param threshold the confidence below which the bot should decline
   * @param choice how the threshold was chosen, for the log
   */
  public record Fit(LearnedRanking models, double threshold, Threshold.Choice choice) {}

  /** Fits both models on every question added, and chooses their threshold. */
  public Fit fit(Fitting.Params ranking, Fitting.Params answerability) {
    TreeModel ranker = Fitting.ranking(rankTable(), ranking);
    TreeModel answerable = Fitting.probability(answerTable(asked), answerability);
    Threshold.Choice choice = chooseThreshold(ranker, answerability);
    return new Fit(new LearnedRanking(ranker, answerable), choice.threshold(), choice);
  }

  /**
   * The threshold, chosen on probabilities from answerability models that never saw the question's
   * article: the questions are cut in two by article, a model fitted on each half scores the other
   * (the ranking is the one fitted on all, so the first passage is the one the bot would show).
   */
  private Threshold.Choice chooseThreshold(TreeModel ranker, Fitting.Params answerability) {
    List<List<Asked>> halves = List.of(new ArrayList<>(), new ArrayList<>());
    asked.forEach(a -> halves.get(innerFold(a.origin())).add(a));
    List<Threshold.Judged> judged = new ArrayList<>();
    for (int half = 0; half < 2; half++) {
      TreeModel other = Fitting.probability(answerTable(halves.get(1 - half)), answerability);
      for (Asked a : halves.get(half)) {
        if (a.origin().corpus() != Corpus.BENCHMARK) {
          judged.add(judge(a, ranker, other));
        }
      }
    }
    return Threshold.choose(judged);
  }

  private static int innerFold(Origin origin) {
    return Math.floorMod(origin.article().hashCode(), 2);
  }

  /** What the bot would show for {@code a}: the ranker's first candidate, and its probability. */
  private Threshold.Judged judge(Asked a, TreeModel ranker, TreeModel answerable) {
    if (a.candidates() == 0) {
      return new Threshold.Judged(a.origin().corpus(), a.inScope(), false, 0);
    }
    double[] order = ranker.score(a.rows());
    int first = 0;
    for (int i = 1; i < order.length; i++) {
      first = order[i] > order[first] ? i : first;
    }
    double[] probability =
        answerable.score(Arrays.copyOfRange(a.rows(), first * width, (first + 1) * width));
    return new Threshold.Judged(
        a.origin().corpus(), a.inScope(), a.labels()[first] > 0, probability[0]);
  }

  /** A group without a right candidate teaches the ranker nothing. */
  private Table rankTable() {
    List<Asked> groups = asked.stream().filter(Asked::answerable).toList();
    List<float[]> rows = new ArrayList<>();
    List<float[]> labels = new ArrayList<>();
    List<float[]> weights = new ArrayList<>();
    int[] sizes = new int[groups.size()];
    for (int g = 0; g < sizes.length; g++) {
      Asked a = groups.get(g);
      rows.add(a.rows());
      labels.add(a.labels());
      float[] w = new float[a.candidates()];
      Arrays.fill(w, a.weight());
      weights.add(w);
      sizes[g] = a.candidates();
    }
    return new Table(concat(rows), width, concat(labels), concat(weights), sizes);
  }

  /**
   * The first {@link #ANSWER_DEPTH} candidates only: the confidence that matters is that of the
   * first few, and the far ones would be most of the rows.
   */
  private Table answerTable(List<Asked> questions) {
    List<float[]> rows = new ArrayList<>();
    List<float[]> labels = new ArrayList<>();
    List<float[]> weights = new ArrayList<>();
    for (Asked a : questions) {
      int n = Math.min(a.candidates(), ANSWER_DEPTH);
      rows.add(Arrays.copyOf(a.rows(), n * width));
      labels.add(Arrays.copyOf(a.labels(), n));
      float[] w = new float[n];
      Arrays.fill(w, n == 0 ? 0 : a.weight() / n);
      weights.add(w);
    }
    float[] l = concat(labels);
    return new Table(concat(rows), width, l, concat(weights), new int[] {l.length});
  }

  private static float[] concat(List<float[]> parts) {
    float[] all = new float[parts.stream().mapToInt(a -> a.length).sum()];
    int at = 0;
    for (float[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  static boolean contains(String text, List<String> expected) {
    String lower = text.toLowerCase(Locale.ROOT);
    return expected.stream().anyMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)));
  }

  /** For callers that label by passage id (BEIR qrels). */
  public static Predicate<Passage> byId(Set<String> relevant) {
    return p -> relevant.contains(p.id());
  }
}
