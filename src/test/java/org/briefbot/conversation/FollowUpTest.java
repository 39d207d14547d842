package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
        "source of the leak?"
      })
  void aQuestionAboutWhatTheAnswerSaidIsNoneOfThem(String message) {
    assertThat(FollowUp.of(message)).isEmpty();
  }

  /** No question readers asked of an article is taken for one about where an answer comes from. */
  @Test
  void noGoldQuestionIsTakenForAskingWhereTheAnswerComesFrom() throws IOException {
    List<String> questions = TestKnowledge.goldQuestions();

    assertThat(questions).hasSizeGreaterThan(400);
    assertThat(questions)
        .filteredOn(q -> FollowUp.of(q).filter(f -> f.kind() == FollowUp.Kind.SOURCE).isPresent())
        .isEmpty();
  }
}
