package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SummaryTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "tldr",
        "TL;DR",
        "summary please",
        "Summarize it",
        "can you summarise this for me?",
        "give me a quick summary",
        "What are the key points?",
        "sum it up",
        "in a nutshell?",
        "summary of it",
      })
  void asksForASummaryOfTheChatsStory(String message) {
    assertThat(Summary.of(message)).contains(new Summary(Optional.empty(), false));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "summarize the aws deal | aws deal",
        "Give me a summary of the ECB story | ECB",
        "key points of the rate cut article? | rate cut",
        "what's the gist of the boeing story? | boeing",
        "brief me on COP29 please | COP29",
        "tl;dr of the nvidia news | nvidia",
        "Could you sum up the Google ruling | Google ruling",
        "anything about boeing? | boeing",
        "Any news on the ECB | ECB",
        "do you have anything on COP29? | COP29",
        "what's the latest on Nvidia? | Nvidia",
        "latest news on Nvidia | Nvidia",
        "what is the news about OpenAI | OpenAI",
        "whats going on with google | google",
        "what's happening at Boeing? | Boeing",
        "nvidia news | nvidia",
        "latest boeing news | boeing",
        "summarize the latest boeing story | boeing",
      })
  void namesTheStoryWithoutTheWordsAroundIt(String message, String story) {
    assertThat(Summary.of(message).flatMap(Summary::story)).contains(story);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what's the latest on Nvidia? | true",
        "latest news on Nvidia | true",
        "latest boeing news | true",
        "summarize the latest boeing story | true",
        "anything about boeing? | false",
        "nvidia news | false",
        "Give me a summary of the ECB story | false",
      })
  void asksForTheLatestOnlyWhenItSaysSo(String message, boolean latest) {
    assertThat(Summary.of(message).map(Summary::latest)).contains(latest);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "How much is the AWS deal worth?",
        "what does the summary judgment mean",
        "who wrote the summary",
        "tell me more",
        "is this good news?",
        "what is the bad news",
        "what happened to alaska airlines flight 1282?",
        "anything agreed on carbon markets?",
        "what's new in the AWS deal?",
      })
  void aQuestionIsNoRequestForASummary(String message) {
    assertThat(Summary.of(message)).isEmpty();
  }

  @Test
  void noGoldQuestionIsTakenForARequestForASummary() throws IOException {
    List<String> questions = TestKnowledge.goldQuestions();

    assertThat(questions).hasSizeGreaterThan(400);
    assertThat(questions).filteredOn(q -> Summary.of(q).isPresent()).isEmpty();
  }
}
