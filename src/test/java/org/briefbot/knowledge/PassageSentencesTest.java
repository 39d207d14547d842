package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PassageSentencesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\n",
        "\r",
        "\r\n",
        "\u000B",
        "\f",
        "\u0085",
        "\u2028",
        "\u2029",
        "\n\n",
        "\r\n\r\n",
        " \n "
      })
  void everyLineBreakThePatternKnowsEndsASentence(String lineBreak) {
    String text =
        "Amazon secures a $138 billion AWS deal"
            + lineBreak
            + "OpenAI will use Trainium chips. Migration starts in Q1 2025."
            + lineBreak
            + lineBreak
            + "• A bullet without a full stop"
            + lineBreak;

    List<String> sentences = Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, text).sentences();

    assertThat(sentences).isEqualTo(splitByPattern(text));
    assertThat(sentences)
        .containsExactly(
            "Amazon secures a $138 billion AWS deal",
            "OpenAI will use Trainium chips.",
            "Migration starts in Q1 2025.",
            "• A bullet without a full stop");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n", "\r\n\r\n", "no break at all", "\u2028ends\u2029"})
  void edgesAgreeWithThePattern(String text) {
    assertThat(Passage.of("a", "A", Section.KEY_TAKEAWAY, 0, text).sentences())
        .isEqualTo(splitByPattern(text));
  }

  /** How sentences were cut before: {@code \R}, the pattern for any line break. */
  private static List<String> splitByPattern(String text) {
    List<String> sentences = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        sentences.addAll(Text.sentences(line.strip()));
      }
    }
    return sentences;
  }
}
