package org.briefbot.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Source;
import org.briefbot.app.Core;
import org.briefbot.config.BriefbotConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chat-neutral conversation on the shipped knowledge: commands, deep links and follow-ups. */
class ConversationTest {
  private static final String DEAL = "How much is the AWS deal worth?";
  private static Core core;
  private static Conversation conversation;

  @BeforeAll
  static void load() {
    core = Core.load(BriefbotConfig.defaults(), Path.of("knowledge"));
    conversation = core.conversation();
  }

  @AfterAll
  static void close() {
    core.close();
  }

  @Test
  void anAnswerStartsAContextAndADeclineKeepsTheOldOne() {
    Turn answered = conversation.reply(DEAL, Optional.empty());
    Turn declined = conversation.reply("What will the weather be like in Lisbon on Sunday?", answered.context());

    assertThat(source(answered).text()).contains("138 billion");
    assertThat(answered.context().orElseThrow().shown()).containsExactly(source(answered).passageId());
    assertThat(((Reply.Answered) declined.reply()).answer().kind()).isEqualTo(Answer.Kind.DECLINED);
    assertThat(declined.context()).isEqualTo(answered.context());
  }

  @Test
  void aNewQuestionStartsANewThreadThatStillSkipsWhatTheChatHasSeen() {
    Turn deal = conversation.reply(DEAL, Optional.empty());
    Turn chips = conversation.reply("Which chips will OpenAI use to train its models?", deal.context());

    Context context = chips.context().orElseThrow();
    assertThat(context.thread().question()).isEqualTo("Which chips will OpenAI use to train its models?");
    assertThat(context.shown()).containsExactly(source(deal).passageId(), source(chips).passageId());
  }

  @Test
  void whyAfterAnAnswerGivesWhyItsArticleMatters() {
    Turn answered = conversation.reply(DEAL, Optional.empty());

    Turn why = conversation.reply("why?", answered.context());

    assertThat(source(why).section()).isEqualTo("why_it_matters");
    assertThat(source(why).articleId()).isEqualTo("aws-openai-trainium");
  }

  @Test
  void tellMeMoreWalksThroughPassagesWithoutRepeatingOne() {
    Optional<Context> context = conversation.reply(DEAL, Optional.empty()).context();
    List<String> shown = new ArrayList<>(context.orElseThrow().shown());

    for (int i = 0; i < 5; i++) {
      Turn more = conversation.reply("tell me more", context);
      shown.add(source(more).passageId());
      context = more.context();
    }

    assertThat(shown).doesNotHaveDuplicates().hasSize(6);
    assertThat(context.orElseThrow().thread().question()).isEqualTo(DEAL);
  }

  @Test
  void whatAboutAsksTheLastQuestionAboutSomethingElse() {
    Turn answered = conversation.reply(DEAL, Optional.empty());

    Turn microsoft = conversation.reply("what about Microsoft?", answered.context());

    assertThat(source(microsoft).text()).contains("Microsoft Azure").contains("$1 billion investment");
    assertThat(microsoft.context().orElseThrow().thread().answered()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tell me more", "why?", "More please!"})
  void aFollowUpWithNothingToFollowAsksForAQuestion(String message) {
    Turn turn = conversation.reply(message, Optional.empty());

    assertThat(turn.reply()).isInstanceOf(Reply.Message.class);
    assertThat(((Reply.Message) turn.reply()).text()).startsWith("Ask me a question first");
    assertThat(turn.context()).isEmpty();
  }

  @Test
  void deepLinksOpenAnEntityOrAnArticle() {
    Turn entity = conversation.reply("/start entity_Amazon_Web_Services", Optional.empty());
    Turn article = conversation.reply("/start more_aws-openai-trainium", Optional.empty());
    Turn plain = conversation.reply("/start", Optional.empty());

    assertThat(((Reply.Answered) entity.reply()).answer().entities().get(0).name()).isEqualTo("Amazon Web Services");
    assertThat(((Reply.Listing) article.reply()).heading()).startsWith("Amazon secures landmark $138B AWS deal");
    assertThat(((Reply.Message) plain.reply()).text()).isEqualTo(Conversation.help());
  }

  @Test
  void passageCommandShowsThatPassageAsAnAnswerToTheThreadsQuestion() {
    Optional<Context> context = conversation.reply(DEAL, Optional.empty()).context();
    String id = "aws-openai-trainium#background#1";

    Turn passage = conversation.reply("/passage " + id, context);

    assertThat(source(passage).passageId()).isEqualTo(id);
    assertThat(((Reply.Answered) passage.reply()).answer().question()).isEqualTo(DEAL);
    assertThat(passage.context().orElseThrow().shown()).endsWith(id);
    assertThat(((Reply.Message) conversation.reply("/passage nope#0", context).reply()).text()).startsWith("I no longer have that passage");
  }

  private static Source source(Turn turn) {
    return ((Reply.Answered) turn.reply()).answer().best().orElseThrow();
  }
}
