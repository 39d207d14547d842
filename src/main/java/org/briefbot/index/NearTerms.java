package org.briefbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.BytesRef;

/**
 * The terms of one field within a few edits of a word: the typo lookup, for stems ({@link
 * QueryPlanner}) and for words as written ({@link Spellings}).
 */
final class NearTerms {
  private NearTerms() {}

  /**
   * How many edits a typo of {@code word} may be from the word meant: two from eight letters, one
   * from {@code shortest}, none below: a short word is more often one the index lacks than a typo.
   */
  static int maxEdits(String word, int shortest) {
    return word.length() >= 8 ? 2 : word.length() >= shortest ? 1 : 0;
  }

  /**
   * The terms of {@code field} within {@code maxEdits} of {@code word} (two neighbouring letters
   * swapped counting as one), fewest plain edits first, then the most common, then in term order;
   * at most {@code limit}.
   */
  static List<String> of(IndexReader reader, String field, String word, int maxEdits, int limit)
      throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    if (maxEdits == 0 || terms == null) {
      return List.of();
    }
    List<Near> near = new ArrayList<>();
    TermsEnum matches = FuzzyQuery.getFuzzyAutomaton(word, maxEdits, 1, true).getTermsEnum(terms);
    for (BytesRef bytes = matches.next(); bytes != null; bytes = matches.next()) {
      String term = bytes.utf8ToString();
      int edits = LevenshteinDistance.getDefaultInstance().apply(word, term);
      near.add(new Near(term, edits, matches.docFreq()));
    }
    return near.stream().sorted(Near.ORDER).limit(limit).map(Near::term).toList();
  }

  private record Near(String term, int edits, int docFreq) {
    static final Comparator<Near> ORDER =
        Comparator.comparingInt(Near::edits)
            .thenComparing(Comparator.comparingInt(Near::docFreq).reversed())
            .thenComparing(Near::term);
  }
}
