package org.briefbot.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Which of many documents a query matches, found by walking its matches forward once per
 * segment: a hundred candidates cost one pass, not a hundred look-ups.
 */
final class ConceptMatches {
  private ConceptMatches() {}

  /** For each of {@code docs} (any order), whether {@code weight} matches it. */
  static boolean[] of(Weight weight, IndexReader reader, int[] docs) throws IOException {
    boolean[] matched = new boolean[docs.length];
    Integer[] order = ascending(docs);
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    DocIdSetIterator approximation = null;
    TwoPhaseIterator twoPhase = null;
    for (int i : order) {
      int doc = docs[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Scorer scorer = weight.scorer(leaf);
        twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
        approximation = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
      }
      matched[i] = approximation != null && matches(approximation, twoPhase, doc - leaf.docBase);
    }
    return matched;
  }

  private static boolean matches(DocIdSetIterator approximation, TwoPhaseIterator twoPhase, int local) throws IOException {
    int at = approximation.docID() < local ? approximation.advance(local) : approximation.docID();
    return at == local && (twoPhase == null || twoPhase.matches());
  }

  private static Integer[] ascending(int[] docs) {
    Integer[] order = new Integer[docs.length];
    for (int i = 0; i < docs.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Integer.compare(docs[a], docs[b]));
    return order;
  }
}
