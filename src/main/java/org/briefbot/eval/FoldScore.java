package org.briefbot.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;

/**
 * How an answerer does on one held-out half: its first answer and confidence for each question
 * about the indexed articles, and its confidence for each question about articles left out. Asked
 * once with no threshold, so the figures can be read at any threshold without asking again.
 *
 * @param answerable per question about the indexed articles
 * @param absent confidence of the first answer to each question about an article not indexed
 */
public record FoldScore(List<Asked> answerable, double[] absent) {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /**
   * One answered question.
   *
   * @param confidence the answer's confidence
   * @param hit the answer holds an expected string
   * @param paragraph the answer is the paragraph the question was written from
   */
  public record Asked(double confidence, boolean hit, boolean paragraph) {}

  /**
   * The figures at a threshold.
   *
   * @param threshold confidence below which the bot declines
   * @param hit1 share of answerable questions answered with an expected string
   * @param p1 share whose first passage is the question's paragraph, declined or not (BEIR P@1)
   * @param absentDeclined share of questions about absent articles declined
   * @param answerableDeclined share of answerable questions declined
   */
  public record At(
      double threshold, double hit1, double p1, double absentDeclined, double answerableDeclined) {}

  /**
   * Hears every question asked, with the answer it got: what an answer judge is fitted and tested
   * on.
   */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param inScope the question's article is indexed
     * @param hit the first passage holds an expected string (false for absent questions)
     */
    void asked(String question, Answer answer, boolean inScope, boolean hit);

    Listener NONE = (question, answer, inScope, hit) -> {};
  }

  /**
   * Asks {@code answerer}, whose threshold must be 0, every question; {@code paragraphs} maps a
   * question to the texts of the paragraphs it was written from (empty when unknown).
   */
  public static FoldScore of(
      Answerer answerer,
      List<GoldQuestion> questions,
      Map<String, List<String>> paragraphs,
      List<String> absentQuestions) {
    return of(answerer, questions, paragraphs, absentQuestions, Listener.NONE);
  }

  /** As {@link #of(Answerer, List, Map, List)}, telling {@code listener} each answer. */
  public static FoldScore of(
      Answerer answerer,
      List<GoldQuestion> questions,
      Map<String, List<String>> paragraphs,
      List<String> absentQuestions,
      Listener listener) {
    List<Asked> asked = new ArrayList<>();
    for (GoldQuestion q : questions) {
      Answer a = answerer.answer(q.q());
      String text = a.best().map(s -> s.text()).orElse("");
      boolean hit = a.answered() && TrainingSet.contains(text, q.expect());
      listener.asked(q.q(), a, true, hit);
      asked.add(
          new Asked(
              a.confidence(),
              hit,
              !text.isEmpty() && within(text, paragraphs.getOrDefault(q.q(), List.of()))));
    }
    double[] absent = new double[absentQuestions.size()];
    for (int i = 0; i < absent.length; i++) {
      Answer a = answerer.answer(absentQuestions.get(i));
      listener.asked(absentQuestions.get(i), a, false, false);
      absent[i] = a.answered() ? a.confidence() : 0;
    }
    return new FoldScore(asked, absent);
  }

  /**
   * Asks each gold question once, telling {@code listener} its answer; a question expecting nothing
   * ("expect": []) is out of scope.
   */
  public static void askGold(Answerer answerer, List<GoldQuestion> questions, Listener listener) {
    for (GoldQuestion q : questions) {
      Answer a = answerer.answer(q.q());
      String text = a.best().map(s -> s.text()).orElse("");
      boolean inScope = !q.expect().isEmpty();
      listener.asked(q.q(), a, inScope, inScope && TrainingSet.contains(text, q.expect()));
    }
  }

  /**
   * One line of what bench/answer-judge reads, tab-separated: set, in scope (1/0), right (1/0),
   * confidence, question, first passage, key sentence; empty when the answer has no passage.
   */
  public static Optional<String> pairLine(
      String set, String question, Answer answer, boolean inScope, boolean right) {
    return answer
        .best()
        .map(
            first ->
                String.join(
                    "\t",
                    set,
                    inScope ? "1" : "0",
                    right ? "1" : "0",
                    Double.toString(answer.confidence()),
                    oneLine(question),
                    oneLine(first.text()),
                    oneLine(first.keySentence())));
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** Both halves together, as one set of questions. */
  public FoldScore plus(FoldScore other) {
    List<Asked> both = new ArrayList<>(answerable);
    both.addAll(other.answerable);
    double[] absentBoth = new double[absent.length + other.absent.length];
    System.arraycopy(absent, 0, absentBoth, 0, absent.length);
    System.arraycopy(other.absent, 0, absentBoth, absent.length, other.absent.length);
    return new FoldScore(both, absentBoth);
  }

  public At at(double threshold) {
    int hits = 0;
    int paragraphsFirst = 0;
    int declined = 0;
    for (Asked a : answerable) {
      boolean answered = a.confidence() >= threshold;
      hits += answered && a.hit() ? 1 : 0;
      paragraphsFirst += a.paragraph() ? 1 : 0;
      declined += answered ? 0 : 1;
    }
    int absentDeclined = 0;
    for (double c : absent) {
      absentDeclined += c < threshold ? 1 : 0;
    }
    return new At(
        threshold,
        share(hits, answerable.size()),
        share(paragraphsFirst, answerable.size()),
        share(absentDeclined, absent.length),
        share(declined, answerable.size()));
  }

  private static boolean within(String passage, List<String> paragraphs) {
    String p = normal(passage);
    return paragraphs.stream().map(FoldScore::normal).anyMatch(par -> par.contains(p));
  }

  private static String normal(String text) {
    return SPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }

  private static double share(int count, int of) {
    return of == 0 ? 0 : (double) count / of;
  }
}
