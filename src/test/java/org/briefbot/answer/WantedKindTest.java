package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WantedKindTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "How much is the AWS deal worth?                 | AMOUNT",
        "how much did microsoft invest in openai         | AMOUNT",
        "What was the price of oil in March of 1974?     | AMOUNT",
        "what is acme's share price                      | AMOUNT",
        "what was castelmont's profit last year          | AMOUNT",
        "what is corvane aerospace worth                 | AMOUNT",
        "what fees did orravex charge per trade          | AMOUNT",
        "what share of the vote did the party win        | PERCENT",
        "how big is the cloud market                     | NUMBER",
        "How many episodes were in The Daleks' Master Plan? | NUMBER",
        "how much of the market does nvidia have         | PERCENT",
        "How much of the European population did the black death kill? | PERCENT",
        "what percentage of cloud spending is AI         | PERCENT",
        "What is the new deposit rate?                   | PERCENT",
        "when did aws launch                             | DATE",
        "In what year did the crisis begin?              | DATE",
        "how long will the transition take               | DURATION",
        "how old is mathilde corvaux                     | AGE",
        "How old was Tesla when he became a US citizen?  | AGE",
        "who did amazn sign the deal with                | PERSON",
        "After the merger, who became vice president?    | PERSON",
        "Who was the game's leading rusher?              | PERSON",
        "Who normally manages a construction job?        | PERSON",
        "who is the ceo of openai                        | LEADER",
        "whos in charge at the port                      | LEADER",
        "whos footing the bill                           | PERSON",
        "who runs the port authority                     | LEADER",
        "who's the boss at the bakery                    | LEADER",
        "who is acme's ceo                               | LEADER",
        "who is ghanas agriculture minister              | LEADER",
        "Who is the Commissioner of the National Football League? | LEADER",
        "who founded the bakery                          | FOUNDER",
        "who started qingmo                              | FOUNDER",
        "who owns the shiokaze consortium                | OWNER",
        "who is behind the bid                           | OWNER",
        "who did openai start working with               | PERSON",
        "Which company makes Trainium chips?             | ORGANISATION",
        "where is OpenAI headquartered?                  | PLACE",
        "What city hosts the summit?                     | PLACE",
        "What is the name of Harvard's basketball facility? | NAME",
        "why did openai pick amazon?                     | REASON",
        "How and when did the plague reach Europe?       | DATE",
        "what are trainium chips                         | DEFINITION",
        "define ML                                       | DEFINITION",
      })
  void readsTheKindOfAnswerFromTheQuestionWord(String question, AnswerKind kind) {
    assertThat(WantedKind.of(question)).contains(kind);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "what chips will openai use",
        "nvidia market share",
        "is this a major partnership",
        "how are ai companies changing their approach to infrastructure",
        "What did the Shah do when faced with defeat?",
        "what did amazon secure?",
      })
  void wantsNoKindWhenTheWordingDoesNotSay(String question) {
    assertThat(WantedKind.of(question)).isEqualTo(Optional.empty());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "whos the boss at pallendra           | pallendra",
        "who is the ceo of the grid operator  | grid operator",
        "who runs brandauer backstuben        | brandauer backstuben",
        "who is in charge at the port         | port",
      })
  void withoutLeadingKeepsWhatIsLed(String question, String led) {
    assertThat(WantedKind.withoutLeading(question))
        .contains(led)
        .doesNotContainPattern("\\b(?:boss|ceo|runs|charge)\\b");
  }
}
