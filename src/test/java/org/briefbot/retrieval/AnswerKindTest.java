package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnswerKindTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "What is the new deposit rate? | NONE",
        "How much did the ECB cut rates by? | AMOUNT",
        "What percentage of voters backed it? | PERCENT",
        "When did the Arab oil producers lift the embargo? | DATE",
        "What year was Casimir Pulaski born in Warsaw? | DATE",
        "How long did Julia Butterfly Hill live in a tree? | NUMBER",
        "How many species of trees are in the Saxon Garden? | NUMBER",
        "Who was one of the most famous people born in Warsaw? | PERSON",
        "Where was Chopin born? | PLACE",
        "Why did OPEC cut its oil production? | REASON",
        "What is Trainium? | DEFINITION",
        "Will Amazon build more Trainium chips? | PREDICTION",
        "Why did the oil price rise? | REASON",
        "Who paid for the new stadium? | PERSON",
        "What is the price of a ticket? | AMOUNT",
        "When will the terminal reopen? | DATE",
        "How much of the budget goes to defence? | PERCENT"
      })
  void readsTheKindOfAnswerAQuestionWants(String question, AnswerKind kind) {
    assertThat(AnswerKind.wanted(question)).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "When did the embargo end? | The embargo was lifted in March 1974. | true",
        "When did the 1973 crisis start? | The 1973 crisis shocked markets. | false",
        "How long did she live in a tree? | She lived in the tree for 738 days. | true",
        "Who founded the company? | It was founded by Jeff Bezos in Seattle. | true",
        "Who founded the company? | it was founded long ago. | false",
        "How much is the AWS deal worth? | Amazon secures a $138 billion AWS deal. | true"
      })
  void findsTheWantedKindOnlyWhenTheSentenceAddsIt(
      String question, String sentence, boolean stated) {
    assertThat(AnswerKind.wanted(question).statedIn(sentence, AnswerKind.words(question)))
        .isEqualTo(stated);
  }
}
