package org.briefbot.answer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the key-sentence model reads about each sentence of an answer's passage: the hand-set rule's
 * signals and its score, and how the question's words fall in this passage. In a long paragraph the
 * words that single out the answering sentence are those rare within the passage, not within the
 * archive: "Dioscorides" is in every sentence of a paragraph about him, "Latin" in the one that
 * answers "what is the name of the Latin translation". Names are in docs/retrieval.md's order.
 */
final class SentenceFeatures {
  static final List<String> NAMES =
      List.of(
          "cosine",
          "cosine_gap",
          "words",
          "words_gap",
          "wants_kind",
          "wants_value",
          "holds_kind",
          "holds_value",
          "points_back",
          "refers_back",
          "words_before",
          "words_after",
          "next_refers_back",
          "first",
          "position",
          "length",
          "rule_score",
          "rule_choice",
          "entity_note",
          "sentences",
          "kind_lift",
          "passage_rare_words",
          "only_here",
          "bigrams",
          "share",
          "passage_rare_words_gap",
          "only_here_gap",
          "density",
          "new_names",
          "digits",
          "digits_asked",
          "names_asked");

  static final int COLUMNS = NAMES.size();

  private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{Ll}+");

  private static final Pattern DIGIT = Pattern.compile("\\d");

  /**
   * Question openings whose answer is usually written with digits ("when", "how many") or a name
   * ("who", "where", "which"), tried in this order.
   */
  private static final List<String> OPENINGS =
      List.of("who", "when", "where", "how many", "how much", "what year", "why", "which", "what");

  private static final Set<String> ASK_DIGITS = Set.of("when", "how many", "how much", "what year");
  private static final Set<String> ASK_NAMES = Set.of("who", "where", "which");

  /**
   * One sentence as the rule sees it.
   *
   * @param terms the sentence's analysed terms, in order
   * @param words the idf-weighted share of the question's terms it has
   * @param before the question's words in the sentence it follows on from
   * @param holds whether it holds the kind of answer wanted
   * @param ruleScore the hand-set rule's score
   */
  record Sentence(
      String text,
      List<String> terms,
      double cosine,
      double words,
      double before,
      boolean pointsBack,
      boolean refersBack,
      boolean holds,
      double ruleScore) {}

  private SentenceFeatures() {}

  /**
   * The rows, one per sentence, {@link #COLUMNS} values each.
   *
   * @param question the question's analysed terms, in order
   * @param questionText the words asked, for the opening and the names it already has
   * @param ruleChoice the sentence the rule picks
   */
  static float[] rows(
      List<Sentence> sentences,
      List<String> question,
      String questionText,
      Optional<AnswerKind> wanted,
      double kindLift,
      boolean entityNote,
      int ruleChoice) {
    Asked asked = Asked.of(question, questionText, wanted);
    Rarity rarity = Rarity.of(sentences, asked.terms());
    Read read = new Read(sentences, kindLift, entityNote, ruleChoice);
    double[][] values = new double[sentences.size()][];
    for (int i = 0; i < values.length; i++) {
      values[i] = row(i, read, asked, rarity);
    }
    gaps(values, NAMES.indexOf("cosine"), NAMES.indexOf("cosine_gap"));
    gaps(values, NAMES.indexOf("words"), NAMES.indexOf("words_gap"));
    gaps(values, NAMES.indexOf("passage_rare_words"), NAMES.indexOf("passage_rare_words_gap"));
    gaps(values, NAMES.indexOf("only_here"), NAMES.indexOf("only_here_gap"));
    float[] rows = new float[values.length * COLUMNS];
    for (int i = 0; i < values.length; i++) {
      for (int j = 0; j < COLUMNS; j++) {
        rows[i * COLUMNS + j] = (float) values[i][j];
      }
    }
    return rows;
  }

  /** What the question brings to every sentence's row. */
  private record Asked(
      List<String> order,
      Set<String> terms,
      String opening,
      Set<String> names,
      Optional<AnswerKind> wanted) {
    static Asked of(List<String> question, String text, Optional<AnswerKind> wanted) {
      return new Asked(
          question,
          new HashSet<>(question),
          SentenceFeatures.opening(text),
          SentenceFeatures.names(text),
          wanted);
    }
  }

  /** The passage as a whole: its sentences and what the rule made of them. */
  private record Read(
      List<Sentence> sentences, double kindLift, boolean entityNote, int ruleChoice) {}

  /**
   * How rare each question term is among the passage's sentences: log((n + 1) / (sentences with it
   * + 0.5)).
   *
   * @param inSentences per question term, how many sentences have it
   */
  private record Rarity(Map<String, Integer> inSentences, Map<String, Double> of, double total) {
    static Rarity of(List<Sentence> sentences, Set<String> asked) {
      Map<String, Integer> inSentences = new HashMap<>();
      for (Sentence s : sentences) {
        for (String term : new HashSet<>(s.terms())) {
          if (asked.contains(term)) {
            inSentences.merge(term, 1, Integer::sum);
          }
        }
      }
      int n = sentences.size();
      Map<String, Double> of = new HashMap<>();
      for (String term : asked) {
        of.put(term, Math.log((n + 1.0) / (inSentences.getOrDefault(term, 0) + 0.5)));
      }
      return new Rarity(
          inSentences, of, of.values().stream().mapToDouble(Double::doubleValue).sum());
    }
  }

  /** Sentence {@code i}'s values in {@link #NAMES}' order, the gaps still 0. */
  private static double[] row(int i, Read passage, Asked asked, Rarity rarity) {
    List<Sentence> sentences = passage.sentences();
    int n = sentences.size();
    Sentence s = sentences.get(i);
    Set<String> has = new HashSet<>(s.terms());
    double rare = 0;
    int onlyHere = 0;
    int shared = 0;
    for (String term : asked.terms()) {
      if (has.contains(term)) {
        rare += rarity.of().get(term);
        onlyHere += rarity.inSentences().get(term) == 1 ? 1 : 0;
        shared++;
      }
    }
    Optional<AnswerKind> wanted = asked.wanted();
    boolean digits = DIGIT.matcher(s.text()).find();
    double newNames = Math.log1p(newNames(s.text(), asked.names()));
    Sentence next = i + 1 < n ? sentences.get(i + 1) : null;
    return new double[] {
      s.cosine(),
      0,
      s.words(),
      0,
      flag(wanted.isPresent()),
      flag(wanted.map(AnswerKind::isValue).orElse(false)),
      flag(s.holds()),
      flag(s.holds() && wanted.get().isValue()),
      flag(s.pointsBack()),
      flag(s.refersBack()),
      s.before(),
      next == null ? 0 : next.words(),
      flag(next != null && (next.refersBack() || next.pointsBack())),
      flag(i == 0),
      n == 1 ? 0 : (double) i / (n - 1),
      Math.log1p(s.terms().size()),
      s.ruleScore(),
      flag(i == passage.ruleChoice()),
      flag(passage.entityNote()),
      Math.log(n),
      passage.kindLift(),
      rarity.total() == 0 ? 0 : rare / rarity.total(),
      onlyHere,
      bigrams(asked.order(), s.terms()),
      asked.terms().isEmpty() ? 0 : (double) shared / asked.terms().size(),
      0,
      0,
      density(asked.terms(), s.terms()),
      newNames,
      flag(digits),
      flag(digits && ASK_DIGITS.contains(asked.opening())),
      ASK_NAMES.contains(asked.opening()) ? newNames : 0
    };
  }

  private static double flag(boolean b) {
    return b ? 1 : 0;
  }

  /** Column {@code gap} is column {@code of} less its largest value in the passage. */
  private static void gaps(double[][] values, int of, int gap) {
    double max = Double.NEGATIVE_INFINITY;
    for (double[] v : values) {
      max = Math.max(max, v[of]);
    }
    for (double[] v : values) {
      v[gap] = v[of] - max;
    }
  }

  /** The first of {@link #OPENINGS} the question opens with, or names early on; "" for none. */
  private static String opening(String question) {
    String lower = question.toLowerCase(Locale.ROOT).strip();
    String start = " " + lower.substring(0, Math.min(lower.length(), 25)) + " ";
    for (String word : OPENINGS) {
      if (lower.startsWith(word) || start.contains(" " + word + " ")) {
        return word;
      }
    }
    return "";
  }

  private static Set<String> names(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = CAPITALISED.matcher(text);
    while (m.find()) {
      names.add(m.group().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /** Capitalised words after the sentence's first letter that the question does not have. */
  private static int newNames(String sentence, Set<String> asked) {
    int count = 0;
    Matcher m = CAPITALISED.matcher(sentence);
    while (m.find()) {
      if (m.start() > 0 && !asked.contains(m.group().toLowerCase(Locale.ROOT))) {
        count++;
      }
    }
    return count;
  }

  /** Pairs of the question's neighbouring terms that are neighbours in the sentence too. */
  private static int bigrams(List<String> question, List<String> sentence) {
    Set<String> pairs = new HashSet<>();
    for (int i = 0; i + 1 < sentence.size(); i++) {
      pairs.add(sentence.get(i) + ' ' + sentence.get(i + 1));
    }
    Set<String> found = new HashSet<>();
    for (int i = 0; i + 1 < question.size(); i++) {
      String pair = question.get(i) + ' ' + question.get(i + 1);
      if (pairs.contains(pair)) {
        found.add(pair);
      }
    }
    return found.size();
  }

  /**
   * Distinct question terms in the sentence over the span they cover: 1 when they stand together, 0
   * with fewer than two.
   */
  private static double density(Set<String> asked, List<String> sentence) {
    int first = -1;
    int last = -1;
    Set<String> matched = new HashSet<>();
    for (int i = 0; i < sentence.size(); i++) {
      if (asked.contains(sentence.get(i))) {
        first = first < 0 ? i : first;
        last = i;
        matched.add(sentence.get(i));
      }
    }
    return matched.size() < 2 ? 0 : (double) matched.size() / (last - first + 1);
  }
}
