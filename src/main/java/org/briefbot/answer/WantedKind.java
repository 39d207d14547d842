package org.briefbot.answer;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which {@link AnswerKind} a question wants from its first question word ("when", "who", "how
 * much") and, after "what" or "which", the noun it asks about ("what year", "which company", "what
 * was the price of oil"). A question word inside a clause does not count: "What did the Shah do
 * when faced with defeat?" asks for no date. Most "what" questions want no particular kind.
 */
final class WantedKind {
  private static final int FLAGS =
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

  private static final Pattern DEFINE =
      Pattern.compile("\\bdefine\\b|\\bwhat does .* mean\\b|\\bmeaning of\\b", FLAGS);
  private static final Pattern QUESTION_WORD =
      Pattern.compile("\\b(whats|what|which|who|whom|whose|when|where|why|how)\\b", FLAGS);

  /** "whos the boss", as readers type "who's" on a phone ("whats" is read as it is). */
  private static final Pattern WHOS = Pattern.compile("\\bwhos\\b", FLAGS);

  /** "how and when did ...": the second word says more than "how". */
  private static final Pattern AND_QUESTION_WORD =
      Pattern.compile("^(?:and|or)\\s+(what|which|who|when|where|why|how)\\b", FLAGS);

  /** "what is X", "what are trainium chips": present tense, one or two words, no "the". */
  private static final Pattern WHAT_IS =
      Pattern.compile("^(?:is|are) (?:an? )?[\\w'-]+(?: [\\w'-]+)?\\s*\\??$", FLAGS);

  /** What stands between "what" and the noun asked about: "what was the name of the ...". */
  private static final Pattern LEAD_IN =
      Pattern.compile(
          "^(?:(?:is|are|was|were|s|'s) )?(?:the |a |an )?(?:name of (?:the )?|kind of |type of |sort of )?",
          FLAGS);

  private static final Pattern NAME_OF =
      Pattern.compile("^(?:is|was|are|were) (?:the )?names?\\b", FLAGS);

  /**
   * "who runs ...", "who is the boss of ...", "who is acme's ceo" (or "ghanas agriculture
   * minister", as readers type it), in the present tense and right after "who": "who was the game's
   * leading rusher" and "who manages a construction job" ask for someone, not for who is in charge
   * of an organisation.
   */
  private static final String ROLE = "(?:" + AnswerKind.roles() + ")";

  private static final Pattern LEADS =
      Pattern.compile(
          "^(?:(?:runs|leads|heads|chairs|is (?:running|leading|in charge))\\b"
              + "|(?:'s|is|s) (?:the )?(?:current )?"
              + ROLE
              + " (?:of|at)\\b|(?:'s|is|s) [\\w' .&-]+? "
              + ROLE
              + "\\W*$|(?:'s|is|s) in charge\\b)",
          FLAGS);

  private static final String FOUNDING = "(?:co-?)?(?:started|founded|set up|established)";
  private static final String OWNING = "owns|controls|is behind|backs";

  /** "who started ...", "who founded ...", "who owns ...": right after "who". */
  private static final Pattern FOUNDS = Pattern.compile("^" + FOUNDING + "\\b", FLAGS);

  private static final Pattern OWNS = Pattern.compile("^(?:" + OWNING + ")\\b", FLAGS);

  /**
   * The words of a question asking who leads, founded or owns: a role, "runs", "in charge",
   * "started", "owns".
   */
  private static final Pattern LEADING =
      Pattern.compile(
          "\\b(?:"
              + AnswerKind.roles()
              + "|runs|leads|heads|chairs|running|leading|in charge|current|"
              + FOUNDING
              + "|"
              + OWNING
              + ")\\b",
          FLAGS);

  private static final Pattern MONEY_WORD =
      Pattern.compile(
          "\\b(?:cost|costs|pay|paid|spend|spent|worth|earn|earned|earns|raise|raised|invest|invested"
              + "|charge|charged|sell|sold|buy|bought|fund|funded|funding|money|price|fee|fine|fined"
              + "|budget|revenue|salary|dollars|euros|pounds|loan|loans|debt|value|valued|owe|owed)\\b",
          FLAGS);
  private static final Pattern PERCENT_WORD =
      Pattern.compile("\\b(?:percent|percentage|rate|share|proportion)\\b", FLAGS);
  private static final Pattern LONG = Pattern.compile("^long\\b", FLAGS);
  private static final Pattern OLD = Pattern.compile("^old\\b", FLAGS);
  private static final Pattern MUCH = Pattern.compile("^much\\b", FLAGS);
  private static final Pattern MANY = Pattern.compile("^many\\b", FLAGS);

  /** "how much of the population ...": a share of a whole, given as a percent or a fraction. */
  private static final Pattern MUCH_OF = Pattern.compile("^much of\\b", FLAGS);

  private static final Pattern MANY_OF_MONEY =
      Pattern.compile("^many (?:dollars|euros|pounds)\\b", FLAGS);
  private static final String MEASURES =
      "big|large|old|far|tall|high|fast|heavy|deep|wide|often|small|long";
  private static final Pattern MEASURE = Pattern.compile("^(?:" + MEASURES + ")\\b", FLAGS);
  private static final Pattern HOW_MEASURE =
      Pattern.compile("\\bhow\\s+(?:" + MEASURES + ")\\b", FLAGS);

  /** The nouns after "what" or "which" that name a kind, in the order they are tried. */
  private static final Map<AnswerKind, Pattern> NOUNS = nouns();

  private WantedKind() {}

  /** The kind {@code question} wants, if its wording says. */
  static Optional<AnswerKind> of(String question) {
    String text = WHOS.matcher(question.strip().toLowerCase(Locale.ROOT)).replaceAll("who's");
    if (DEFINE.matcher(text).find()) {
      return Optional.of(AnswerKind.DEFINITION);
    }
    Matcher m = QUESTION_WORD.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    String word = m.group(1);
    String rest = text.substring(m.end()).strip();
    Matcher and = AND_QUESTION_WORD.matcher(rest);
    if (word.equals("how") && and.find()) {
      word = and.group(1);
      rest = rest.substring(and.end()).strip();
    }
    return switch (word) {
      case "why" -> Optional.of(AnswerKind.REASON);
      case "when" -> Optional.of(AnswerKind.DATE);
      case "where" -> Optional.of(AnswerKind.PLACE);
      case "who", "whom", "whose" -> Optional.of(afterWho(rest));
      case "how" -> afterHow(rest);
      default -> afterWhat(rest, !word.equals("which"));
    };
  }

  /**
   * The question without the words that ask who leads, founded or owns: what is left names what is
   * led.
   */
  static String withoutLeading(String question) {
    return LEADING.matcher(WHOS.matcher(question).replaceAll("who's")).replaceAll(" ");
  }

  /**
   * The question without the measure its "how" asks ("how old is ...", "how big ..."): the form of
   * the question, where its other words name what is measured.
   */
  static String withoutMeasure(String question) {
    return HOW_MEASURE.matcher(question).replaceAll("how");
  }

  private static AnswerKind afterWho(String rest) {
    if (LEADS.matcher(rest).find()) {
      return AnswerKind.LEADER;
    }
    if (FOUNDS.matcher(rest).find()) {
      return AnswerKind.FOUNDER;
    }
    return OWNS.matcher(rest).find() ? AnswerKind.OWNER : AnswerKind.PERSON;
  }

  private static Optional<AnswerKind> afterHow(String rest) {
    if (rest.startsWith("long ago")) {
      return Optional.of(AnswerKind.DATE);
    }
    if (OLD.matcher(rest).find()) {
      return Optional.of(AnswerKind.AGE);
    }
    if (LONG.matcher(rest).find()) {
      return Optional.of(AnswerKind.DURATION);
    }
    if (MUCH.matcher(rest).find()) {
      return Optional.of(
          PERCENT_WORD.matcher(rest).find() || MUCH_OF.matcher(rest).find()
              ? AnswerKind.PERCENT
              : MONEY_WORD.matcher(rest).find() ? AnswerKind.AMOUNT : AnswerKind.NUMBER);
    }
    if (MANY.matcher(rest).find()) {
      return Optional.of(
          MANY_OF_MONEY.matcher(rest).find() ? AnswerKind.AMOUNT : AnswerKind.NUMBER);
    }
    // "how did they ..." asks for a manner, which has no pattern.
    return MEASURE.matcher(rest).find() ? Optional.of(AnswerKind.NUMBER) : Optional.empty();
  }

  private static Optional<AnswerKind> afterWhat(String rest, boolean what) {
    if (what && WHAT_IS.matcher(rest).matches()) {
      return Optional.of(AnswerKind.DEFINITION);
    }
    String noun = LEAD_IN.matcher(rest).replaceFirst("");
    for (Map.Entry<AnswerKind, Pattern> kind : NOUNS.entrySet()) {
      if (kind.getValue().matcher(noun).find()) {
        return Optional.of(kind.getKey());
      }
    }
    return NAME_OF.matcher(rest).find() ? Optional.of(AnswerKind.NAME) : Optional.empty();
  }

  private static Map<AnswerKind, Pattern> nouns() {
    Map<AnswerKind, Pattern> nouns = new LinkedHashMap<>();
    nouns.put(
        AnswerKind.DATE,
        noun("year|years|date|month|day|century|decade|time|period|era|season|week"));
    // "share" of what: a share price is an amount.
    nouns.put(
        AnswerKind.PERCENT, noun("percent|percentage|share(?! price)|proportion|fraction|rate"));
    nouns.put(
        AnswerKind.AMOUNT,
        noun(
            "price|prices|share price|stock price|cost|costs|amount of money|sum|fee|fees|salary"
                + "|salaries|budget|revenue"
                + "|value|fine|profit|profits|income|earnings|worth|wage|wages"));
    nouns.put(
        AnswerKind.NUMBER,
        noun(
            "number|amount|size|population|age|height|length|distance|speed|temperature|total|score|quantity"));
    nouns.put(
        AnswerKind.PLACE,
        noun(
            "country|countries|city|cities|state|town|region|place|continent|county|island|river|area"
                + "|location|nation|province|port|street|building|neighborhood|neighbourhood|district"
                + "|village|capital"));
    nouns.put(
        AnswerKind.PERSON,
        noun(
            "person|people|man|woman|men|women|king|queen|emperor|president|leader|chief|general"
                + "|scientist|author|writer|composer|actor|player|coach|son|daughter|brother|sister"
                + "|father|mother|wife|husband|official|minister|bishop|pope|ruler|descendant"
                + "|individual|artist|architect|engineer|inventor|founder|ceo|chairman|commissioner"
                + "|governor|mayor|explorer|philosopher|theologian|poet|producer|director|editor"
                + "|doctor|reformer|prince|princess|khan|commander|officer|judge|professor|student"
                + "|member"));
    nouns.put(
        AnswerKind.ORGANISATION,
        noun(
            "company|companies|organisation|organization|group|team|network|firm|party|agency|body"
                + "|institution|university|college|school|bank|union|court|government|station|channel"
                + "|league|club|church|army|tribe|newspaper|department|committee|council|studio"
                + "|broadcaster|affiliate|affiliates|dynasty|empire|publisher|magazine"));
    return nouns;
  }

  /** The noun, after at most two words ("what new deposit rate", "what is acme's share price"). */
  private static Pattern noun(String nouns) {
    return Pattern.compile("^(?:[\\w'’]+\\s+){0,2}?(?:" + nouns + ")\\b", FLAGS);
  }
}
