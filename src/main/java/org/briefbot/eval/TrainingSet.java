package org.briefbot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.briefbot.index.SearchRequest;
import org.briefbot.knowledge.Passage;
import org.briefbot.rank.Fitting;
import org.briefbot.rank.Table;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.RankRows;
import org.briefbot.retrieval.Retriever;

/**
 * Rows for fitting the learned ranking: each in-scope question's best fused candidates labelled by
 * whether they hold an expected answer (a ranking group, and answerability rows), and each
 * out-of-scope question's candidates, all labelled 0 (answerability rows only). Every question
 * weighs the same in the answerability fit, however many candidates it has.
 */
public final class TrainingSet {
  /** Candidates BM25 retrieves per question, as the bot does ({@code retrieval.candidates}). */
  public static final int CANDIDATES = 50;

  /** Candidates per question the answerability model is fitted on, best fused first. */
  static final int ANSWER_DEPTH = 10;

  private final List<float[]> rankRows = new ArrayList<>();
  private final List<float[]> rankLabels = new ArrayList<>();
  private final List<float[]> rankWeights = new ArrayList<>();
  private final List<Integer> groups = new ArrayList<>();
  private final List<float[]> answerRows = new ArrayList<>();
  private final List<float[]> answerLabels = new ArrayList<>();
  private final List<float[]> answerWeights = new ArrayList<>();
  private int inScope;
  private int outOfScope;

  /** A gold question asked of the knowledge {@code retriever} searches. */
  public void add(Retriever retriever, GoldQuestion question) {
    add(retriever, question, 1);
  }

  /**
   * A gold question that weighs {@code weight} questions: a small source of a kind the others lack
   * (the seed's own sections) would otherwise count for nothing.
   */
  public void add(Retriever retriever, GoldQuestion question, float weight) {
    if (question.outOfScope()) {
      addOutOfScope(retriever, question.q(), weight);
    } else {
      addInScope(retriever, question.q(), p -> contains(p.text(), question.expect()), weight);
    }
  }

  /** A question some of whose candidates answer it: {@code answers} tells which. */
  public void addInScope(
      Retriever retriever, String question, Predicate<Passage> answers, float weight) {
    RankRows rows = retriever.rankRows(SearchRequest.of(question, CANDIDATES));
    float[] labels = new float[rows.candidates().size()];
    boolean any = false;
    for (int i = 0; i < labels.length; i++) {
      labels[i] = answers.test(rows.candidates().get(i).passage()) ? 1 : 0;
      any |= labels[i] > 0;
    }
    if (any) {
      // A group without a right candidate teaches the ranker nothing.
      rankRows.add(rows.rows());
      rankLabels.add(labels);
      float[] weights = new float[labels.length];
      java.util.Arrays.fill(weights, weight);
      rankWeights.add(weights);
      groups.add(labels.length);
    }
    addAnswerRows(rows, labels, weight);
    inScope++;
  }

  /** A question none of whose candidates can answer it (its article is not indexed). */
  public void addOutOfScope(Retriever retriever, String question) {
    addOutOfScope(retriever, question, 1);
  }

  private void addOutOfScope(Retriever retriever, String question, float weight) {
    RankRows rows = retriever.rankRows(SearchRequest.of(question, CANDIDATES));
    addAnswerRows(rows, new float[rows.candidates().size()], weight);
    outOfScope++;
  }

  /**
   * The first {@link #ANSWER_DEPTH} candidates only: the confidence that matters is that of the
   * first few, and the far ones would be most of the rows.
   */
  private void addAnswerRows(RankRows rows, float[] labels, float weight) {
    int n = Math.min(labels.length, ANSWER_DEPTH);
    answerRows.add(java.util.Arrays.copyOf(rows.rows(), n * RankRows.columns()));
    answerLabels.add(java.util.Arrays.copyOf(labels, n));
    float[] weights = new float[n];
    java.util.Arrays.fill(weights, n == 0 ? 0 : weight / n);
    answerWeights.add(weights);
  }

  public int inScope() {
    return inScope;
  }

  public int outOfScope() {
    return outOfScope;
  }

  /** Fits both models on what was added. */
  public LearnedRanking fit(Fitting.Params ranking, Fitting.Params answerability) {
    Table rank = table(rankRows, rankLabels, rankWeights, groups);
    Table answer = table(answerRows, answerLabels, answerWeights, List.of(rowCount(answerLabels)));
    return new LearnedRanking(
        Fitting.ranking(rank, ranking), Fitting.probability(answer, answerability));
  }

  private static int rowCount(List<float[]> parts) {
    return parts.stream().mapToInt(a -> a.length).sum();
  }

  private static Table table(
      List<float[]> rows, List<float[]> labels, List<float[]> weights, List<Integer> groups) {
    int columns = RankRows.columns();
    float[] v = concat(rows);
    float[] w = concat(weights);
    return new Table(
        v, columns, concat(labels), w, groups.stream().mapToInt(Integer::intValue).toArray());
  }

  private static float[] concat(List<float[]> parts) {
    float[] all = new float[rowCount(parts)];
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
  public static Predicate<Passage> byId(java.util.Set<String> relevant) {
    return p -> relevant.contains(p.id());
  }
}
