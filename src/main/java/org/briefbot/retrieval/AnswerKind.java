package org.briefbot.retrieval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of answer a question wants, read from its wording (the expected answer type of the TREC
 * QA track), and whether a sentence states one that the question does not already hold: "When did
 * the ECB cut?" wants a date, and "in June 2024" holds one unless the question said "2024" itself.
 * The ranker weighs these as features; none is a rule.
 */
enum AnswerKind {
  NONE(null, null),
  PERCENT(
      "what (?:percent|percentage|share|proportion|fraction)|how much of|what rate",
      "\\d[\\d.,]*\\s*(?:%|percent\\b|per cent\\b|basis points\\b)"),
  AMOUNT(
      "how much|worth|cost|price|how expensive|value of|valued|budget|revenue|paid|pay",
      "[$€£¥]\\s?\\d|\\b\\d[\\d.,]*\\s*(?:billion|million|trillion|thousand|bn|m\\b|dollars|euros|pounds|yen)"),
  DATE(
      "when|what year|which year|what date|what day|what month|what century|what decade|how long ago|since when|what time|what period|what era",
      "\\b(?:1\\d\\d\\d|20\\d\\d|\\d{1,2}(?:st|nd|rd|th) century|\\d0s|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|q[1-4])\\b"),
  NUMBER(
      "how many|how long|how old|how far|how large|how big|how tall|how high|how deep|how wide|how often|how fast|what number|what size|what age|what length|how heavy",
      "\\b\\d[\\d.,]*\\b|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|half|twice)\\b"),
  PERSON(
      "^who\\b|\\bwho (?:is|was|are|were|did|does|do|has|had|led|won|wrote|founded|created|designed|invented|discovered)|whom|whose|which person|what person|what (?:man|woman|king|queen|emperor|president|leader|author|scientist|player|team|company|organization|organisation|group|band|party|university|network|body|agency|institution|court)|which (?:man|woman|king|queen|emperor|president|leader|author|scientist|player|team|company|organization|organisation|group|band|party|university|network|body|agency|institution|court)|name of",
      "(?<![.!?]\\s)(?<!^)\\b[A-Z][a-z]+(?:\\s+(?:[A-Z][a-z]+|of|de|von|van|the))*"),
  PLACE(
      "where|what (?:country|city|state|region|place|location|area|town|continent|river|island|province|county)|which (?:country|city|state|region|place|location|area|town|continent|river|island|province|county)|in which",
      "\\b(?:in|at|near|from|to|across|throughout|of)\\s+(?:the\\s+)?[A-Z][a-z]+"),
  REASON(
      "why|what caused|what causes|what led|reason|how come|for what purpose|what was the purpose|what is the purpose|what prompted",
      "\\b(?:because|due to|since|as a result|result of|led to|lead to|leads to|caused|causes|so that|in order to|owing to|thanks to|in response to|reason|purpose|to (?:avoid|prevent|protect|ensure|allow|reduce|increase))\\b"),
  DEFINITION(
      "^what (?:is|are|was|were) (?:a|an|the)?\\s*\\w+\\??$|what does .* mean|define|definition|meaning of|what kind of|what type of|what sort of",
      "\\b(?:is|are|was|were) (?:a|an|the|one of)\\b|\\brefers? to\\b|\\bmeans?\\b|\\bknown as\\b|\\bcalled\\b|\\bdefined as\\b|\\btype of\\b|\\bkind of\\b|\\bform of\\b"),
  PREDICTION(
      "\\bwill\\b|\\bwould\\b|\\bcould\\b|\\bmight\\b|going to|what if|likely|expected to|what happens next",
      "\\b(?:will|would|could|might|likely|expects?|expected|anticipated|potentially|poised|set to|plans? to|forecasts?|projected)\\b");

  private static final List<AnswerKind> ASKED = List.of(values()).subList(1, values().length);

  private final Pattern asked;
  private final Pattern stated;

  AnswerKind(String asked, String stated) {
    this.asked = asked == null ? null : Pattern.compile("(?:" + asked + ")");
    // Names are read from the original case; every other kind from lower case.
    this.stated =
        stated == null
            ? null
            : Pattern.compile(stated, name().equals("PERSON") ? 0 : Pattern.CASE_INSENSITIVE);
  }

  /**
   * The kind whose wording comes first in the question: "why did the price fall" asks for a reason,
   * "who paid" for a person, though "price" and "paid" also ask for amounts. Kinds matched at the
   * same place go by declaration order ("how much of" is a percent). A definition or a prediction
   * only when no other kind is asked: "what is the price" wants an amount, "when will it open" a
   * date.
   */
  static AnswerKind wanted(String question) {
    String lower = question.strip().toLowerCase(Locale.ROOT);
    AnswerKind first = NONE;
    int at = Integer.MAX_VALUE;
    for (AnswerKind kind : ASKED) {
      Matcher m = kind.asked.matcher(lower);
      int start = m.find() ? kind.fallbackPosition(m.start()) : Integer.MAX_VALUE;
      if (start < at) {
        first = kind;
        at = start;
      }
    }
    return first;
  }

  /** Where a match counts: a fallback kind's matches count after every other kind's. */
  private int fallbackPosition(int start) {
    return this == DEFINITION || this == PREDICTION ? Integer.MAX_VALUE / 2 + start : start;
  }

  /**
   * Whether {@code sentence} states this kind with words the question lacks: a match made only of
   * words the question already has ("in 1973" asked about "the 1973 oil crisis") is no answer.
   */
  boolean statedIn(String sentence, Set<String> questionWords) {
    if (stated == null) {
      return false;
    }
    Matcher m = stated.matcher(sentence);
    while (m.find()) {
      if (novel(m.group(), questionWords)) {
        return true;
      }
    }
    return false;
  }

  private static boolean novel(String match, Set<String> questionWords) {
    for (String word : match.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty() && !STOP.contains(word) && !questionWords.contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> STOP =
      Set.of("in", "at", "near", "from", "to", "across", "throughout", "of", "the", "a", "an");

  /** The lower-case words of a question, for {@link #statedIn}. */
  static Set<String> words(String question) {
    return Set.of(
        java.util.Arrays.stream(question.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
            .filter(w -> !w.isEmpty())
            .distinct()
            .toArray(String[]::new));
  }

  /** Kinds asked, for tests and diagnostics. */
  static Optional<AnswerKind> of(String question) {
    AnswerKind kind = wanted(question);
    return kind == NONE ? Optional.empty() : Optional.of(kind);
  }
}
