package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.briefbot.TestConfig;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.junit.jupiter.api.Test;

/** What a fold tells its listener (the pairs `folds --pairs` writes) on the seed article. */
class FoldScoreTest {
  record Heard(String question, boolean inScope, boolean hit, Answer answer) {
    double confidence() {
      return answer.confidence();
    }
  }

  @Test
  void tellsTheListenerEveryQuestionOnceWithWhatTheFiguresCount() {
    BriefbotConfig d = TestConfig.defaults();
    BriefbotConfig config =
        new BriefbotConfig(
            d.knowledge(),
            d.retrieval(),
            new BriefbotConfig.AnswerConfig(0, 3, 3, 1000),
            d.telegram(),
            d.admins(),
            d.store(),
            d.web());
    List<GoldQuestion> asked =
        List.of(
            new GoldQuestion("Why did OpenAI pick Amazon?", List.of("Trainium")),
            new GoldQuestion("Who founded the ECB?", List.of("Jean Monnet")));
    List<Heard> heard = new ArrayList<>();
    FoldScore score;
    try (LoadedLibrary library = TestConfig.load(config, Path.of("knowledge"))) {
      score =
          FoldScore.of(
              library.answerer(),
              asked,
              Map.of(),
              List.of("How much did the ECB cut rates by?"),
              (q, answer, inScope, hit) -> heard.add(new Heard(q, inScope, hit, answer)));
    }

    assertThat(heard)
        .extracting(Heard::question)
        .containsExactly(
            "Why did OpenAI pick Amazon?",
            "Who founded the ECB?",
            "How much did the ECB cut rates by?");
    assertThat(heard).extracting(Heard::inScope).containsExactly(true, true, false);
    assertThat(heard.get(1).hit()).isFalse();
    assertThat(heard.get(2).hit()).isFalse();
    for (int i = 0; i < 2; i++) {
      assertThat(heard.get(i).hit()).isEqualTo(score.answerable().get(i).hit());
      assertThat(heard.get(i).confidence()).isEqualTo(score.answerable().get(i).confidence());
    }
    assertThat(heard.get(2).confidence()).isEqualTo(score.absent()[0]);
  }

  @Test
  void writesAPairAsOneLineOfSevenFields() {
    BriefbotConfig config = TestConfig.defaults();
    Answer answer;
    try (LoadedLibrary library = TestConfig.load(config, Path.of("knowledge"))) {
      answer = library.answerer().answer("Why did OpenAI pick Amazon?");
    }

    String line =
        FoldScore.pairLine("A->B", "why\tdid OpenAI\npick Amazon?", answer, true, false)
            .orElseThrow();

    String[] fields = line.split("\t", -1);
    assertThat(fields).hasSize(7);
    assertThat(fields[0]).isEqualTo("A->B");
    assertThat(fields[1]).isEqualTo("1");
    assertThat(fields[2]).isEqualTo("0");
    assertThat(Double.parseDouble(fields[3])).isEqualTo(answer.confidence());
    assertThat(fields[4]).isEqualTo("why did OpenAI pick Amazon?");
    assertThat(fields[5]).isEqualTo(answer.best().orElseThrow().text().replace('\n', ' '));
    assertThat(line).doesNotContain("\n");
  }
}
