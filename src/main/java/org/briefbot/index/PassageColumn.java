package org.briefbot.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * Each passage, whole, in one binary doc-values column: how hits become passages. Stored fields are
 * compressed in blocks, so loading one passage decompresses its neighbours too, and a question
 * loads up to 50; doc values are plain bytes read from the memory-mapped file.
 */
final class PassageColumn {
  private static final Section[] SECTIONS = Section.values();

  private PassageColumn() {}

  static BytesRef encode(Passage passage) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      writeString(out, passage.id());
      writeString(out, passage.articleId());
      writeString(out, passage.articleTitle());
      out.writeVInt(passage.section().ordinal());
      out.writeVInt(passage.position());
      writeString(out, passage.text());
      writeStrings(out, passage.questions());
      writeStrings(out, passage.entities());
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  /** The passages of {@code docs} (top-level doc ids), in the order given. */
  static Passage[] read(IndexReader reader, int[] docs) throws IOException {
    return DocColumn.read(
        reader,
        docs,
        Fields.PASSAGE,
        PassageColumn::decode,
        i -> {
          throw new IOException("document " + docs[i] + " has no passage column");
        },
        new Passage[docs.length]);
  }

  static Passage decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    return new Passage(
        readString(in, bytes),
        readString(in, bytes),
        readString(in, bytes),
        SECTIONS[in.readVInt()],
        in.readVInt(),
        readString(in, bytes),
        readStrings(in, bytes),
        readStrings(in, bytes));
  }

  private static void writeString(ByteBuffersDataOutput out, String s) throws IOException {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    out.writeVInt(utf8.length);
    out.writeBytes(utf8, utf8.length);
  }

  private static void writeStrings(ByteBuffersDataOutput out, List<String> values)
      throws IOException {
    out.writeVInt(values.size());
    for (String value : values) {
      writeString(out, value);
    }
  }

  private static String readString(ByteArrayDataInput in, BytesRef bytes) {
    int length = in.readVInt();
    String s = new String(bytes.bytes, in.getPosition(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return s;
  }

  private static List<String> readStrings(ByteArrayDataInput in, BytesRef bytes) {
    int size = in.readVInt();
    List<String> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(readString(in, bytes));
    }
    return values;
  }
}
