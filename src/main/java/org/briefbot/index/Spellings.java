package org.briefbot.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.briefbot.knowledge.Passage;

/**
 * How the passages spell what a typo meant, for a reader that sees spellings rather than stems (the
 * embedding model): the written word nearest the typo ({@link #writtenNear}), or a spelling of a
 * stem near it ({@link #closestTo}). Stems join words apart in meaning ("medic": "medical",
 * "medications"), so a spelling stands for a word only within {@link #EDITS} edits of it.
 */
final class Spellings {
  /** Passages read for a term's spellings. */
  private static final int PASSAGES = 8;

  /** The most edits between a word as asked and a spelling that stands for it. */
  private static final int EDITS = 2;

  private static final int MEMO_LIMIT = 100_000;

  private final IndexReader reader;
  private final IndexSearcher searcher;
  private final TextAnalysis analysis;
  private final Map<String, Optional<Spelt>> memo = new ConcurrentHashMap<>();
  private final Map<String, Optional<String>> nearMemo = new ConcurrentHashMap<>();

  /**
   * A spelling that stands for a word.
   *
   * @param spelling as a passage writes it, lower case, without a possessive
   * @param edits how many edits it is from the word as asked
   */
  record Spelt(String spelling, int edits) {}

  Spellings(IndexReader reader, IndexSearcher searcher, TextAnalysis analysis) {
    this.reader = reader;
    this.searcher = searcher;
    this.analysis = analysis;
  }

  /**
   * The word the passages write that is fewest edits from {@code word} as typed (one edit for a
   * word of five to seven letters, two from eight; see {@link NearTerms}), the most common of
   * those, lower case; empty when none is that close. Spellings compared with spellings:
   * "migratino" is one swap from "migration", and three edits from its stem "migrat".
   */
  Optional<String> writtenNear(String word) throws IOException {
    String asked = withoutPossessive(word);
    int maxEdits = NearTerms.maxEdits(asked, 5);
    return remembered(
        nearMemo,
        asked,
        () -> NearTerms.of(reader, Fields.WORDS, asked, maxEdits, 1).stream().findFirst());
  }

  /**
   * The spelling of {@code term} closest to {@code word} among the first few passages with it,
   * lower case and without a possessive ("dalla" near "dalas" is "dallas"), however far ({@link
   * #standsFor} says whether it is close); empty when no passage has {@code term}.
   */
  Optional<Spelt> closestTo(String term, String word) throws IOException {
    String asked = word.toLowerCase(Locale.ROOT);
    return remembered(memo, term + '\n' + asked, () -> lookUp(term, asked));
  }

  /** What a look-up found, from {@code memo} when asked before; remembered up to a limit. */
  private static <T> Optional<T> remembered(
      Map<String, Optional<T>> memo, String key, LookUp<T> lookUp) throws IOException {
    Optional<T> known = memo.get(key);
    if (known != null) {
      return known;
    }
    Optional<T> found = lookUp.find();
    if (memo.size() < MEMO_LIMIT) {
      memo.put(key, found);
    }
    return found;
  }

  @FunctionalInterface
  private interface LookUp<T> {
    Optional<T> find() throws IOException;
  }

  private Optional<Spelt> lookUp(String term, String asked) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.TEXT, term)), PASSAGES);
    int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    String best = null;
    int bestEdits = Integer.MAX_VALUE;
    for (Passage passage : PassageColumn.read(reader, docs)) {
      String text = passage.text();
      for (TextAnalysis.Token token : analysis.tokens(text)) {
        if (token.term().equals(term)) {
          String spelling = withoutPossessive(text.substring(token.start(), token.end()));
          int edits = LevenshteinDistance.getDefaultInstance().apply(asked, spelling);
          if (edits < bestEdits) {
            best = spelling;
            bestEdits = edits;
          }
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(new Spelt(best, bestEdits));
  }

  /**
   * Whether {@code spelt} is close enough to the word asked to stand for it: within {@link #EDITS}
   * edits. A farther one is still a word the passages write, which a reader of the question reads
   * better than a stem ("concentrated" for "concentraing", not "concentr").
   */
  static boolean standsFor(Spelt spelt) {
    return spelt.edits() <= EDITS;
  }

  private static String withoutPossessive(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.endsWith("'s") || lower.endsWith("\u2019s")
        ? lower.substring(0, lower.length() - 2)
        : lower;
  }
}
