package org.briefbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TwoPhaseIterator;
import org.briefbot.index.QueryPlan.Alternative;
import org.briefbot.index.QueryPlan.Concept;

/**
 * Share of the plan's IDF a document matches: in its own text fully, in its article's title or tags
 * half.
 */
final class Coverage {
  /** Matching a question word only in the article's title or tags counts half. */
  private static final double ARTICLE_LEVEL_MATCH = 0.5;

  private final IndexReader reader;
  private final QueryPlan plan;
  private final TermLookups lookups;
  private final List<Matcher> content = new ArrayList<>();
  private final List<Matcher> article = new ArrayList<>();

  Coverage(IndexReader reader, QueryPlan plan, TermLookups lookups) {
    this.reader = reader;
    this.plan = plan;
    this.lookups = lookups;
    for (Concept concept : plan.concepts()) {
      content.add(matcher(concept, Fields.CONTENT));
      article.add(matcher(concept, Fields.ARTICLE_LEVEL));
    }
  }

  /** The coverage of each of the first {@code depth} hits, by rank. */
  double[] of(ScoreDoc[] hits, int depth) throws IOException {
    return of(docIds(hits, depth));
  }

  /** The coverage of each of {@code docs} (top-level doc ids, any order), in their order. */
  double[] of(int[] docs) throws IOException {
    double[] coverage = new double[docs.length];
    double total = plan.totalIdf();
    if (total <= 0 || docs.length == 0) {
      return coverage;
    }
    Integer[] order = increasing(docs);
    for (int i = 0; i < plan.concepts().size(); i++) {
      boolean[] inContent = content.get(i).matching(docs, order);
      boolean[] inArticle = article.get(i).matching(docs, order);
      double idf = plan.concepts().get(i).idf();
      for (int d = 0; d < docs.length; d++) {
        coverage[d] += (inContent[d] ? 1 : inArticle[d] ? ARTICLE_LEVEL_MATCH : 0) * idf;
      }
    }
    for (int d = 0; d < docs.length; d++) {
      coverage[d] = Math.min(1, coverage[d] / total); // sums of doubles may overshoot 1 by an ulp
    }
    return coverage;
  }

  /**
   * A concept's alternatives, each on each of {@code fields}, read from their postings through the
   * question's own terms enums: a Weight's scorers would open enums of their own.
   */
  private Matcher matcher(Concept concept, String[] fields) {
    List<Term> words = new ArrayList<>();
    List<Phrase> phrases = new ArrayList<>();
    for (Alternative alternative : concept.alternatives()) {
      for (String field : fields) {
        if (alternative.terms().size() == 1) {
          words.add(new Term(field, alternative.terms().get(0)));
        } else {
          phrases.add(new Phrase(field, alternative.terms()));
        }
      }
    }
    return new Matcher(words, phrases);
  }

  /** Analysed terms to be found in a row in one field. */
  private record Phrase(String field, List<String> terms) {}

  /** What one concept matches in one group of fields: any of its words or phrases. */
  private final class Matcher {
    private final List<Term> words;
    private final List<Phrase> phrases;

    Matcher(List<Term> words, List<Phrase> phrases) {
      this.words = words;
      this.phrases = phrases;
    }

    boolean[] matching(int[] docs, Integer[] order) throws IOException {
      boolean[] matched = new boolean[docs.length];
      for (Term word : words) {
        mark(leaf -> lookups.postings(word, leaf), docs, order, matched);
      }
      for (Phrase phrase : phrases) {
        mark(leaf -> lookups.phrase(phrase.field(), phrase.terms(), leaf), docs, order, matched);
      }
      return matched;
    }
  }

  /**
   * Marks which of {@code docs} a leaf's matches hold: one iterator per segment, advanced over the
   * docs in increasing order ({@code order}), instead of a fresh look-up per document.
   */
  private void mark(LeafMatches source, int[] docs, Integer[] order, boolean[] matched)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    DocIdSetIterator approximation = null;
    TwoPhaseIterator twoPhase = null;
    for (int i : order) {
      if (matched[i]) {
        continue; // another alternative matched it: a segment left with none is never opened
      }
      int doc = docs[i];
      int leafOf = ReaderUtil.subIndex(doc, leaves);
      LeafReaderContext leaf = leaves.get(leafOf);
      if (leafOf != leafIndex) {
        leafIndex = leafOf;
        TermLookups.LeafMatch match = source.open(leaf);
        approximation = match == null ? null : match.approximation();
        twoPhase = match == null ? null : match.twoPhase();
      }
      if (approximation == null) {
        continue;
      }
      int local = doc - leaf.docBase;
      if (approximation.docID() < local) {
        approximation.advance(local);
      }
      matched[i] = approximation.docID() == local && (twoPhase == null || twoPhase.matches());
    }
  }

  /** Opens a segment's matches, or null when nothing in it matches. */
  @FunctionalInterface
  private interface LeafMatches {
    TermLookups.LeafMatch open(LeafReaderContext leaf) throws IOException;
  }

  private static Integer[] increasing(int[] docs) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    return order;
  }

  /** The top-level doc ids of the first {@code count} hits, by rank. */
  static int[] docIds(ScoreDoc[] hits, int count) {
    int[] docs = new int[count];
    for (int i = 0; i < count; i++) {
      docs[i] = hits[i].doc;
    }
    return docs;
  }
}
