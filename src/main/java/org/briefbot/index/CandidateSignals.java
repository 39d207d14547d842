package org.briefbot.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.briefbot.knowledge.Passage;

/** Merges a BM25 list and a nearest-vector list into {@link Candidate}s with all their signals. */
final class CandidateSignals {
  private final IndexReader reader;
  private final Coverage coverage;
  private final Optional<float[]> query;

  CandidateSignals(IndexReader reader, Coverage coverage, Optional<float[]> query) {
    this.reader = reader;
    this.coverage = coverage;
    this.query = query;
  }

  static boolean hasVectors(IndexReader reader) {
    return reader.leaves().stream()
        .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(Fields.VECTOR) != null);
  }

  /**
   * The candidates of the lexical and nearest hits, and of {@code unranked} hits, which join with
   * neither rank (nor a BM25 score) unless one of the other two found them too.
   */
  List<Candidate> of(TopDocs lexical, TopDocs nearest, TopDocs unranked) throws IOException {
    TreeMap<Integer, int[]> ranks = new TreeMap<>(); // doc -> {lexical rank, vector rank}
    rank(lexical, ranks, 0);
    rank(nearest, ranks, 1);
    for (ScoreDoc doc : unranked.scoreDocs) {
      ranks.computeIfAbsent(doc.doc, d -> new int[2]);
    }
    int[] docs = ranks.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] covered = coverage.of(docs);
    double[] similarity = similarities(docs);
    Passage[] passages = PassageColumn.read(reader, docs);
    Wording[] wordings = Wording.read(reader, docs, passages);
    SentenceVectors.Best sentences =
        query.isPresent()
            ? SentenceVectors.best(reader, docs, query.get(), similarity)
            : SentenceVectors.Best.none(similarity);
    double maxScore =
        lexical.scoreDocs.length == 0 ? 1 : Math.max(lexical.scoreDocs[0].score, Float.MIN_NORMAL);
    List<Candidate> candidates = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      int[] rank = ranks.get(docs[i]);
      double relative = rank[0] == 0 ? 0 : lexical.scoreDocs[rank[0] - 1].score / maxScore;
      candidates.add(
          new Candidate(
              passages[i],
              rank[0],
              relative,
              covered[i],
              rank[1],
              similarity[i],
              sentences.similarity()[i],
              sentences.sentences()[i],
              wordings[i]));
    }
    candidates.sort(Comparator.comparing(c -> c.passage().id()));
    return candidates;
  }

  /**
   * 1-based ranks where equal scores share the first of their ranks: the order Lucene gives ties
   * (document order) says nothing about the passages, and a learned ranker must not read it.
   */
  private static void rank(TopDocs top, TreeMap<Integer, int[]> ranks, int which) {
    int rank = 0;
    for (int r = 0; r < top.scoreDocs.length; r++) {
      ScoreDoc doc = top.scoreDocs[r];
      if (r == 0 || doc.score != top.scoreDocs[r - 1].score) {
        rank = r + 1;
      }
      ranks.computeIfAbsent(doc.doc, d -> new int[2])[which] = rank;
    }
  }

  /**
   * Cosine of the question with each document's vector, read in doc order; 0 where there is none.
   */
  private double[] similarities(int[] ascendingDocs) throws IOException {
    double[] similarity = new double[ascendingDocs.length];
    if (query.isEmpty()) {
      return similarity;
    }
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    FloatVectorValues values = null;
    for (int i = 0; i < ascendingDocs.length; i++) {
      int doc = ascendingDocs[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      }
      int local = doc - leaf.docBase;
      if (values != null
          && (values.docID() == local
              || (values.docID() < local && values.advance(local) == local))) {
        similarity[i] = dot(query.get(), values.vectorValue());
      }
    }
    return similarity;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
