package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TwoPhaseIterator;

/**
 * Term dictionary look-ups of one search: the ranking query and the coverage check ask for the same
 * terms, and on a small index looking them up is most of a question's cost.
 */
final class TermLookups {
  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states = new HashMap<>();
  private final Map<String, TermsEnum[]> enums = new HashMap<>();
  private final Map<String, PostingsEnum[]> postings = new HashMap<>();

  TermLookups(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  TermStates states(Term term) {
    TermStates known = states.get(term);
    if (known == null) {
      try {
        known = build(term);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot look up " + term + ": " + e.getMessage(), e);
      }
      states.put(term, known);
    }
    return known;
  }

  /**
   * What {@link TermStates#build} gives, seeking one terms enum per field and segment for the whole
   * question: opening an enum per term cost more than the seek itself.
   */
  private TermStates build(Term term) throws IOException {
    IndexReaderContext top = searcher.getTopReaderContext();
    TermStates built = new TermStates(top);
    TermsEnum[] perLeaf = enums.get(term.field());
    if (perLeaf == null) {
      perLeaf = open(top.leaves(), term.field());
      enums.put(term.field(), perLeaf);
    }
    for (LeafReaderContext leaf : top.leaves()) {
      TermsEnum terms = perLeaf[leaf.ord];
      if (terms.seekExact(term.bytes())) {
        built.register(terms.termState(), leaf.ord, terms.docFreq(), terms.totalTermFreq());
      }
    }
    return built;
  }

  /**
   * The documents of one segment that have {@code term}, or null: its enum sought to the state
   * already looked up, its postings enum reused from the last term of the field.
   */
  LeafMatch postings(Term term, LeafReaderContext leaf) throws IOException {
    TermsEnum terms = sought(term, leaf);
    if (terms == null) {
      return null;
    }
    PostingsEnum[] reuse =
        postings.computeIfAbsent(term.field(), f -> new PostingsEnum[enums.get(f).length]);
    reuse[leaf.ord] = terms.postings(reuse[leaf.ord], PostingsEnum.NONE);
    return new LeafMatch(reuse[leaf.ord], null);
  }

  /**
   * The documents of one segment that have {@code words} in a row in {@code field}, or null: the
   * words' postings intersected, then their positions compared, as an exact PhraseQuery matches.
   */
  LeafMatch phrase(String field, List<String> words, LeafReaderContext leaf) throws IOException {
    PostingsEnum[] each = new PostingsEnum[words.size()];
    for (int i = 0; i < each.length; i++) {
      TermsEnum terms = sought(new Term(field, words.get(i)), leaf);
      if (terms == null) {
        return null;
      }
      each[i] = terms.postings(null, PostingsEnum.POSITIONS);
    }
    DocIdSetIterator all = ConjunctionUtils.intersectIterators(List.of(each));
    return new LeafMatch(
        all,
        new TwoPhaseIterator(all) {
          @Override
          public boolean matches() throws IOException {
            return inARow(each);
          }

          @Override
          public float matchCost() {
            return each.length;
          }
        });
  }

  /**
   * The field's enum for {@code leaf}, sought to the state {@code term} was looked up with; null
   * when the segment does not have the term.
   */
  private TermsEnum sought(Term term, LeafReaderContext leaf) throws IOException {
    TermState state = states(term).get(leaf);
    if (state == null) {
      return null;
    }
    TermsEnum terms = enums.get(term.field())[leaf.ord];
    terms.seekExact(term.bytes(), state);
    return terms;
  }

  /** Whether the current document has the i-th word at some position p + i for every i. */
  private static boolean inARow(PostingsEnum[] each) throws IOException {
    int[][] positions = new int[each.length][];
    for (int i = 0; i < each.length; i++) {
      positions[i] = new int[each[i].freq()];
      for (int k = 0; k < positions[i].length; k++) {
        positions[i][k] = each[i].nextPosition();
      }
    }
    for (int start : positions[0]) {
      int i = 1;
      while (i < each.length && Arrays.binarySearch(positions[i], start + i) >= 0) {
        i++;
      }
      if (i == each.length) {
        return true;
      }
    }
    return false;
  }

  private static TermsEnum[] open(List<LeafReaderContext> leaves, String field) throws IOException {
    TermsEnum[] perLeaf = new TermsEnum[leaves.size()];
    for (LeafReaderContext leaf : leaves) {
      perLeaf[leaf.ord] = Terms.getTerms(leaf.reader(), field).iterator();
    }
    return perLeaf;
  }

  /** The documents something matches in one segment; {@code twoPhase} may be null. */
  record LeafMatch(DocIdSetIterator approximation, TwoPhaseIterator twoPhase) {}
}
