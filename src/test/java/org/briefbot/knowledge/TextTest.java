package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "It is a company. It was founded in 2015 and ... | It is a company.",
    "It is a company. It was founded in 2015 and …   | It is a company.",
    "Held by OpenAI, Inc. and its subsidiary...      | Held by OpenAI, Inc. and its subsidiary…",
    "Ends after J. Smith joined. Then the co...      | Ends after J. Smith joined.",
    "A complete sentence.                            | A complete sentence.",
  })
  void trimsCutOffTextToItsLastCompleteSentence(String text, String trimmed) {
    assertThat(Text.trimCutOff(text)).isEqualTo(trimmed);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "**OpenAI** is `great`                  | OpenAI is great",
    "see [the report](https://example.com)  | see the report",
    "# Heading text                         | Heading text",
    "an *emphasised* word, 5 * 3            | an emphasised word, 5 * 3",
    "cut in **bold                          | cut in bold",
  })
  void stripsMarkdownReadersShouldNotSee(String text, String plain) {
    assertThat(Text.stripMarkdown(text)).isEqualTo(plain);
  }
}
