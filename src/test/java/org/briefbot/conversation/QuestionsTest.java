package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionsTest {
  @Test
  void eachQuestionEndsAtItsQuestionMark() {
    assertThat(Questions.of("How much is the AWS deal worth? Who signed it?"))
        .containsExactly("How much is the AWS deal worth?", "Who signed it?");
  }

  @Test
  void whatLeadsIntoAQuestionStaysWithItAndWhatFollowsTheLastStaysWithTheLast() {
    assertThat(
            Questions.of(
                "I read about the AWS deal. How much is it worth? Who signed it? Just curious"))
        .containsExactly(
            "I read about the AWS deal. How much is it worth?", "Who signed it? Just curious");
  }

  @Test
  void aQuestionTooShortToStandAloneJoinsTheNextOrTheOneBeforeWhenLast() {
    assertThat(Questions.of("AWS deal? How much is it worth? Who signed it? Why?"))
        .containsExactly("AWS deal? How much is it worth?", "Who signed it? Why?");
  }

  @Test
  void moreQuestionsThanAreAnsweredStayWithTheLastOne() {
    List<String> asked =
        Questions.of(
            "Who is OpenAI? What is AWS? What are Trainium chips? Who runs Amazon? Why now?? And who pays?");
    assertThat(asked)
        .hasSize(Questions.MAX)
        .containsExactly(
            "Who is OpenAI?",
            "What is AWS?",
            "What are Trainium chips?",
            "Who runs Amazon? Why now?? And who pays?");
  }

  /** A message of many thousand questions is cut in one pass, not joined one question at a time. */
  @Test
  void aHugeMessageOfQuestionsGivesTheMostAnsweredTheRestWithTheLast() {
    String many = "Who runs it? ".repeat(100_000) + "ok? ".repeat(100_000);

    List<String> asked = Questions.of(many);

    assertThat(asked).hasSize(Questions.MAX);
    assertThat(asked.subList(0, Questions.MAX - 1)).containsOnly("Who runs it?");
    assertThat(String.join(" ", asked).length()).isEqualTo(many.strip().length());
  }

  @Test
  void fullWidthAndArabicQuestionMarksEndQuestionsToo() {
    assertThat(Questions.of("亚马逊 交易 价值 多少？ 谁 签署 了 它？")).hasSize(2);
    assertThat(Questions.of("ما قيمة صفقة أمازون؟ من وقع عليها؟")).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "How much is the AWS deal worth?",
        "How much is the AWS deal worth",
        "Really? How much is the AWS deal worth?",
        "how much?? who signed??",
        "What does example.com/deal?id=3 say about the deal? ok",
        "Is it 3.5%? or 4%",
        "?? ?? ??"
      })
  void aMessageAskingOneQuestionIsAskedWhole(String message) {
    assertThat(Questions.of(message)).containsExactly(message);
  }
}
