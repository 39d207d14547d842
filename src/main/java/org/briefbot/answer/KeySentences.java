package org.briefbot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.index.Typo;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/** Picks the sentence of a passage that best answers the question, for channels to emphasise. */
final class KeySentences {
  /** How much sharing all of the question's words counts against a sentence's cosine. */
  private static final double WORDS_WEIGHT = 0.3;

  /**
   * A sentence that opens by pointing back ("This landmark $138 billion AWS deal represents ...")
   * restates a value stated before it, usually in the sentence that answers: it gets no lift for
   * holding the wanted kind.
   */
  private static final Pattern POINTS_BACK =
      Pattern.compile("^(?:this|that|these|those|such)\\b", Pattern.CASE_INSENSITIVE);

  /** "Its chief executive is ...", "He was ...": about what an earlier sentence named. */
  private static final Pattern REFERS_BACK =
      Pattern.compile("^(?:it|its|he|his|she|her|they|their)\\b", Pattern.CASE_INSENSITIVE);

  private final TextAnalysis analysis;
  private final PassageIndex index;

  /**
   * Each sentence's distinct terms: the same passages answer question after question, and analysing
   * every sentence of the answer was an eighth of a seed answer's time.
   */
  private final BoundedMemo<String, Set<String>> sentenceTerms =
      new BoundedMemo<>(BoundedMemo.DEFAULT_LIMIT);

  KeySentences(TextAnalysis analysis, PassageIndex index) {
    this.analysis = analysis;
    this.index = index;
  }

  List<String> terms(String text) {
    return analysis.terms(text);
  }

  /**
   * The sentence that answers best: the highest sum of its cosine with the question (from
   * retrieval, when known), the share of the question's rarest words it has, and a lift when it
   * holds the kind of answer the question wants (an amount for "how much", a date for "when") that
   * the question does not already name, less a little when it opens by pointing back. Cosine or
   * words alone err: the vectors favour a sentence naming the same company, the words one sharing a
   * verb, and neither sees that "how much" wants a number. The first sentence wins ties; the result
   * is always a substring of the passage text.
   *
   * @param question the words to match: the question without any routing phrase
   * @param wanted the kind of answer the question asks for, if its wording says
   */
  String best(Passage passage, String question, Optional<AnswerKind> wanted, double[] cosines) {
    List<String> sentences = passage.sentences();
    if (sentences.isEmpty()) {
      return passage.text();
    }
    if (sentences.size() == 1) {
      return sentences.get(0);
    }
    boolean vectors = cosines.length == sentences.size();
    Map<String, Double> asked = idfs(analysis.terms(question));
    double total = asked.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] base = new double[sentences.size()];
    double[] words = new double[sentences.size()];
    int plain = 0;
    for (int i = 0; i < sentences.size(); i++) {
      words[i] = total == 0 ? 0 : sharedIdf(sentences.get(i), asked) / total;
      base[i] = (vectors ? cosines[i] : 0) + WORDS_WEIGHT * words[i];
      plain = base[i] > base[plain] ? i : plain;
    }
    if (wanted.isEmpty()) {
      return sentences.get(plain);
    }
    // The lift is the only costly part (pattern matching): a sentence whose score with the lift
    // cannot reach the best score without it keeps its plain score and cannot win.
    double kindLift = wanted.get().lift(passage.section() == Section.ENTITY_NOTE);
    int best = plain;
    double bestScore = base[plain];
    double earlier = 0; // the most question words of any sentence before i
    for (int i = 0; i < sentences.size(); i++) {
      earlier = i == 0 ? 0 : Math.max(earlier, words[i - 1]);
      if (base[i] + kindLift < base[plain]) {
        continue;
      }
      double before = i == 0 ? 0 : aboutEarlier(passage, sentences.get(i)) ? earlier : words[i - 1];
      double score =
          base[i]
              + lift(
                  sentences.get(i), Math.max(words[i], before), question, wanted.get(), kindLift);
      if (score > bestScore || (score == bestScore && i < best)) {
        best = i;
        bestScore = score;
      }
    }
    return sentences.get(best);
  }

  /**
   * What holding the wanted kind adds: only for a sentence that shares some of the question's
   * words, or follows one that does (a date alone answers no "when" question, but "Annapurna Labs
   * is an Israeli chip designer. Since January 2015 it has been owned by Amazon.com." answers when
   * Amazon bought it in the sentence that names neither), and does not restate a value stated
   * before it.
   *
   * @param words the question's words in the sentence, or in the one before when more
   * @param kindLift what holding the kind adds in this passage
   */
  private static double lift(
      String sentence, double words, String question, AnswerKind wanted, double kindLift) {
    if (words == 0 || POINTS_BACK.matcher(sentence).find()) {
      return 0;
    }
    return wanted.heldBy(sentence, question) ? kindLift : 0;
  }

  /**
   * Whether the sentence is about what an earlier one named, not only the one just before it: every
   * sentence of an entity note is about its entity ("The company is run by ..."), and elsewhere a
   * sentence opening with a pronoun is.
   */
  private static boolean aboutEarlier(Passage passage, String sentence) {
    return passage.section() == Section.ENTITY_NOTE || REFERS_BACK.matcher(sentence).find();
  }

  /**
   * Whether the passage has every content word of the question, a misspelt word ("satelites") read
   * as the indexed word it is one or two edits from.
   */
  boolean hasAllWords(Passage passage, String question) {
    Map<String, String> corrected = new HashMap<>();
    for (Typo typo : index.typos(question)) {
      analysis.terms(typo.word()).forEach(term -> corrected.put(term, typo.correction()));
    }
    for (String term : analysis.contentTerms(question)) {
      if (!hasTerm(passage, corrected.getOrDefault(term, term))) {
        return false;
      }
    }
    return true;
  }

  private boolean hasTerm(Passage passage, String term) {
    for (String sentence : passage.sentences()) {
      if (termsOf(sentence).contains(term)) {
        return true;
      }
    }
    return false;
  }

  private Set<String> termsOf(String sentence) {
    return sentenceTerms.get(sentence, s -> Set.copyOf(analysis.terms(s)));
  }

  /**
   * Each distinct asked term's rarity, looked up once per question rather than once per sentence.
   */
  private Map<String, Double> idfs(List<String> terms) {
    Map<String, Double> idfs = new HashMap<>();
    for (String term : terms) {
      idfs.computeIfAbsent(term, index::idf);
    }
    return idfs;
  }

  /**
   * Looks up the few asked terms in the sentence's set, not each of its many terms in the
   * question's.
   */
  private double sharedIdf(String sentence, Map<String, Double> asked) {
    Set<String> terms = termsOf(sentence);
    double shared = 0;
    for (Map.Entry<String, Double> term : asked.entrySet()) {
      if (terms.contains(term.getKey())) {
        shared += term.getValue();
      }
    }
    return shared;
  }
}
