package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuotesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what did lagarde say | lagarde",
        "What did Christine Lagarde say? | christine lagarde",
        "and what has the FAA said about it? | faa",
        "what did the judge write | judge",
        "what does AMD think | amd",
      })
  void readsWhoseWordsAreAskedFor(String question, String speaker) {
    assertThat(Quotes.speakerAsked(question).map(Quotes.Speaker::words))
        .contains(List.of(speaker.split(" ")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "what happens if regulators say no",
        "what did they say",
        "who said that",
        "what did india think of the deal",
      })
  void otherQuestionsAskForNoOnesWords(String question) {
    assertThat(Quotes.speakerAsked(question)).isEmpty();
  }

  @Test
  void whatWasSaidAboutSomethingIsToldFromWhatWasSaid() {
    assertThat(Quotes.speakerAsked("what did lagarde say about bitcoin"))
        .contains(new Quotes.Speaker(List.of("lagarde"), true));
    assertThat(Quotes.speakerAsked("what did lagarde say"))
        .contains(new Quotes.Speaker(List.of("lagarde"), false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "President Christine Lagarde said the bank is well positioned. | lagarde | true",
        "Judge Amit Mehta wrote that Google is a monopolist. | mehta | true",
        "Christine Lagarde is a French politician and lawyer. | lagarde | false",
        "Rival AMD said similar curbs could cost it $800 million. | lagarde | false",
      })
  void aSentenceReportsTheWordsOfWhomItNames(String sentence, String speaker, boolean reports) {
    assertThat(Quotes.reportsWordsOf(sentence, List.of(speaker))).isEqualTo(reports);
  }
}
