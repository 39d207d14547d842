package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "It is a company. It was founded in 2015 and ... | It is a company. It was founded in 2015 and…",
        "It is a company. Its boss is Ann Lee...          | It is a company. Its boss is Ann Lee…",
        "It is a company. It was founded …                | It is a company.",
        "It is a company. ...                             | It is a company.",
        "Held by OpenAI, Inc. and its subsidiary...       | Held by OpenAI, Inc. and its subsidiary…",
        "Ends after J. Smith joined. Then the co...       | Ends after J. Smith joined.",
        "It is big. It is used with scaling (a process... | It is big.",
        "It is big. It (the ship) sank near Oslo...       | It is big. It (the ship) sank near Oslo…",
        "It is big. In machine learning, advances i...    | It is big. In machine learning, advances…",
        "It is big. It is known as Plan B...              | It is big. It is known as Plan B…",
        "It is big. Used with (a process...               | It is big.",
        "A complete sentence.                             | A complete sentence.",
      })
  void keepsWhatACutOffSentenceSaysUnlessItIsAFewWords(String text, String trimmed) {
    assertThat(Text.trimCutOff(text)).isEqualTo(trimmed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "**OpenAI** is `great`                  | OpenAI is great",
        "see [the report](https://example.com)  | see the report",
        "# Heading text                         | Heading text",
        "an *emphasised* word, 5 * 3            | an emphasised word, 5 * 3",
        "cut in **bold                          | cut in bold",
      })
  void stripsMarkdownReadersShouldNotSee(String text, String plain) {
    assertThat(Text.stripMarkdown(text)).isEqualTo(plain);
  }

  /** The shortcuts before the regular expressions must not change what they give. */
  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {
        "- Amazon secures a deal.|Amazon secures a deal.",
        "• Amazon secures a deal.|Amazon secures a deal.",
        "12) Amazon secures a deal.|Amazon secures a deal.",
        "3. Amazon secures a deal.|Amazon secures a deal.",
        "2025 was a record year.|2025 was a record year.",
        "Amazon secures a deal.|Amazon secures a deal.",
        "-Amazon|-Amazon",
      })
  void stripsOnlyListMarkers(String text, String stripped) {
    assertThat(Text.stripBullet(text)).isEqualTo(stripped);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "it was founded in 2015 and ...     | true",
        "it was founded in 2015 and …       | true",
        "it was founded in 2015.            | false",
        "two dots..                         | false",
        "no end at all                      | false",
      })
  void seesCutOffEnds(String text, boolean cutOff) {
    assertThat(Text.endsWithEllipsis(text)).isEqualTo(cutOff);
    assertThat(Text.endsWithEllipsis(text + "\n"))
        .as("before a final line break, as '$' allows")
        .isEqualTo(cutOff);
  }
}
