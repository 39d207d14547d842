package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnalysedTextTest {
  private final TextAnalysis analysis = new TextAnalysis();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "OpenAI Secures a $138 Billion AWS Deal",
        "#AI, #cloud\nthe future of Amazon's chips and the",
        "",
        "the of and"
      })
  void replaysWhatTheAnalyzerGivesEveryTime(String text) throws IOException {
    AnalysedText analysed = new AnalysedText(analysis.analyzer(), Fields.TITLE, text);
    List<String> expected = describe(analysis.analyzer().tokenStream(Fields.TITLE, text));

    assertThat(describe(analysed.tokens())).isEqualTo(expected);
    assertThat(describe(analysed.tokens())).isEqualTo(expected);
  }

  /**
   * Each token as term, position increment and offsets, then the final increment and offset after
   * end().
   */
  private static List<String> describe(TokenStream stream) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (stream) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(
            term
                + " +"
                + increment.getPositionIncrement()
                + " "
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      stream.end();
      tokens.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
    }
    return tokens;
  }
}
