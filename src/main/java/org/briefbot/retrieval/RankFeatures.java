package org.briefbot.retrieval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.briefbot.index.Candidate;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;

/**
 * The features of a question's best candidates, one row each, the same for training and serving.
 * Retrieval signals (BM25, coverage, cosines, ranks, the hand-set fusion), the same relative to the
 * best candidate, the kind of answer wanted and whether a sentence states it, sentence-level word
 * match and the smallest window of question words in a sentence, the question's rarest words the
 * passage lacks, title and name matches, section, length, and features of the whole candidate set
 * (what no candidate has), which the answerability model needs. docs/retrieval.md lists them.
 */
final class RankFeatures {
  /** Feature names in column order; the committed models expect exactly these. */
  static final List<String> NAMES =
      List.of(
          "fusion",
          "fusion_gap",
          "fusion_rank",
          "coverage",
          "coverage_gap",
          "similarity",
          "similarity_gap",
          "sentence_similarity",
          "sentence_similarity_gap",
          "lexical",
          "lexical_rank_inverse",
          "vector_rank_inverse",
          "section",
          "wanted_kind",
          "kind_in_best_sentence",
          "kind_in_any_sentence",
          "kind_sentence_similarity",
          "kind_in_word_sentence",
          "sentence_words",
          "sentence_words_gap",
          "window_density",
          "rarest_term_present",
          "rare_terms_missing",
          "title_words",
          "names_matched",
          "passage_terms",
          "sentences",
          "question_terms",
          "question_idf",
          "unmatched_by_all",
          "kind_in_any_candidate",
          "candidates",
          // Added in the third round; the fold harness's baseline fits without them.
          "fusion_margin",
          "sentence_similarity_margin",
          "names_unmatched_by_all",
          "unmatched_highest_idf",
          "unknown_to_index",
          "title_words_best",
          "bigrams");

  /**
   * The columns of the second round's models, which are still the committed ones: the bot serves
   * models fitted on these first columns too, and {@code folds --baseline-columns 32} fits a
   * baseline on them from the same rows.
   */
  static final int SECOND_ROUND_COLUMNS = 32;

  static final int COLUMNS = NAMES.size();

  private static final java.util.regex.Pattern NOT_WORD =
      java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]");

  private final TextAnalysis analysis;
  private final int columns;

  /**
   * Computes the first {@code columns} features, {@link #SECOND_ROUND_COLUMNS} or all {@link
   * #COLUMNS}: serving computes only what its models read, training everything.
   */
  RankFeatures(TextAnalysis analysis, int columns) {
    if (!servable(columns)) {
      throw new IllegalArgumentException(
          "columns neither " + SECOND_ROUND_COLUMNS + " nor " + COLUMNS + ": " + columns);
    }
    this.analysis = analysis;
    this.columns = columns;
  }

  /** Whether rows of {@code columns} features can be computed: the second round's, or all. */
  static boolean servable(int columns) {
    return columns == SECOND_ROUND_COLUMNS || columns == COLUMNS;
  }

  int columns() {
    return columns;
  }

  /** Whether the third round's features are computed, not just the second round's. */
  private boolean thirdRound() {
    return columns > SECOND_ROUND_COLUMNS;
  }

  /** What a question brings to every row: its terms with their rarity, its words, its kind. */
  record Question(
      String text,
      Map<String, Double> idfs,
      double totalIdf,
      Set<String> words,
      List<String> names,
      AnswerKind kind,
      List<String> bigrams,
      double unknown) {}

  /**
   * The question's row inputs. {@code corrected} is the question as the embedding model read it,
   * typos corrected: {@code unknown_to_index} is measured on it, so a misspelt word the index knows
   * ("opnai") is not taken for a word about something the knowledge lacks.
   */
  Question question(
      String text, String corrected, ToDoubleFunction<String> idf, Predicate<String> known) {
    List<String> terms = analysis.terms(text);
    Map<String, Double> idfs = idfs(terms, idf);
    double total = idfs.values().stream().mapToDouble(Double::doubleValue).sum();
    return new Question(
        text,
        idfs,
        total,
        AnswerKind.words(text),
        RankFeatures.nameWords(text),
        AnswerKind.wanted(text),
        thirdRound() ? RankFeatures.bigrams(terms) : List.of(),
        thirdRound() ? unknownShare(idfs(analysis.terms(corrected), idf), known) : 0);
  }

  private static Map<String, Double> idfs(List<String> terms, ToDoubleFunction<String> idf) {
    Map<String, Double> idfs = new LinkedHashMap<>();
    for (String term : terms) {
      idfs.computeIfAbsent(term, idf::applyAsDouble);
    }
    return idfs;
  }

  /** The IDF share of these terms that no passage has. */
  private static double unknownShare(Map<String, Double> idfs, Predicate<String> known) {
    double total = 0;
    double unknown = 0;
    for (Map.Entry<String, Double> t : idfs.entrySet()) {
      total += t.getValue();
      unknown += known.test(t.getKey()) ? 0 : t.getValue();
    }
    return total == 0 ? 0 : unknown / total;
  }

  /** Adjacent pairs of the question's analysed terms, as "a b". */
  private static List<String> bigrams(List<String> terms) {
    List<String> pairs = new ArrayList<>();
    for (int i = 1; i < terms.size(); i++) {
      pairs.add(terms.get(i - 1) + " " + terms.get(i));
    }
    return List.copyOf(pairs);
  }

  /**
   * One row per candidate, in the given order (best fused first), {@link #columns()} values each.
   */
  float[] rows(Question q, List<Candidate> candidates, double[] fused) {
    int n = candidates.size();
    List<PassageFacts> facts = new ArrayList<>(n);
    Set<String> matchedByAny = new HashSet<>();
    boolean kindAnywhere = false;
    for (Candidate c : candidates) {
      PassageFacts f = facts(q, c);
      facts.add(f);
      matchedByAny.addAll(f.terms());
      kindAnywhere |= f.kindAny();
    }
    double unmatched = 0;
    for (Map.Entry<String, Double> t : q.idfs().entrySet()) {
      unmatched += matchedByAny.contains(t.getKey()) ? 0 : t.getValue();
    }
    unmatched = q.totalIdf() == 0 ? 0 : unmatched / q.totalIdf();
    double maxFused = max(fused);
    double maxCoverage = max(candidates, Candidate::coverage);
    double maxSimilarity = max(candidates, Candidate::similarity);
    double maxSentence = max(candidates, Candidate::sentenceSimilarity);
    double maxWords = facts.stream().mapToDouble(PassageFacts::sentenceWords).max().orElse(0);
    double[] set = thirdRound() ? candidateSet(q, candidates, fused, facts, matchedByAny) : null;
    float[] rows = new float[n * columns];
    int fusedRank = 0;
    for (int i = 0; i < n; i++) {
      Candidate c = candidates.get(i);
      // Equal fused scores share a rank, so identical passages get identical rows.
      fusedRank = i > 0 && fused[i] == fused[i - 1] ? fusedRank : i + 1;
      PassageFacts f = facts.get(i);
      double[] v = {
        fused[i],
        fused[i] - maxFused,
        fusedRank,
        c.coverage(),
        c.coverage() - maxCoverage,
        c.similarity(),
        c.similarity() - maxSimilarity,
        c.sentenceSimilarity(),
        c.sentenceSimilarity() - maxSentence,
        c.lexical(),
        c.lexicalRank() == 0 ? 0 : 1.0 / c.lexicalRank(),
        c.vectorRank() == 0 ? 0 : 1.0 / c.vectorRank(),
        c.passage().section().ordinal(),
        q.kind().ordinal(),
        f.kindBest() ? 1 : 0,
        f.kindAny() ? 1 : 0,
        f.kindSimilarity(),
        f.kindWords() ? 1 : 0,
        f.sentenceWords(),
        f.sentenceWords() - maxWords,
        f.density(),
        f.rarestPresent() ? 1 : 0,
        f.rareMissing(),
        f.titleWords(),
        f.names(),
        f.passageTerms(),
        f.sentences(),
        q.idfs().size(),
        q.totalIdf(),
        unmatched,
        kindAnywhere ? 1 : 0,
        n
      };
      for (int j = 0; j < SECOND_ROUND_COLUMNS; j++) {
        rows[i * columns + j] = (float) v[j];
      }
      if (set != null) {
        for (int j = 0; j < set.length; j++) {
          rows[i * columns + SECOND_ROUND_COLUMNS + j] = (float) set[j];
        }
        rows[i * columns + COLUMNS - 1] = (float) f.bigrams();
      }
    }
    return rows;
  }

  /**
   * The third round's features of the whole candidate set, the same in every row: fusion_margin to
   * title_words_best (bigrams, per passage, follows them).
   */
  private static double[] candidateSet(
      Question q,
      List<Candidate> candidates,
      double[] fused,
      List<PassageFacts> facts,
      Set<String> matchedByAny) {
    double unmatchedHighest = 0;
    for (Map.Entry<String, Double> t : q.idfs().entrySet()) {
      if (!matchedByAny.contains(t.getKey())) {
        unmatchedHighest = Math.max(unmatchedHighest, t.getValue());
      }
    }
    return new double[] {
      candidates.size() < 2 ? 0 : fused[0] - fused[1],
      secondGap(candidates, Candidate::sentenceSimilarity),
      namesUnmatched(q, candidates),
      unmatchedHighest,
      q.unknown(),
      facts.stream().mapToDouble(PassageFacts::titleWords).max().orElse(0)
    };
  }

  /**
   * What one passage holds for the question.
   *
   * @param terms the question's terms the passage has
   * @param kindBest the sentence closest in meaning states the wanted kind
   * @param kindAny some sentence states it
   * @param kindSimilarity the best cosine of a sentence stating it; -1 when none does
   * @param kindWords the sentence with the most question words states it
   * @param sentenceWords the highest IDF share of the question one sentence has
   * @param density of that sentence: question terms it has over the span of words holding them
   * @param rarestPresent the question's rarest term is in the passage
   * @param rareMissing IDF share of the question's rarer half of terms the passage lacks
   * @param titleWords IDF share of the question in the article title
   * @param names share of the question's capitalised words (names) found in the passage
   * @param passageTerms analysed terms in the passage
   * @param sentences sentences in the passage
   * @param bigrams share of the question's adjacent term pairs that stand together in the passage
   */
  private record PassageFacts(
      Set<String> terms,
      boolean kindBest,
      boolean kindAny,
      double kindSimilarity,
      boolean kindWords,
      double sentenceWords,
      double density,
      boolean rarestPresent,
      double rareMissing,
      double titleWords,
      double names,
      int passageTerms,
      int sentences,
      double bigrams) {}

  private PassageFacts facts(Question q, Candidate c) {
    Passage p = c.passage();
    List<String> sentences = p.sentences().isEmpty() ? List.of(p.text()) : p.sentences();
    double[] cosines = c.sentenceSimilarities();
    boolean cosinesKnown = cosines.length == sentences.size();
    Set<String> passageTerms = new HashSet<>();
    int termCount = 0;
    int bestByMeaning = 0;
    int bestByWords = 0;
    double bestWords = -1;
    double bestDensity = 0;
    boolean kindAny = false;
    double kindSimilarity = -1;
    boolean[] kinds = new boolean[sentences.size()];
    Set<String> pairs = new HashSet<>();
    for (int s = 0; s < sentences.size(); s++) {
      String sentence = sentences.get(s);
      List<TextAnalysis.Token> tokens = analysis.tokens(sentence);
      termCount += tokens.size();
      tokens.forEach(t -> passageTerms.add(t.term()));
      for (int i = 1; i < tokens.size() && !q.bigrams().isEmpty(); i++) {
        pairs.add(tokens.get(i - 1).term() + " " + tokens.get(i).term());
      }
      double words = idfShare(q, tokens);
      if (words > bestWords) {
        bestWords = words;
        bestByWords = s;
        bestDensity = density(q, tokens);
      }
      if (cosinesKnown && cosines[s] > cosines[bestByMeaning]) {
        bestByMeaning = s;
      }
      kinds[s] = q.kind() != AnswerKind.NONE && q.kind().statedIn(sentence, q.words());
      if (kinds[s]) {
        kindAny = true;
        double cosine = cosinesKnown ? cosines[s] : c.sentenceSimilarity();
        kindSimilarity = Math.max(kindSimilarity, cosine);
      }
    }
    Set<String> matched = new HashSet<>(q.idfs().keySet());
    matched.retainAll(passageTerms);
    return new PassageFacts(
        matched,
        kinds[cosinesKnown ? bestByMeaning : bestByWords],
        kindAny,
        kindSimilarity,
        kinds[bestByWords],
        Math.max(bestWords, 0),
        bestDensity,
        rarestPresent(q, passageTerms),
        rareMissing(q, passageTerms),
        idfShare(q, analysis.tokens(p.articleTitle())),
        names(q, p.text()),
        termCount,
        sentences.size(),
        q.bigrams().isEmpty()
            ? -1
            : (double) q.bigrams().stream().filter(pairs::contains).count() / q.bigrams().size());
  }

  /** The best candidate's lead over the second by {@code signal}; 0 with fewer than two. */
  private static double secondGap(List<Candidate> candidates, ToDoubleFunction<Candidate> signal) {
    double first = Double.NEGATIVE_INFINITY;
    double second = Double.NEGATIVE_INFINITY;
    for (Candidate c : candidates) {
      double v = signal.applyAsDouble(c);
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    return candidates.size() < 2 ? 0 : first - second;
  }

  /**
   * Share of the question's names that no candidate has: a question about a person or place the
   * knowledge never mentions is likely about an absent article. -1 when it names none.
   */
  private static double namesUnmatched(Question q, List<Candidate> candidates) {
    if (q.names().isEmpty()) {
      return -1;
    }
    Set<String> found = new HashSet<>();
    for (Candidate c : candidates) {
      String lower = c.passage().text().toLowerCase(Locale.ROOT);
      q.names().stream().filter(lower::contains).forEach(found::add);
    }
    return 1 - (double) found.size() / new HashSet<>(q.names()).size();
  }

  private static double idfShare(Question q, List<TextAnalysis.Token> tokens) {
    if (q.totalIdf() == 0) {
      return 0;
    }
    Set<String> seen = new HashSet<>();
    double shared = 0;
    for (TextAnalysis.Token t : tokens) {
      Double idf = q.idfs().get(t.term());
      if (idf != null && seen.add(t.term())) {
        shared += idf;
      }
    }
    return shared / q.totalIdf();
  }

  /**
   * Question terms in the sentence over the shortest run of its tokens that holds them all: 1 when
   * they stand together, small when scattered.
   */
  private static double density(Question q, List<TextAnalysis.Token> tokens) {
    Map<String, Integer> last = new HashMap<>();
    int distinct =
        (int)
            tokens.stream()
                .map(TextAnalysis.Token::term)
                .filter(q.idfs()::containsKey)
                .distinct()
                .count();
    if (distinct == 0) {
      return 0;
    }
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < tokens.size(); i++) {
      String term = tokens.get(i).term();
      if (!q.idfs().containsKey(term)) {
        continue;
      }
      last.put(term, i);
      if (last.size() == distinct) {
        int first = last.values().stream().mapToInt(Integer::intValue).min().orElse(i);
        best = Math.min(best, i - first + 1);
      }
    }
    return (double) distinct / best;
  }

  private static boolean rarestPresent(Question q, Set<String> passageTerms) {
    String rarest = null;
    double highest = -1;
    for (Map.Entry<String, Double> t : q.idfs().entrySet()) {
      if (t.getValue() > highest) {
        highest = t.getValue();
        rarest = t.getKey();
      }
    }
    return rarest != null && passageTerms.contains(rarest);
  }

  /** The IDF share of the question's terms rarer than its median term that the passage lacks. */
  private static double rareMissing(Question q, Set<String> passageTerms) {
    double[] sorted =
        q.idfs().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (sorted.length == 0) {
      return 0;
    }
    double median = sorted[sorted.length / 2];
    double rare = 0;
    double missing = 0;
    for (Map.Entry<String, Double> t : q.idfs().entrySet()) {
      if (t.getValue() >= median) {
        rare += t.getValue();
        missing += passageTerms.contains(t.getKey()) ? 0 : t.getValue();
      }
    }
    return rare == 0 ? 0 : missing / rare;
  }

  /** The question's capitalised words other than its first, in lower case: likely names. */
  private static List<String> nameWords(String question) {
    String[] words = question.strip().split("\\s+");
    List<String> names = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      String w = NOT_WORD.matcher(words[i]).replaceAll("");
      if (w.length() > 1 && Character.isUpperCase(w.charAt(0))) {
        names.add(w.toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(names);
  }

  /** Share of the question's names that the passage has; -1 when it names none. */
  private static double names(Question q, String passageText) {
    if (q.names().isEmpty()) {
      return -1;
    }
    String lower = passageText.toLowerCase(Locale.ROOT);
    return (double) q.names().stream().filter(lower::contains).count() / q.names().size();
  }

  private static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return values.length == 0 ? 0 : m;
  }

  private static double max(List<Candidate> candidates, ToDoubleFunction<Candidate> signal) {
    return candidates.stream().mapToDouble(signal).max().orElse(0);
  }
}
