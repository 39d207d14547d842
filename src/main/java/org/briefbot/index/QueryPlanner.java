package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.briefbot.index.QueryPlan.Alternative;
import org.briefbot.index.QueryPlan.Concept;

/**
 * Turns question text into a {@link QueryPlan}: entity aliases become one concept with all their
 * names as alternatives (AWS = Amazon Web Services), and a word the index has never seen is matched
 * to the closest words it has ("trainum" to "trainium").
 */
final class QueryPlanner {
  /** Questions are short; a pasted essay is cut here so the query stays cheap. */
  static final int MAX_TERMS = 48;

  private static final float FUZZY_WEIGHT = 0.8f;
  private static final int MAX_FUZZY_ALTERNATIVES = 2;
  private static final int MEMO_LIMIT = 100_000;

  private final IndexReader reader;
  private final TextAnalysis analysis;
  private final List<List<List<String>>> synonymGroups;

  /**
   * Group numbers by the first term of any of their aliases, ascending: each position of a question
   * looks at these only.
   */
  private final Map<String, List<Integer>> groupsByFirstTerm = new HashMap<>();

  private final boolean fuzzy;

  /**
   * Close index words per unknown word. The index never changes, so the answer never does; building
   * a Levenshtein automaton is most of a typo's cost, and readers repeat words that no article uses
   * ("worth"). Bounded: once full, new words are worked out each time.
   */
  private final Map<String, List<String>> closeTermsMemo = new ConcurrentHashMap<>();

  QueryPlanner(
      IndexReader reader, TextAnalysis analysis, List<List<String>> synonymGroups, boolean fuzzy) {
    this.reader = reader;
    this.analysis = analysis;
    this.synonymGroups = analyse(analysis, synonymGroups);
    for (int g = 0; g < this.synonymGroups.size(); g++) {
      for (List<String> alias : this.synonymGroups.get(g)) {
        List<Integer> groups =
            groupsByFirstTerm.computeIfAbsent(alias.get(0), k -> new ArrayList<>());
        if (groups.isEmpty() || groups.get(groups.size() - 1) != g) {
          groups.add(g);
        }
      }
    }
    this.fuzzy = fuzzy;
  }

  /** How many passages have a term; a search passes the look-ups it shares with its query. */
  @FunctionalInterface
  interface DocFreqs {
    long of(Term term) throws IOException;
  }

  QueryPlan plan(String text, DocFreqs counts) throws IOException {
    List<String> terms = analysis.terms(text);
    if (terms.size() > MAX_TERMS) {
      terms = terms.subList(0, MAX_TERMS);
    }
    List<Concept> concepts = new ArrayList<>();
    int i = 0;
    while (i < terms.size()) {
      AliasMatch alias = longestAlias(terms, i);
      if (alias != null) {
        concepts.add(aliasConcept(alias, counts));
        i += alias.length;
      } else {
        concepts.add(wordConcept(terms.get(i), counts));
        i++;
      }
    }
    return QueryPlan.distinct(concepts);
  }

  /**
   * Inverse document frequency as BM25 computes it. A word no passage has counts as much as the
   * rarest word that one has: such words are often paraphrase ("worth"), not the topic.
   */
  double idf(long docFreq) {
    long n = Math.max(reader.numDocs(), 1);
    long df = Math.max(docFreq, 1);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * Passages whose own text (or known questions) has the term. The title and tags are left out:
   * they repeat on every passage of an article and would make its topic look common.
   */
  long docFreq(String term) throws IOException {
    return docFreq(term, reader::docFreq);
  }

  private static long docFreq(String term, DocFreqs counts) throws IOException {
    long max = 0;
    for (String field : Fields.CONTENT) {
      max = Math.max(max, counts.of(new Term(field, term)));
    }
    return max;
  }

  /**
   * Words of {@code text} no passage has, each with the closest index word, when typo tolerance is
   * on.
   */
  List<Typo> typos(String text) throws IOException {
    List<Typo> typos = new ArrayList<>();
    if (!fuzzy) {
      return typos;
    }
    for (TextAnalysis.Token token : analysis.tokens(text)) {
      String word = text.substring(token.start(), token.end());
      if (docFreq(token.term()) == 0) {
        List<String> close = memoizedCloseTerms(token.term());
        if (!close.isEmpty()) {
          typos.add(new Typo(token.start(), token.end(), word, close.get(0)));
        }
      }
    }
    return typos;
  }

  /**
   * The index words closest to an analysed term no passage has, closest first, when typo tolerance
   * is on.
   */
  List<String> closest(String term) throws IOException {
    return fuzzy ? memoizedCloseTerms(term) : List.of();
  }

  private record AliasMatch(List<List<String>> group, int length, String label) {}

  private AliasMatch longestAlias(List<String> terms, int start) {
    AliasMatch best = null;
    for (int g : groupsByFirstTerm.getOrDefault(terms.get(start), List.of())) {
      List<List<String>> group = synonymGroups.get(g);
      for (List<String> alias : group) {
        int length = alias.size();
        boolean longer = best == null || length > best.length;
        if (longer && startsWith(terms, start, alias)) {
          best = new AliasMatch(group, length, String.join(" ", group.get(0)));
        }
      }
    }
    return best;
  }

  private static boolean startsWith(List<String> terms, int start, List<String> alias) {
    if (alias.isEmpty() || start + alias.size() > terms.size()) {
      return false;
    }
    return terms.subList(start, start + alias.size()).equals(alias);
  }

  private Concept aliasConcept(AliasMatch match, DocFreqs counts) throws IOException {
    List<Alternative> alternatives = new ArrayList<>();
    long docFreq = 0;
    for (List<String> alias : match.group()) {
      alternatives.add(new Alternative(alias, 1f));
      docFreq = Math.max(docFreq, phraseDocFreq(alias, counts));
    }
    return new Concept(match.label(), alternatives, idf(docFreq));
  }

  /** A phrase is at most as frequent as its rarest word: a cheap upper bound. */
  private static long phraseDocFreq(List<String> phrase, DocFreqs counts) throws IOException {
    long min = Long.MAX_VALUE;
    for (String term : phrase) {
      min = Math.min(min, docFreq(term, counts));
    }
    return min == Long.MAX_VALUE ? 0 : min;
  }

  private Concept wordConcept(String term, DocFreqs counts) throws IOException {
    long docFreq = docFreq(term, counts);
    List<Alternative> alternatives = new ArrayList<>();
    alternatives.add(new Alternative(List.of(term), 1f));
    if (docFreq == 0 && fuzzy) {
      for (String close : memoizedCloseTerms(term)) {
        alternatives.add(new Alternative(List.of(close), FUZZY_WEIGHT));
        docFreq = Math.max(docFreq, docFreq(close, counts));
      }
    }
    return new Concept(term, alternatives, idf(docFreq));
  }

  /**
   * In hybrid mode the question's typos are looked up twice at once: by BM25's plan on the caller's
   * thread and, for the model, on the embedding thread. computeIfAbsent makes the second wait for
   * the first rather than build the same automaton on the other core.
   */
  private List<String> memoizedCloseTerms(String term) throws IOException {
    List<String> known = closeTermsMemo.get(term);
    if (known != null) {
      return known;
    }
    if (closeTermsMemo.size() >= MEMO_LIMIT) {
      return closeTerms(term);
    }
    try {
      return closeTermsMemo.computeIfAbsent(
          term,
          t -> {
            try {
              return closeTerms(t);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Index words within one edit (two for long words) of an unknown word, closest and then most
   * frequent first. Short words are left alone: "cup" is not a typo of "cap".
   */
  private List<String> closeTerms(String term) throws IOException {
    return NearTerms.of(
        reader, Fields.TEXT, term, NearTerms.maxEdits(term, 4), MAX_FUZZY_ALTERNATIVES);
  }

  private static List<List<List<String>>> analyse(
      TextAnalysis analysis, List<List<String>> groups) {
    List<List<List<String>>> analysed = new ArrayList<>();
    for (List<String> group : groups) {
      List<List<String>> aliases =
          group.stream().map(analysis::terms).filter(t -> !t.isEmpty()).distinct().toList();
      if (aliases.size() > 1) {
        analysed.add(aliases);
      }
    }
    return analysed;
  }
}
