package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A text analysed once and replayed as often as it is indexed: an article's title and context are
 * fields of each of its passages (twenty on average), and analysing them again for every passage
 * was a third of the indexing work. The replay gives the index writer exactly the tokens, position
 * increments and offsets the analyzer gave, so the index is the same.
 */
final class AnalysedText {
  private final List<String> terms = new ArrayList<>();
  private final List<int[]> positions = new ArrayList<>(); // {increment, start offset, end offset}
  private final int finalIncrement;
  private final int finalOffset;

  AnalysedText(Analyzer analyzer, String field, String text) {
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
        positions.add(
            new int[] {increment.getPositionIncrement(), offset.startOffset(), offset.endOffset()});
      }
      stream.end();
      finalIncrement = increment.getPositionIncrement();
      finalOffset = offset.endOffset();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text from a String cannot fail", e);
    }
  }

  /** A fresh stream of the analysed tokens; an index writer consumes one per field it indexes. */
  TokenStream tokens() {
    return new Replay();
  }

  private final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute increment =
        addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private int next;

    @Override
    public boolean incrementToken() {
      if (next >= terms.size()) {
        return false;
      }
      clearAttributes();
      int[] position = positions.get(next);
      term.setEmpty().append(terms.get(next));
      increment.setPositionIncrement(position[0]);
      offset.setOffset(position[1], position[2]);
      next++;
      return true;
    }

    @Override
    public void end() throws IOException {
      super.end();
      increment.setPositionIncrement(finalIncrement);
      offset.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
