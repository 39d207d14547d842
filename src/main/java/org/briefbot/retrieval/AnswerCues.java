package org.briefbot.retrieval;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.briefbot.index.Candidate;

/**
 * What kind of statement a question asks for, read from its wording: a prediction ("will amazon
 * make more trainium chips?" is answered by "Amazon will likely accelerate production of Trainium
 * chips", not by what the chips are), a time ("when ...?") or an amount ("how much ...?"). The
 * embedding model matches topics, not these; question-answering systems have checked the expected
 * answer type since the TREC QA track. Most questions ask for none of them.
 */
final class AnswerCues {
  enum Kind {
    PREDICTION,
    TIME,
    AMOUNT
  }

  private record Cue(Kind kind, Pattern asked, Pattern stated) {}

  // "May" is the month after a preposition or before a day ("in May", "May 30") and the verb
  // otherwise ("Amazon may announce").
  private static final String MAY_MONTH = "(?<=in |of |by |since |until )may|may(?= \\d)";
  private static final String MAY_VERB = "(?<!in |of |by |since |until )may(?! \\d)";
  private static final String MONTH =
      "january|february|march|april|june|july|august|september|october|november|december|"
          + MAY_MONTH;
  private static final String UNIT = "days?|weeks?|months?|quarters?|years?";

  private static final List<Cue> CUES =
      List.of(
          new Cue(
              Kind.PREDICTION,
              words("will|would|could|might|going to|what if|likely|expected to|next"),
              words(
                  "will|would|could|might|"
                      + MAY_VERB
                      + "|likely|expects?|expected|anticipated|potentially|poised|set to|plans? to")),
          new Cue(
              Kind.TIME,
              words("when|what year|which year|what date|how soon|how long|by when"),
              Pattern.compile(
                  "\\b(?:(?:19|20)\\d\\d|q[1-4]|"
                      + MONTH
                      + ")\\b|\\b\\d+(?:\\s*[-–]\\s*\\d+)?\\s*(?:"
                      + UNIT
                      + ")\\b")),
          new Cue(
              Kind.AMOUNT,
              words("how much|how many|how big|how large|worth|value|valued|size|cost|price"),
              Pattern.compile(
                  "[$€£]\\s?\\d|\\b\\d[\\d.,]*\\s*(?:%|(?:percent|billion|million|trillion|thousand|bn)\\b)")));

  /** A question mark, or a first word that opens a question. */
  private static final Pattern QUESTION =
      Pattern.compile(
          "\\?$|^(?:will|would|could|might|can|should|shall|may|is|are|was|were|do|does|did|has|have|had"
              + "|how|when|what|whats|what's|which|who|whom|whose|where|why)\\b");

  private static final AnswerCues NONE = new AnswerCues(Set.of());

  private final Set<Kind> asked;

  private AnswerCues(Set<Kind> asked) {
    this.asked = asked;
  }

  /**
   * The kinds of answer {@code question} asks for; none when it is a statement, not a question
   * ("Women with a higher birth weight are more likely to develop breast cancer" asks for no
   * prediction, and SciFact's claims are all statements).
   */
  static AnswerCues of(String question) {
    if (!QUESTION.matcher(question.strip().toLowerCase(Locale.ROOT)).find()) {
      return NONE;
    }
    Set<Kind> kinds = kinds(question, true);
    return kinds.isEmpty() ? NONE : new AnswerCues(kinds);
  }

  boolean isEmpty() {
    return asked.isEmpty();
  }

  Set<Kind> asked() {
    return asked;
  }

  /** The kinds {@code sentence} states. */
  static Set<Kind> stated(String sentence) {
    return kinds(sentence, false);
  }

  /**
   * How much a candidate gains in fusion: its sentence term is recomputed with each sentence's
   * cosine lifted by {@code weight / sentenceWeight} per asked kind it states, so a sentence that
   * is a little further from the question but states the asked kind can become the one the passage
   * is ranked by. 0 when no sentence states an asked kind.
   */
  double lift(Candidate candidate, double weight, double sentenceWeight) {
    List<String> sentences = candidate.passage().sentences();
    double[] cosines = candidate.sentenceSimilarities();
    if (cosines.length == 0 || cosines.length != sentences.size()) {
      return weight * agreement(candidate.passage().text());
    }
    double best = Double.NEGATIVE_INFINITY;
    double plain = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < cosines.length; i++) {
      best = Math.max(best, sentenceWeight * cosines[i] + weight * agreement(sentences.get(i)));
      plain = Math.max(plain, sentenceWeight * cosines[i]);
    }
    return best - plain;
  }

  private int agreement(String sentence) {
    Set<Kind> stated = stated(sentence);
    return (int) asked.stream().filter(stated::contains).count();
  }

  private static Set<Kind> kinds(String text, boolean question) {
    String lower = text.toLowerCase(Locale.ROOT);
    EnumSet<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (Cue cue : CUES) {
      if ((question ? cue.asked() : cue.stated()).matcher(lower).find()) {
        kinds.add(cue.kind());
      }
    }
    return kinds;
  }

  private static Pattern words(String alternatives) {
    return Pattern.compile("\\b(?:" + alternatives + ")\\b");
  }
}
