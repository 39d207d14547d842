package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FollowUpTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tell me more | MORE",
        "why? | WHY",
        "what about Microsoft? | ABOUT",
        "source? | SOURCE",
        "What's the source | SOURCE",
        "link please | SOURCE",
        "where is this from? | SOURCE",
        "where did you get that | SOURCE",
        "When was this published? | SOURCE",
        "how old is this article | SOURCE",
        "is this story recent? | SOURCE",
        "can I read the full article? | SOURCE",
        "when? | ASKED_AGAIN",
        "How long? | ASKED_AGAIN",
        "and when was that? | ASKED_AGAIN",
        "by when? | ASKED_AGAIN",
        "who? | ASKED_AGAIN",
        "who said that? | SAID_BY",
        "According to whom? | SAID_BY",
        "says who? | SAID_BY",
      })
  void recognisesAFollowUp(String message, FollowUp.Kind kind) {
    assertThat(FollowUp.of(message)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(kind));
  }

  /** "how old is it" asks about what the answer was about, a company or a person. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "how old is it?",
        "is it new?",
        "what's the date of the strike?",
        "source of the leak?",
        "when did the strike start?",
        "how long is the deal?",
        "who said the deal was worth $138 billion?"
      })
  void aQuestionAboutWhatTheAnswerSaidIsNoneOfThem(String message) {
    assertThat(FollowUp.of(message)).isEmpty();
  }

  @Test
  void aQuestionWordAloneKeepsTheWordItAsksWith() {
    assertThat(FollowUp.of("And how much was that?"))
        .contains(new FollowUp(FollowUp.Kind.ASKED_AGAIN, "how much"));
  }

  /**
   * No question readers asked of an article is taken for one about where an answer comes from, for
   * a question word alone, or for "who said that?".
   */
  @Test
  void noGoldQuestionIsTakenForAFollowUpThatNeedsAnAnswerBeforeIt() throws IOException {
    List<String> questions = TestKnowledge.goldQuestions();
    Set<FollowUp.Kind> needAnAnswerFirst =
        Set.of(FollowUp.Kind.SOURCE, FollowUp.Kind.ASKED_AGAIN, FollowUp.Kind.SAID_BY);

    assertThat(questions).hasSizeGreaterThan(400);
    assertThat(questions)
        .filteredOn(
            q -> FollowUp.of(q).filter(f -> needAnAnswerFirst.contains(f.kind())).isPresent())
        .isEmpty();
  }
}
