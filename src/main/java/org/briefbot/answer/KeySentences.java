package org.briefbot.answer;

import java.util.ArrayList;
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
import org.briefbot.memo.BoundedMemo;
import org.briefbot.rank.TreeModel;

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

  /**
   * Whether the sentence opens by pointing back at what an earlier one named ("This deal ...", "He
   * was ..."), so that it does not say what it is about on its own.
   */
  static boolean opensByPointingBack(String sentence) {
    return POINTS_BACK.matcher(sentence).find() || REFERS_BACK.matcher(sentence).find();
  }

  /** Where the key-sentence model is on the class path. */
  static final String MODEL_RESOURCE = "/org/briefbot/rank/key-sentence.json";

  private final TextAnalysis analysis;
  private final PassageIndex index;

  /**
   * Each sentence's distinct terms: the same passages answer question after question, and analysing
   * every sentence of the answer was an eighth of a seed answer's time.
   */
  private final BoundedMemo<String, Set<String>> sentenceTerms =
      new BoundedMemo<>(BoundedMemo.DEFAULT_LIMIT);

  /** The same, in order, for the key-sentence model's word pairs and spans. */
  private final BoundedMemo<String, List<String>> sentenceTermList =
      new BoundedMemo<>(BoundedMemo.DEFAULT_LIMIT);

  /** The committed key-sentence model, or none when the class path lacks it. */
  private final Optional<TreeModel> model;

  KeySentences(TextAnalysis analysis, PassageIndex index) {
    this(analysis, index, committed());
  }

  KeySentences(TextAnalysis analysis, PassageIndex index, Optional<TreeModel> model) {
    this.analysis = analysis;
    this.index = index;
    this.model = model;
  }

  /** The model fitted by {@code train --key-sentences-only}, read once per process. */
  static Optional<TreeModel> committed() {
    return Committed.MODEL;
  }

  private static final class Committed {
    static final Optional<TreeModel> MODEL =
        TreeModel.committedJson(MODEL_RESOURCE)
            .map(json -> TreeModel.read(json, SentenceFeatures.COLUMNS));
  }

  List<String> terms(String text) {
    return analysis.terms(text);
  }

  /**
   * The sentence that answers best. With sentence vectors, the key-sentence model's choice (fitted
   * by {@code train --key-sentences-only}, docs/retrieval.md "Key sentence"), which weighs the rule
   * below with how the question's words fall in this passage; without them, or without a model, the
   * rule: the highest sum of its cosine with the question (from retrieval, when known), the share
   * of the question's rarest words it has, and a lift when it holds the kind of answer the question
   * wants (an amount for "how much", a date for "when") that the question does not already name.
   * Cosine or words alone err: the vectors favour a sentence naming the same company, the words one
   * sharing a verb, and neither sees that "how much" wants a number. The first sentence wins ties;
   * the result is always a substring of the passage text.
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
    List<String> asked = analysis.terms(question);
    List<SentenceFeatures.Sentence> read = read(passage, question, asked, wanted, cosines);
    if (cosines.length == sentences.size() && model.isPresent()) {
      double[] scores = model.get().score(rows(passage, question, asked, wanted, read));
      return sentences.get(first(scores));
    }
    return sentences.get(first(ruleScores(read)));
  }

  /**
   * The rows the key-sentence model reads for each of the passage's sentences, {@link
   * SentenceFeatures#COLUMNS} values each; {@code cosines} are the sentences' with the question.
   */
  float[] rows(Passage passage, String question, Optional<AnswerKind> wanted, double[] cosines) {
    List<String> asked = analysis.terms(question);
    return rows(passage, question, asked, wanted, read(passage, question, asked, wanted, cosines));
  }

  private float[] rows(
      Passage passage,
      String question,
      List<String> asked,
      Optional<AnswerKind> wanted,
      List<SentenceFeatures.Sentence> read) {
    return SentenceFeatures.rows(
        read,
        asked,
        question,
        wanted,
        kindLift(passage, wanted),
        passage.section() == Section.ENTITY_NOTE,
        first(ruleScores(read)));
  }

  /**
   * Each sentence as the rule reads it, with the rule's score: its cosine (from retrieval, when
   * known), 0.3 times the share of the question's words it has, and the lift for holding the kind
   * wanted.
   */
  private List<SentenceFeatures.Sentence> read(
      Passage passage,
      String question,
      List<String> terms,
      Optional<AnswerKind> wanted,
      double[] cosines) {
    List<String> texts = passage.sentences();
    boolean vectors = cosines.length == texts.size();
    Map<String, Double> asked = idfs(terms);
    double total = asked.values().stream().mapToDouble(Double::doubleValue).sum();
    double[] words = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      words[i] = total == 0 ? 0 : sharedIdf(texts.get(i), asked) / total;
    }
    double kindLift = kindLift(passage, wanted);
    List<SentenceFeatures.Sentence> read = new ArrayList<>();
    double earlier = 0; // the most question words of any sentence before i
    for (int i = 0; i < texts.size(); i++) {
      String text = texts.get(i);
      earlier = i == 0 ? 0 : Math.max(earlier, words[i - 1]);
      double before = i == 0 ? 0 : aboutEarlier(passage, text) ? earlier : words[i - 1];
      boolean pointsBack = POINTS_BACK.matcher(text).find();
      boolean holds = wanted.isPresent() && wanted.get().heldBy(text, question);
      double cosine = vectors ? cosines[i] : 0;
      double score =
          cosine
              + WORDS_WEIGHT * words[i]
              + (holds ? lift(Math.max(words[i], before), pointsBack, kindLift) : 0);
      read.add(
          new SentenceFeatures.Sentence(
              text,
              sentenceTermList.get(text, analysis::terms),
              cosine,
              words[i],
              before,
              pointsBack,
              REFERS_BACK.matcher(text).find(),
              holds,
              score));
    }
    return read;
  }

  private static double[] ruleScores(List<SentenceFeatures.Sentence> read) {
    return read.stream().mapToDouble(SentenceFeatures.Sentence::ruleScore).toArray();
  }

  private static double kindLift(Passage passage, Optional<AnswerKind> wanted) {
    return wanted.map(w -> w.lift(passage.section() == Section.ENTITY_NOTE)).orElse(0.0);
  }

  /** The index of the highest score, the first of equal ones. */
  private static int first(double[] scores) {
    int best = 0;
    for (int i = 1; i < scores.length; i++) {
      best = scores[i] > scores[best] ? i : best;
    }
    return best;
  }

  /**
   * What holding the wanted kind adds: only for a sentence that shares some of the question's
   * words, or follows one that does (a date alone answers no "when" question, but "Annapurna Labs
   * is an Israeli chip designer. Since January 2015 it has been owned by Amazon.com." answers when
   * Amazon bought it in the sentence that names neither), and does not restate a value stated
   * before it.
   *
   * @param words the question's words in the sentence, or in the one before when more
   * @param pointsBack whether the sentence opens by pointing back ("This landmark deal ...")
   * @param kindLift what holding the kind adds in this passage
   */
  private static double lift(double words, boolean pointsBack, double kindLift) {
    return words == 0 || pointsBack ? 0 : kindLift;
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
