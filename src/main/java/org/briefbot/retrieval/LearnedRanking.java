package org.briefbot.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.briefbot.index.Candidate;
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

  private final TreeModel ranker;
  private final TreeModel answerable;

  public LearnedRanking(TreeModel ranker, TreeModel answerable) {
    this.ranker = Objects.requireNonNull(ranker, "ranker");
    this.answerable = Objects.requireNonNull(answerable, "answerable");
    if (ranker.columns() != RankFeatures.COLUMNS || answerable.columns() != RankFeatures.COLUMNS) {
      throw new IllegalArgumentException(
          "models expect "
              + ranker.columns()
              + " and "
              + answerable.columns()
              + " features, not "
              + RankFeatures.COLUMNS);
    }
  }

  /** The committed models, when the class path has them. */
  public static Optional<LearnedRanking> committed() {
    try (InputStream r = LearnedRanking.class.getResourceAsStream(RANKER);
        InputStream a = LearnedRanking.class.getResourceAsStream(ANSWERABLE)) {
      if (r == null || a == null) {
        return Optional.empty();
      }
      return Optional.of(
          new LearnedRanking(
              TreeModel.read(r, RankFeatures.COLUMNS), TreeModel.read(a, RankFeatures.COLUMNS)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the committed ranking models", e);
    }
  }

  public TreeModel ranker() {
    return ranker;
  }

  public TreeModel answerable() {
    return answerable;
  }

  /** The best {@link #DEPTH} candidates by the hand-set fusion and their features. */
  static RankRows rows(
      String question,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      TextAnalysis analysis,
      ToDoubleFunction<String> idf) {
    List<Candidate> top =
        all.stream()
            .sorted(
                Comparator.comparingDouble(fusion).reversed().thenComparing(c -> c.passage().id()))
            .limit(DEPTH)
            .toList();
    double[] fused = top.stream().mapToDouble(fusion).toArray();
    RankFeatures.Question q = RankFeatures.Question.of(question, analysis, idf);
    return new RankRows(top, new RankFeatures(analysis).rows(q, top, fused));
  }

  /**
   * All candidates as matches: the modelled ones by ranking score plus {@code lift}, each with its
   * probability of answering; then the rest in fused order, below them, with confidence 0.
   */
  List<Match> rank(
      RankRows rows,
      List<Candidate> all,
      ToDoubleFunction<Candidate> fusion,
      ToDoubleFunction<Candidate> lift) {
    double[] order = ranker.score(rows.rows());
    double[] probability = answerable.score(rows.rows());
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
    List<Candidate> modelled = rows.candidates();
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
