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
    int n = sentences.size();
    Set<String> asked = new HashSet<>(question);
    Map<String, Integer> inSentences = new HashMap<>();
    for (Sentence s : sentences) {
      for (String term : new HashSet<>(s.terms())) {
        if (asked.contains(term)) {
          inSentences.merge(term, 1, Integer::sum);
        }
      }
    }
    Map<String, Double> passageRarity = new HashMap<>();
    for (String term : asked) {
      passageRarity.put(term, Math.log((n + 1.0) / (inSentences.getOrDefault(term, 0) + 0.5)));
    }
    double rarityTotal = passageRarity.values().stream().mapToDouble(Double::doubleValue).sum();
    String opening = opening(questionText);
    Set<String> askedNames = names(questionText);
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      Sentence s = sentences.get(i);
      Set<String> has = new HashSet<>(s.terms());
      double rare = 0;
      int onlyHere = 0;
      int shared = 0;
      for (String term : asked) {
        if (has.contains(term)) {
          rare += passageRarity.get(term);
          onlyHere += inSentences.get(term) == 1 ? 1 : 0;
          shared++;
        }
      }
      boolean digits = DIGIT.matcher(s.text()).find();
      double newNames = Math.log1p(newNames(s.text(), askedNames));
      Sentence next = i + 1 < n ? sentences.get(i + 1) : null;
      values[i] =
          new double[] {
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
            flag(i == ruleChoice),
            flag(entityNote),
            Math.log(n),
            kindLift,
            rarityTotal == 0 ? 0 : rare / rarityTotal,
            onlyHere,
            bigrams(question, s.terms()),
            asked.isEmpty() ? 0 : (double) shared / asked.size(),
            0,
            0,
            density(asked, s.terms()),
            newNames,
            flag(digits),
            flag(digits && ASK_DIGITS.contains(opening)),
            ASK_NAMES.contains(opening) ? newNames : 0
          };
    }
    gaps(values, 0, 1);
    gaps(values, 2, 3);
    gaps(values, 21, 25);
    gaps(values, 22, 26);
    float[] rows = new float[n * COLUMNS];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < COLUMNS; j++) {
        rows[i * COLUMNS + j] = (float) values[i][j];
      }
    }
    return rows;
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
