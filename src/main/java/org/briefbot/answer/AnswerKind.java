package org.briefbot.answer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kind of fact a question asks for ("how much ..." an amount, "when ..." a date, "who ..." a
 * person) and whether a sentence holds one that the question does not already name. Answer-type
 * checking is as old as the TREC QA track; here it only decides which sentence of a chosen passage
 * is emphasised, never which passage is chosen. {@link WantedKind} reads the question.
 */
enum AnswerKind {
  /** Money: "$138 billion", "€1,500", "45 million dollars". */
  AMOUNT(Cue.STRONG, Patterns.AMOUNT),
  /** A count or measure; years do not count ("how many ships?" is not answered by "in 2016"). */
  NUMBER(Cue.STRONG, Patterns.NUMBER),
  PERCENT(Cue.STRONG, Patterns.PERCENT),
  /** A year, month, day, quarter or century. */
  DATE(Cue.STRONG, Patterns.DATE),
  /** "how long": a number of days, weeks, months or years. */
  DURATION(Cue.STRONG, Patterns.DURATION),
  /**
   * "how old": someone's age ("51-year-old", "aged 51", "Rosselot, 51,") or when something began
   * ("founded in 1911", "dating to 1338").
   */
  AGE(Cue.STRONG, Patterns.AGE),
  PERSON(Cue.WEAK, null),
  /**
   * "who runs ...", "who is the boss of ...": a sentence naming someone in a role, which names are
   * not enough for (an entity note names its founders, owners and home town in the sentence
   * before).
   */
  LEADER(Cue.DECISIVE, Patterns.ROLE),
  /**
   * "who started ...", "who founded ...": a sentence naming who founded it ("founded in 2018 by
   * ...", "founder Mattias Grell", "Grell founded ..."), which a founding year is not.
   */
  FOUNDER(Cue.DECISIVE, Patterns.FOUNDED),
  /**
   * "who owns ...", "who controls ...": a sentence naming an owner ("owned by ...", "... holds
   * 60%", "a subsidiary of ..."), which the owned thing's own description is not.
   */
  OWNER(Cue.DECISIVE, Patterns.OWNED),
  ORGANISATION(Cue.WEAK, null),
  PLACE(Cue.WEAK, null),
  /** "what is the name of ...": any proper name. */
  NAME(Cue.WEAK, null),
  /** "what is X": a sentence saying what something is, is called, or means. */
  DEFINITION(Cue.WEAK, Patterns.DEFINITION),
  /** "why": a sentence giving a cause or a purpose. */
  REASON(Cue.WEAK, Patterns.REASON);

  /**
   * How far holding the wanted kind lifts a sentence, against its cosine with the question (about
   * 0.2-0.8) and its share of the question's words (0-0.3). Numbers, dates and amounts are read
   * reliably by a pattern and rarely sit in a sentence by chance; names, causes and definitions are
   * in most sentences of a news article, so they only break near-ties. Fitted on the tuning split
   * (docs/retrieval.md, "Key sentences"). Someone named in a role decides a "who runs ..."
   * question, however close in meaning the sentence naming the company is (docs/retrieval.md,
   * "Cut-off entity notes and who leads").
   */
  private enum Cue {
    DECISIVE(1.0),
    STRONG(0.3),
    WEAK(0.05);

    private final double lift;

    Cue(double lift) {
      this.lift = lift;
    }
  }

  /** Before "in", "at", "from" ...: "diverted to Antwerp", "based in Bergen". */
  private static final Pattern PLACE_PREPOSITION =
      Pattern.compile(
          "\\b(?:in|at|from|near|to|into|across|outside|inside)\\s+(?:the\\s+)?\\p{Lu}");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** A word, without a possessive "'s": "kallberg's" is "kallberg". */
  private static final Pattern WORD =
      Pattern.compile("\\p{L}[\\p{L}\\p{N}]*(?=['’]s\\b)|\\p{L}[\\p{L}\\p{N}'’-]*");

  /**
   * An age question's own words and the pronouns that stand for what it asks about: what is left
   * names it.
   */
  private static final Set<String> AGE_QUESTION_WORDS =
      Set.of(
          "how old is was are were the a an now today currently he she it they him her them this that these those"
              .split(" "));

  /** A sentence opening with a pronoun names what it is about in the sentence before it. */
  private static final Pattern OPENS_WITH_PRONOUN =
      Pattern.compile(
          "^(?:it|its|he|his|she|her|they|their|this|that)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern QUESTION_WORD = Pattern.compile("[\\w$€£%.,-]+", Patterns.FLAGS);

  private final Cue cue;
  private final Pattern stated;

  AnswerKind(Cue cue, Pattern stated) {
    this.cue = cue;
    this.stated = stated;
  }

  /** The roles a leader holds, as a pattern's alternatives: "chief executive|ceo|...". */
  static String roles() {
    return Patterns.ROLES;
  }

  /** Whether this kind asks who: someone in a role, who founded something or who owns it. */
  boolean isSomeoneInRole() {
    return this == LEADER || this == FOUNDER || this == OWNER;
  }

  /**
   * Whether this kind is a value a pattern reads reliably: an amount, number, percent, date or
   * duration.
   */
  boolean isValue() {
    return cue == Cue.STRONG;
  }

  /**
   * Whether this kind is a quantity (an amount, number or percent), which is always a quantity of
   * something the question names: "how much profit", "how many staff", "what share".
   */
  boolean isQuantity() {
    return this == AMOUNT || this == NUMBER || this == PERCENT;
  }

  /**
   * What holding this kind adds to a sentence of an entity note or of another passage. A note
   * describes its entity sentence by sentence, and its opening one, which names the entity, is
   * closest in words and meaning to any question about it: for a value ("how many subscribers does
   * streamvale have") or a place ("where is the fda based"), the sentence holding one answers, as
   * someone named in a role does for "who runs ...".
   */
  double lift(boolean entityNote) {
    return entityNote && (isValue() || this == PLACE) ? Cue.DECISIVE.lift : cue.lift;
  }

  /**
   * Whether {@code sentence} holds an answer of this kind that {@code question} does not already
   * hold: "When did the 1973 crisis begin?" is not answered by another mention of 1973.
   */
  boolean heldBy(String sentence, String question) {
    return switch (this) {
      case PERSON, ORGANISATION, NAME -> !ProperNames.newIn(sentence, question).isEmpty();
      case LEADER, FOUNDER, OWNER ->
          stated.matcher(sentence).find() && !ProperNames.newIn(sentence, question).isEmpty();
      case PLACE ->
          !ProperNames.newIn(sentence, question).isEmpty()
              && PLACE_PREPOSITION.matcher(sentence).find();
      // A definition or a cause is worded with the question's own verbs ("what are ..." is answered
      // by "... are ..."), and an age with its words ("how old was she" by "she was 26 years old"):
      // only values must be new.
      case DEFINITION, REASON -> stated.matcher(sentence).find();
      case AGE -> stated.matcher(sentence).find() && namesWhatIsAsked(sentence, question);
      default -> stated.matcher(withoutQuestionWords(sentence, question)).find();
    };
  }

  /**
   * Whether {@code sentence} can answer a question wanting this kind: it holds one, or, for an
   * amount, a percent, since a sum that changed is often given as its change ("advertising revenue
   * rose almost 500%").
   */
  boolean answeredBy(String sentence, String question) {
    return heldBy(sentence, question) || (this == AMOUNT && PERCENT.heldBy(sentence, question));
  }

  /**
   * Whether the sentence names what an age question asks about, or points back to it with a
   * pronoun: in a note on a coffee company, "founded in 1996" is the company's age, not that of the
   * chief executive the note names later ("how old is daniel okafor").
   */
  private static boolean namesWhatIsAsked(String sentence, String question) {
    Set<String> asked = subjectWords(question);
    if (asked.isEmpty() || OPENS_WITH_PRONOUN.matcher(sentence).find()) {
      return true;
    }
    return WORD.matcher(sentence.toLowerCase(Locale.ROOT))
        .results()
        .anyMatch(m -> asked.contains(m.group()));
  }

  /** The words of an age question that name what it asks about: "how old is kallberg stål". */
  private static Set<String> subjectWords(String question) {
    return WORD.matcher(question.toLowerCase(Locale.ROOT))
        .results()
        .map(MatchResult::group)
        .filter(w -> !AGE_QUESTION_WORDS.contains(w))
        .collect(Collectors.toSet());
  }

  /** The sentence without the words the question has, so what was asked about is not an answer. */
  private static String withoutQuestionWords(String sentence, String question) {
    Set<String> asked =
        QUESTION_WORD
            .matcher(question)
            .results()
            .map(m -> m.group().toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return WHITESPACE
        .splitAsStream(sentence)
        .filter(w -> !asked.contains(strip(w.toLowerCase(Locale.ROOT))))
        .collect(Collectors.joining(" "));
  }

  /** A word without the punctuation around it: "2016," is "2016". */
  private static String strip(String word) {
    int start = 0;
    int end = word.length();
    while (start < end && ".,;:()".indexOf(word.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && ".,;:()".indexOf(word.charAt(end - 1)) >= 0) {
      end--;
    }
    return word.substring(start, end);
  }

  /** The sentence patterns, apart so the enum constants can refer to them. */
  private static final class Patterns {
    static final int FLAGS =
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    static final String NUMBER_WORDS =
        "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
            + "|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty"
            + "|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands"
            + "|millions|half|double|twice|triple|single|first|second|third|fourth|fifth|sixth"
            + "|seventh|eighth|ninth|tenth";

    // "May" is the month after a preposition or next to a day ("in May", "May 30", "on 14 May"),
    // the verb otherwise ("Amazon may announce").
    static final String MONTHS =
        "january|february|march|april|june|july|august|september|october|november|december"
            + "|(?<=in |of |by |since |until |\\d )may|may(?= \\d)";

    // Currencies beyond the dollar and the euro: "GH¢62,400", "₦45,000", "KSh 4,900", "130,000
    // dong", "Rp 15 trillion".
    static final Pattern AMOUNT =
        Pattern.compile(
            "[$€£¥₦₹₩₫₱₺₽₪₴¢]\\s?\\d"
                + "|\\b(?:usd|eur|gbp|jpy|cny|rmb|chf|sek|nok|dkk|pln|inr|rs|kes|ksh|ngn|ghs|zar|brl"
                + "|mxn|idr|rp|vnd|hkd|sgd|aud|cad|nzd|aed|sar)\\.?\\s?\\d"
                + "|\\b\\d[\\d,.]*\\s*(?:dollars|euros|pounds|yen|yuan|renminbi|kroner|kronor|krona|krone"
                + "|francs|marks|rubles|roubles|rupees|rupiah|naira|cedis|shillings|rand|reais|pesos"
                + "|dong|baht|ringgit|lira|zloty|dirhams|riyals|cents|pence)\\b"
                + "|\\b\\d[\\d,.]*\\s*(?:billion|million|trillion|bn)\\b",
            FLAGS);

    static final Pattern NUMBER =
        Pattern.compile(
            "\\b(?!(?:1\\d{3}|20\\d\\d)\\b)\\d[\\d,.]*\\b|\\b(?:" + NUMBER_WORDS + ")\\b", FLAGS);

    static final Pattern PERCENT =
        Pattern.compile(
            "\\d\\s*(?:%|percent\\b|per cent\\b|percentage points?\\b|basis points?\\b)"
                + "|\\b(?:"
                + NUMBER_WORDS
                + ") percent\\b|\\bhalf\\b|\\bquarter of\\b|\\bthird of\\b"
                + "|\\b(?:a|one|two|three|four|five|seven|nine)[\\s-](?:thirds?|quarters?|fifths?|eighths?|tenths?)\\b",
            FLAGS);

    static final Pattern DATE =
        Pattern.compile(
            "\\b(?:1\\d{3}|20\\d\\d)s?\\b|\\b(?:"
                + MONTHS
                + ")\\b|\\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b"
                + "|\\b\\d{1,2}(?:st|nd|rd|th) century\\b|\\bq[1-4]\\b|\\b(?:today|yesterday|tomorrow)\\b"
                + "|\\b(?:last|next|this|each) (?:year|month|week|spring|summer|autumn|fall|winter|season)\\b"
                + "|\\b(?:spring|summer|autumn|winter) of\\b",
            FLAGS);

    static final Pattern DURATION =
        Pattern.compile(
            "\\b(?:\\d[\\d,.]*|"
                + NUMBER_WORDS
                + "|a few|several|many)(?:\\s*[-–]\\s*\\d+)?[\\s-]*"
                + "(?:days?|weeks?|months?|years?|hours?|minutes?|seconds?|decades?|centuries|seasons?)\\b",
            FLAGS);

    static final Pattern FOUNDED =
        Pattern.compile(
            "\\b(?:(?:co-?)?found(?:ed|ing)|established|set up|started)\\b[^.;]{0,80}?\\bby\\b"
                + "|\\b(?:co-?)?founders?\\b"
                + "|\\b(?:co-?)?founded\\b(?!\\s+(?:in|on|as|at)\\b)"
                + "|\\b(?:created|launched) by\\b",
            FLAGS);

    static final Pattern OWNED =
        Pattern.compile(
            "\\b(?:owned|owns|owner|owners|ownership|controlled|controls|controlling)\\b"
                + "|\\bhold(?:s|ing)?\\b[^.;]{0,30}?(?:\\d\\s?%|\\bper ?cent\\b|\\bstake\\b|\\bshares\\b)"
                + "|\\b(?:stake|subsidiary|shareholders?)\\b|\\bbacked by\\b",
            FLAGS);

    static final Pattern AGE =
        Pattern.compile(
            "\\b\\d{1,3}[\\s-]years?[\\s-]old\\b|\\b(?:aged?|age of) \\d{1,3}\\b"
                + "|\\bwho (?:is|was|turns|turned) \\d{1,3}\\b|, \\d{1,3},"
                + "|\\b(?:born|founded|established|formed|built|opened|set up|dat(?:es|ed|ing) (?:back|from|to))\\b",
            FLAGS);

    static final String ROLES =
        "chief executive|ceo|president|chair|chairman|chairwoman|chairperson|head|leader"
            + "|managing director|director general|director-general|general secretary"
            + "|secretary general|secretary-general|mayor|governor|prime minister|premier|boss"
            + "|minister|commissioner|chancellor";

    static final Pattern ROLE =
        Pattern.compile("\\b(?:" + ROLES + ")\\b|\\b(?:run|led|headed|chaired) by\\b", FLAGS);

    static final Pattern DEFINITION =
        Pattern.compile(
            "\\b(?:is|are|was|were) (?:an?|the|\\w+'s)\\b|\\brefers? to\\b|\\bmeans?\\b|\\bknown as\\b"
                + "|\\bdefined as\\b|\\bcalled\\b",
            FLAGS);

    static final Pattern REASON =
        Pattern.compile(
            "\\bbecause\\b|\\bdue to\\b|\\bowing to\\b|\\bas a result\\b|\\bin order to\\b|\\bso that\\b"
                + "|\\bsince\\b|\\bafter\\b|\\bled to\\b|\\bcaused?\\b|\\bdriven by\\b|\\breasons?\\b"
                + "|\\bto (?:avoid|prevent|protect|reduce|ensure|fight|counter|secure|raise|stop|keep|help|allow|make)\\b"
                + "|\\bthanks to\\b|\\bamid\\b|\\bfor fear\\b|\\bthus\\b|\\btherefore\\b|\\bhence\\b",
            FLAGS);

    private Patterns() {}
  }
}
