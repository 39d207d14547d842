package org.briefbot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.rank.Logistic;
import org.briefbot.retrieval.Calibration;

/**
 * Refits one mode's confidence so that a probability means in that mode what the learned
 * answerability's means in hybrid mode: the bot's own answers (threshold 0, so every question gets
 * its first passage) to the questions the answerability model is fitted on, weighed the same, each
 * labelled by whether the first passage answers. Platt scaling of the hand-set calibration: its
 * log-odds are stretched and shifted ({@code a + b·z}), two numbers per mode, so the order of
 * confidences, the ranking and the signals' relative weights stay as they were.
 */
public final class ModeCalibration {
  /**
   * What the bot showed for one question.
   *
   * @param corpus where the question comes from
   * @param inScope whether it can be answered
   * @param right whether the first passage answers it
   * @param confidence the hand-set calibration's confidence in that passage
   * @param weight what the question weighs (as in the answerability fit)
   */
  record Judged(
      TrainingSet.Corpus corpus, boolean inScope, boolean right, double confidence, float weight) {}

  /**
   * A refitted calibration and the rescaling it came from.
   *
   * @param calibration the hand-set one's signals with the new weights
   * @param rescaling the fitted {@code [a, b]} over the hand-set log-odds
   */
  public record Refit(Calibration calibration, Logistic rescaling) {}

  private final List<Judged> judged = new ArrayList<>();

  /**
   * Asks {@code question} of {@code answerer} (threshold 0). Entity cards and curated answers
   * (confidence 1) do not come from the mode's calibration and are left out.
   */
  public void add(
      Answerer answerer, GoldQuestion question, TrainingSet.Corpus corpus, float weight) {
    Answer answer = answerer.answer(question.q());
    double confidence = answer.confidence();
    if (answer.kind() != Answer.Kind.PASSAGE || confidence <= 0 || confidence >= 1) {
      return;
    }
    boolean right =
        !question.outOfScope()
            && TrainingSet.contains(answer.best().orElseThrow().text(), question.expect());
    judged.add(new Judged(corpus, !question.outOfScope(), right, confidence, weight));
  }

  /** Questions judged. */
  public int size() {
    return judged.size();
  }

  /** {@code handSet} rescaled to fit the judged answers. */
  public Refit refit(Calibration handSet) {
    double[][] rows = new double[judged.size()][];
    double[] labels = new double[judged.size()];
    double[] weights = new double[judged.size()];
    for (int i = 0; i < rows.length; i++) {
      Judged j = judged.get(i);
      rows[i] = new double[] {logOdds(j.confidence())};
      labels[i] = j.right() ? 1 : 0;
      weights[i] = j.weight();
    }
    Logistic rescaling = Logistic.fit(rows, labels, weights);
    double[] ab = rescaling.coefficients();
    Calibration calibration =
        new Calibration(
            ab[0] + ab[1] * handSet.bias(),
            ab[1] * handSet.coverage(),
            ab[1] * handSet.similarity(),
            ab[1] * handSet.sentence());
    return new Refit(calibration, rescaling);
  }

  /**
   * What the threshold rule ({@link Threshold}) chooses on these answers with the refitted
   * confidences: evidence that one threshold serves this mode too.
   */
  public Threshold.Choice choice(Refit refit) {
    return Threshold.choose(
        judged.stream()
            .map(
                j ->
                    new Threshold.Judged(
                        j.corpus(),
                        j.inScope(),
                        j.right(),
                        refit.rescaling().probability(logOdds(j.confidence()))))
            .toList());
  }

  private static double logOdds(double p) {
    return Math.log(p / (1 - p));
  }

  /** One line for the log. */
  public static String describe(String mode, Calibration c) {
    return String.format(
        Locale.ROOT,
        "%s: bias %.3f, coverage %.3f, cosine %.3f, sentence cosine %.3f",
        mode,
        c.bias(),
        c.coverage(),
        c.similarity(),
        c.sentence());
  }
}
