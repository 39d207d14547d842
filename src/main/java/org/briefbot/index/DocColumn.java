package org.briefbot.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.util.BytesRef;

/** One binary doc-values column read for documents given in any order. */
final class DocColumn {
  /** What stands for a document without a value in the column: the caller's place {@code i}. */
  interface Missing<T> {
    T at(int i) throws IOException;
  }

  private DocColumn() {}

  /**
   * The decoded values of {@code docs} (top-level doc ids) in {@code field}, into {@code values} in
   * the order given.
   */
  static <T> T[] read(
      IndexReader reader,
      int[] docs,
      String field,
      Function<BytesRef, T> decode,
      Missing<T> missing,
      T[] values)
      throws IOException {
    Integer[] order = new Integer[docs.length];
    Arrays.setAll(order, i -> i);
    // Doc values iterate forwards only: read in doc order, hand back in the caller's order.
    Arrays.sort(order, Comparator.comparingInt(i -> docs[i]));
    List<LeafReaderContext> leaves = reader.leaves();
    int leafIndex = -1;
    BinaryDocValues column = null;
    for (int i : order) {
      int leafOf = ReaderUtil.subIndex(docs[i], leaves);
      LeafReaderContext leaf = leaves.get(leafOf);
      if (leafOf != leafIndex) {
        leafIndex = leafOf;
        column = leaf.reader().getBinaryDocValues(field);
      }
      values[i] =
          column != null && column.advanceExact(docs[i] - leaf.docBase)
              ? decode.apply(column.binaryValue())
              : missing.at(i);
    }
    return values;
  }
}
