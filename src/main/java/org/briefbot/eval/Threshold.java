package org.briefbot.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Chooses {@code answer.threshold} on tuning questions by one rule, the same for every corpus: the
 * threshold with the best balanced accuracy, averaged over the question-answering corpora with both
 * kinds of question. A corpus's balanced accuracy is the mean of the share of its answerable
 * questions answered with a right first passage and the share of its out-of-scope questions
 * declined, so no corpus counts more for having more questions, and neither kind for being more
 * common. Ties go to the lowest threshold.
 */
public final class Threshold {
  /** Thresholds tried: hundredths from 0.05 to 0.80. */
  private static final int LOWEST = 5;

  private static final int HIGHEST = 80;

  private Threshold() {}

  /**
   * What the bot would show for one tuning question.
   *
   * @param corpus where it comes from
   * @param inScope whether it can be answered
   * @param right whether the first passage answers it
   * @param confidence the first passage's probability of answering
   */
  public record Judged(
      TrainingSet.Corpus corpus, boolean inScope, boolean right, double confidence) {}

  /**
   * The chosen threshold and, per corpus at it, the share of answerable questions answered right
   * and of out-of-scope ones declined.
   */
  public record Choice(double threshold, Map<TrainingSet.Corpus, double[]> byCorpus) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "threshold %.2f (", threshold)
          + byCorpus.entrySet().stream()
              .map(
                  e ->
                      String.format(
                          Locale.ROOT,
                          "%s: answered right %.3f, out of scope declined %.3f",
                          e.getKey().name().toLowerCase(Locale.ROOT),
                          e.getValue()[0],
                          e.getValue()[1]))
              .collect(Collectors.joining("; "))
          + ")";
    }
  }

  static Choice choose(List<Judged> judged) {
    Map<TrainingSet.Corpus, List<Judged>> byCorpus = new EnumMap<>(TrainingSet.Corpus.class);
    for (Judged j : judged) {
      byCorpus.computeIfAbsent(j.corpus(), c -> new ArrayList<>()).add(j);
    }
    byCorpus.values().removeIf(js -> js.stream().allMatch(Judged::inScope));
    byCorpus.values().removeIf(js -> js.stream().noneMatch(Judged::inScope));
    if (byCorpus.isEmpty()) {
      throw new IllegalArgumentException(
          "no corpus has both answerable and out-of-scope questions");
    }
    int best = LOWEST;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int t = LOWEST; t <= HIGHEST; t++) {
      double score = 0;
      for (List<Judged> js : byCorpus.values()) {
        double[] f = figures(js, t / 100.0);
        score += (f[0] + f[1]) / 2;
      }
      if (score > bestScore + 1e-12) {
        best = t;
        bestScore = score;
      }
    }
    double threshold = best / 100.0;
    Map<TrainingSet.Corpus, double[]> at = new EnumMap<>(TrainingSet.Corpus.class);
    byCorpus.forEach((c, js) -> at.put(c, figures(js, threshold)));
    return new Choice(threshold, at);
  }

  /** Share of answerable questions answered right, share of out-of-scope ones declined. */
  private static double[] figures(List<Judged> js, double threshold) {
    int answerable = 0;
    int right = 0;
    int absent = 0;
    int declined = 0;
    for (Judged j : js) {
      boolean answered = j.confidence() >= threshold;
      if (j.inScope()) {
        answerable++;
        right += answered && j.right() ? 1 : 0;
      } else {
        absent++;
        declined += answered ? 0 : 1;
      }
    }
    return new double[] {(double) right / answerable, (double) declined / absent};
  }
}
