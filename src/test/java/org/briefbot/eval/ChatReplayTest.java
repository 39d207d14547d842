package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChatReplayTest {
  private static final String DEAL = "How much is the AWS deal worth?";
  private final LoadedLibrary core = TestKnowledge.shippedCore();

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void eachQuestionFollowsTheAnswerBeforeIt() {
    ChatReplay chat = new ChatReplay(core.conversation());

    Answer deal = chat.apply(DEAL);
    Answer more = chat.apply("tell me more");

    assertThat(deal.best().orElseThrow().text()).contains("138 billion");
    assertThat(more.kind()).isEqualTo(Answer.Kind.PASSAGE);
    assertThat(more.best().orElseThrow().articleId())
        .isEqualTo(deal.best().orElseThrow().articleId());
    assertThat(more.best().orElseThrow().passageId())
        .isNotEqualTo(deal.best().orElseThrow().passageId());
  }

  @Test
  void aReplyThatAnswersNothingCountsAsADecline() {
    Answer more = new ChatReplay(core.conversation()).apply("tell me more");

    assertThat(more.kind()).isEqualTo(Answer.Kind.DECLINED);
    assertThat(more.question()).isEqualTo("tell me more");
  }

  @Test
  void goldEvalScoresTheChatsAnswersInTheFilesOrder() {
    List<GoldQuestion> questions =
        List.of(
            new GoldQuestion("tell me more", List.of("138 billion")),
            new GoldQuestion(DEAL, List.of("138 billion")));

    GoldReport report =
        new GoldEval().run(core.answerer(), questions, new ChatReplay(core.conversation()));

    assertThat(report.answerable()).isEqualTo(2);
    assertThat(report.hit1()).isEqualTo(0.5);
    assertThat(report.falseDeclines()).isEqualTo(1);
  }
}
