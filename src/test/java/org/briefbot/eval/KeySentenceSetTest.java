package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.KeySentenceRows;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.rank.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What {@code train --key-sentences-only} fits on: the sentences of the passage the bot answers
 * with, on the real seed index with its sentence vectors, the one holding the answer labelled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeySentenceSetTest {
  private LoadedLibrary core;

  @BeforeAll
  void load() {
    core = TestKnowledge.shippedCore();
  }

  @AfterAll
  void close() {
    core.close();
  }

  @Test
  void labelsTheSentenceOfTheAnswersPassageThatHoldsTheAnswer() {
    KeySentenceSet set = new KeySentenceSet();

    set.add(core.answerer(), new GoldQuestion("when will the migration start", List.of("Q1 2025")));

    assertThat(set.questions()).isEqualTo(1);
    Table table = set.table();
    assertThat(table.groups()).hasSize(1);
    assertThat(table.columns()).isEqualTo(KeySentenceRows.columns());
    assertThat(table.rows()).isEqualTo(table.groups()[0]).isGreaterThan(1);
    float sum = 0;
    for (float label : table.labels()) {
      sum += label;
    }
    assertThat(sum).isEqualTo(1);
  }

  @Test
  void leavesOutQuestionsThatSayNothingAboutWhichSentenceAnswers() {
    KeySentenceSet set = new KeySentenceSet();

    set.add(core.answerer(), new GoldQuestion("what is the capital of australia", List.of()));
    set.add(
        core.answerer(),
        new GoldQuestion("when will the migration start", List.of("a string no passage has")));

    assertThat(set.questions()).isZero();
  }
}
