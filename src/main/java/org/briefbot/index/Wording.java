package org.briefbot.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.briefbot.knowledge.Passage;

/**
 * A passage's words with its figures left out, as a few numbers: how a copy of it in another
 * article is told. A running story's update repeats the earlier articles' background word for word
 * and restates their facts with new figures or a changed word ("to 3.50%" then "to 3.25%", "first
 * cut" then "second cut"). The words are cut into {@value #PARTS} runs, each hashed: two texts of
 * as many words whose runs all match but one say the same thing, one detail apart. Computed when
 * the passage is indexed, since every candidate of every question is compared.
 */
public final class Wording {
  /**
   * Texts shorter than this are never copies: "Yes." or "Not yet." in two stories' FAQs answer
   * different questions.
   */
  public static final int MIN_WORDS = 8;

  static final int PARTS = 8;

  private static final int FNV_OFFSET = 0x811c9dc5;
  private static final int FNV_PRIME = 0x01000193;

  private final int words;
  private final int[] parts;

  private Wording(int words, int[] parts) {
    this.words = words;
    this.parts = parts;
  }

  /** The wording of {@code text}: lower case, each run of figures one mark ("3.50%," as "#%,"). */
  public static Wording of(String text) {
    int[] hashes = wordHashes(text);
    int[] parts = new int[PARTS];
    for (int p = 0; p < PARTS; p++) {
      int hash = FNV_OFFSET;
      for (int w = p * hashes.length / PARTS; w < (p + 1) * hashes.length / PARTS; w++) {
        hash = (hash ^ hashes[w]) * FNV_PRIME;
      }
      parts[p] = hash;
    }
    return new Wording(hashes.length, parts);
  }

  /**
   * Whether the two say the same thing, one detail apart: as many words, all runs but one alike.
   */
  public boolean copies(Wording other) {
    if (words != other.words || !longEnough()) {
      return false;
    }
    int differing = 0;
    for (int p = 0; p < PARTS; p++) {
      differing += parts[p] == other.parts[p] ? 0 : 1;
    }
    return differing <= 1;
  }

  /** Whether the text is long enough to be taken for a copy. */
  public boolean longEnough() {
    return words >= MIN_WORDS;
  }

  /**
   * The first ({@code which} 0) or second half of the runs, with the word count: copies share one
   * of them, since they differ in one run at most.
   */
  public long half(int which) {
    long key = ((long) words << 1) | which;
    for (int p = which * PARTS / 2; p < (which + 1) * PARTS / 2; p++) {
      key = key * 31 + parts[p];
    }
    return key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Wording other && words == other.words && Arrays.equals(parts, other.parts);
  }

  @Override
  public int hashCode() {
    return 31 * words + Arrays.hashCode(parts);
  }

  @Override
  public String toString() {
    return "Wording[words=" + words + "]";
  }

  private static int[] wordHashes(String text) {
    int[] hashes = new int[Math.max(MIN_WORDS, text.length() / 5)];
    int count = 0;
    int word = FNV_OFFSET;
    boolean inWord = false;
    boolean inNumber = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isWhitespace(c)) {
        if (inWord) {
          if (count == hashes.length) {
            hashes = Arrays.copyOf(hashes, count * 2);
          }
          hashes[count++] = word;
          word = FNV_OFFSET;
        }
        inWord = false;
        inNumber = false;
        continue;
      }
      boolean figure =
          Character.isDigit(c)
              || (inNumber
                  && (c == '.' || c == ',')
                  && i + 1 < text.length()
                  && Character.isDigit(text.charAt(i + 1)));
      if (!figure || !inNumber) {
        word = (word ^ (figure ? '#' : Character.toLowerCase(c))) * FNV_PRIME;
      }
      inNumber = figure;
      inWord = true;
    }
    return Arrays.copyOf(hashes, count);
  }

  static BytesRef encode(String text) {
    Wording wording = of(text);
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(wording.words);
      for (int part : wording.parts) {
        out.writeInt(part);
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return new BytesRef(out.toArrayCopy());
  }

  private static Wording decode(BytesRef bytes) {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int words = in.readVInt();
    int[] parts = new int[PARTS];
    for (int p = 0; p < PARTS; p++) {
      parts[p] = in.readInt();
    }
    return new Wording(words, parts);
  }

  /**
   * The wordings of {@code docs} (top-level doc ids), in the order given; worked out from the
   * passage's text for a document indexed without its column.
   */
  static Wording[] read(IndexReader reader, int[] docs, Passage[] passages) throws IOException {
    return DocColumn.read(
        reader,
        docs,
        Fields.WORDING,
        Wording::decode,
        i -> of(passages[i].text()),
        new Wording[docs.length]);
  }
}
