package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Source;
import org.briefbot.app.LoadedLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A chat's context survives the trip through the shared store, and unreadable text is no context.
 */
class ContextJsonTest {
  private static LoadedLibrary core;

  @BeforeAll
  static void loadCore() {
    core = TestKnowledge.shippedCore();
  }

  @AfterAll
  static void closeCore() {
    core.close();
  }

  private static Context after(String... messages) {
    Optional<Context> context = Optional.empty();
    for (String message : messages) {
      context = core.conversation().reply(message, context).context();
    }
    return context.orElseThrow();
  }

  @Test
  void readsBackAnAnswerItsFollowUpAndEveryPassageShown() {
    Context context = after("How much is the AWS deal worth?", "why?", "tell me more");

    assertThat(ContextJson.read(ContextJson.write(context))).contains(context);
    assertThat(context.latest()).isNotEqualTo(context.thread());
    assertThat(context.shown()).hasSize(3);
  }

  @Test
  void readsBackAnEntityCard() {
    Context context = after("/entity Annapurna Labs");

    assertThat(ContextJson.read(ContextJson.write(context))).contains(context);
  }

  @Test
  void readsBackTheLinkOfTheAnswersSource() {
    Answer answer = after("How much is the AWS deal worth?").thread();
    Source s = answer.best().orElseThrow();
    Source linked =
        new Source(
            s.passageId(),
            s.text(),
            s.keySentence(),
            s.articleId(),
            s.article(),
            s.section(),
            s.sectionLabel(),
            Optional.of("https://example.com/news/aws"));
    Context context =
        Context.of(
            new Answer(
                answer.question(),
                answer.kind(),
                answer.confidence(),
                Optional.of(linked),
                answer.entities(),
                answer.alternatives()));

    assertThat(ContextJson.read(ContextJson.write(context))).contains(context);
  }

  @Test
  void readsBackEveryKindOfAlternativeAsItsKind() {
    Answer answered = after("How much is the AWS deal worth?").thread();
    Answer withEveryKind =
        new Answer(
            answered.question(),
            answered.kind(),
            answered.confidence(),
            answered.best(),
            answered.entities(),
            List.of(
                new Alternative.Passage(
                    "aws-openai-trainium#why_it_matters#0",
                    "The deal signals a major shift.",
                    "aws-openai-trainium",
                    "AWS and OpenAI",
                    "why_it_matters",
                    0.4),
                new Alternative.Topic("aws-openai-trainium", "AWS and OpenAI", 0.2),
                new Alternative.Entity("Annapurna Labs", 0.1)));
    Context context = Context.of(withEveryKind);

    Context readBack = ContextJson.read(ContextJson.write(context)).orElseThrow();

    assertThat(readBack).isEqualTo(context);
    assertThat(readBack.thread().alternatives())
        .extracting(a -> a.getClass().getSimpleName())
        .containsExactly("Passage", "Topic", "Entity");
  }

  @Test
  void aFollowUpOnTheContextReadBackGetsTheSameReplyAsOnTheOriginal() {
    Context context = after("How much is the AWS deal worth?");
    Optional<Context> readBack = ContextJson.read(ContextJson.write(context));

    assertThat(core.conversation().reply("why?", readBack))
        .isEqualTo(core.conversation().reply("why?", Optional.of(context)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "null",
        "[]",
        "{}",
        "{\"v\": 2, \"thread\": {}}",
        "{\"v\": 1}",
        "{\"v\": 1, \"thread\": {\"question\": 7}, \"shown\": []}",
        "not json at all"
      })
  void textInAnyOtherShapeIsNoContext(String json) {
    assertThat(ContextJson.read(json)).isEmpty();
  }
}
