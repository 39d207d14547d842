package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.briefbot.knowledge.Section;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionShapeTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          why does it mater?                 | why does it matter?                 | WHY_IT_MATTERS
          why is this deal so importnat      | why is this deal so important       | WHY_IT_MATTERS
          what hsppens next?                 | what happens next?                  | WHAT_HAPPENS_NEXT
          Backgrround on openai and microsoft | background on openai and microsoft | BACKGROUND
          """)
  void aSlipInTheWordsThatAskForASectionIsSpeltRight(String asked, String read, Section section) {
    String spelt = QuestionShape.askingWordsSpelt(asked);

    assertThat(spelt).isEqualTo(read);
    assertThat(QuestionShape.of(asked).section()).isEmpty();
    assertThat(QuestionShape.of(spelt).section()).contains(section);
  }

  @ParameterizedTest
  @CsvSource({
    "dfine ML, define ML, ML",
    "explian trainium chips, explain trainium chips, trainium chips"
  })
  void aSlipInTheWordsThatAskWhatSomethingIsIsSpeltRight(String asked, String read, String name) {
    String spelt = QuestionShape.askingWordsSpelt(asked);

    assertThat(spelt).isEqualTo(read);
    assertThat(QuestionShape.of(spelt).entityName()).contains(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Already asks for a section.
        "why does it matter?",
        // One slip from "context", but a word of its own.
        "who won the contest",
        // "matter" asks for a section only in "why does it matter".
        "what is the mater with the deal",
        "how much did the deal cost",
        // Asks what something is already.
        "what is the defined benefit"
      })
  void aQuestionThatAsksForNoSectionWithASlipIsLeftAsAsked(String asked) {
    assertThat(QuestionShape.askingWordsSpelt(asked)).isEqualTo(asked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"what happen next", "What happens next?", "what will happen"})
  void whatHappensNextIsAskedInMoreThanOneWay(String asked) {
    assertThat(QuestionShape.of(asked).section()).contains(Section.WHAT_HAPPENS_NEXT);
  }
}
