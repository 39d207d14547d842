package org.briefbot.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/**
 * The sentence embeddings of a passage, kept in a doc-values field and read only for the candidates
 * of a question (no HNSW graph: the passage vectors and BM25 find the candidates, sentences refine
 * their scores). Each vector is stored as bytes with one scale per vector, a quarter of the floats'
 * size; the cosine it gives is within about 0.005 of the exact one.
 */
final class SentenceVectors {
  private static final float LEVELS = 127f;

  private SentenceVectors() {}

  /** Adds the packed {@code vectors} to {@code doc}; nothing when there are none. */
  static void add(Document doc, List<float[]> vectors) {
    if (vectors.isEmpty()) {
      return;
    }
    int dimensions = vectors.get(0).length;
    ByteBuffer packed = ByteBuffer.allocate(vectors.size() * (Float.BYTES + dimensions));
    for (float[] vector : vectors) {
      if (vector.length != dimensions) {
        throw new IllegalArgumentException(
            "sentence vectors of one passage differ in length: "
                + vector.length
                + " and "
                + dimensions);
      }
      float scale = maxAbs(vector);
      packed.putFloat(scale);
      for (float value : vector) {
        packed.put(scale == 0 ? 0 : (byte) Math.round(value / scale * LEVELS));
      }
    }
    doc.add(new BinaryDocValuesField(Fields.SENTENCE_VECTORS, new BytesRef(packed.array())));
  }

  /**
   * Per candidate, the highest cosine of the question with one of its sentences, and the cosine of
   * each sentence (in {@code Passage.sentences()} order); a passage without sentence vectors keeps
   * its own cosine and no sentence cosines.
   */
  record Best(double[] similarity, double[][] sentences) {
    /** No sentence known: each passage keeps its own cosine. */
    static Best none(double[] passageSimilarity) {
      double[][] sentences = new double[passageSimilarity.length][];
      Arrays.fill(sentences, new double[0]);
      return new Best(passageSimilarity.clone(), sentences);
    }
  }

  /**
   * The sentence cosines of each of {@code ascendingDocs}; {@code fallback} holds their passage
   * cosines.
   */
  static Best best(IndexReader reader, int[] ascendingDocs, float[] query, double[] fallback)
      throws IOException {
    Best best = Best.none(fallback);
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int i = 0; i < ascendingDocs.length; i++) {
      int doc = ascendingDocs[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(Fields.SENTENCE_VECTORS);
      }
      if (values != null && values.advanceExact(doc - leaf.docBase)) {
        double[] cosines = cosines(values.binaryValue(), query);
        best.sentences()[i] = cosines;
        best.similarity()[i] = Arrays.stream(cosines).max().orElse(fallback[i]);
      }
    }
    return best;
  }

  private static double[] cosines(BytesRef packed, float[] query) {
    ByteBuffer scales = ByteBuffer.wrap(packed.bytes, packed.offset, packed.length);
    int stride = Float.BYTES + query.length;
    double[] cosines = new double[packed.length / stride];
    for (int s = 0, at = packed.offset; s < cosines.length; s++, at += stride) {
      float scale = scales.getFloat(at);
      float sum = 0;
      for (int d = 0, b = at + Float.BYTES; d < query.length; d++, b++) {
        sum += query[d] * packed.bytes[b];
      }
      cosines[s] = sum * scale / LEVELS;
    }
    return cosines;
  }

  private static float maxAbs(float[] vector) {
    float max = 0;
    for (float value : vector) {
      max = Math.max(max, Math.abs(value));
    }
    return max;
  }
}
