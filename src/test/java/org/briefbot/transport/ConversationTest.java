package org.briefbot.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.briefbot.TestKnowledge;
import org.briefbot.app.Core;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationTest {
  private final Core core = TestKnowledge.shippedCore();
  private final Conversation conversation = core.conversation();

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void helpListsEveryCommand() {
    String help = ((Reply.Message) conversation.handle("/help")).text();
    Conversation.COMMANDS.forEach(c -> assertThat(help).contains(c.usage()));
  }

  @Test
  void plainTextIsAQuestion() {
    Reply.Answered reply = (Reply.Answered) conversation.handle("what chips will openai use");
    assertThat(reply.answer().best().orElseThrow().text()).contains("Trainium");
    assertThat(reply.notice()).isEmpty();
  }

  @Test
  void askCommandIsAQuestionToo() {
    Reply.Answered reply = (Reply.Answered) conversation.handle("/ask how much did microsoft invest in openai");
    assertThat(reply.answer().best().orElseThrow().text()).contains("$1 billion investment");
  }

  @Test
  void entitiesListsEveryEntityWithItsCommand() {
    Reply.Listing listing = (Reply.Listing) conversation.handle("/entities");
    assertThat(listing.items()).extracting(Reply.Item::label).contains("OpenAI", "Annapurna Labs", "Amazon Web Services");
    assertThat(listing.items()).extracting(Reply.Item::command).contains("/entity OpenAI");
  }

  @Test
  void topicsAndSourcesNameTheArticle() {
    Reply.Listing topics = (Reply.Listing) conversation.handle("/topics");
    assertThat(topics.items()).extracting(Reply.Item::label).containsExactly("Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium");
    Reply.Listing sources = (Reply.Listing) conversation.handle("/sources");
    assertThat(sources.items().get(0).detail()).startsWith("aws-openai-trainium.txt");
  }

  @Test
  void moreListsTheArticlesPassages() {
    Reply.Listing more = (Reply.Listing) conversation.handle("/more aws-openai-trainium");
    assertThat(more.items().get(0).label()).isEqualTo("Amazon secures a $138 billion AWS deal with OpenAI.");
    assertThat(((Reply.Message) conversation.handle("/more nothing")).text()).contains("no article \"nothing\"");
  }

  @Test
  void unknownCommandSaysSo() {
    assertThat(((Reply.Message) conversation.handle("/frobnicate")).text()).isEqualTo("I don't know the command /frobnicate. Type /help to see what I understand.");
  }

  @Test
  void emptyMessageGetsAHint() {
    assertThat(((Reply.Message) conversation.handle("   ")).text()).contains("/help");
  }

  @Test
  void longMessageIsAnsweredWithANotice() {
    Reply.Answered reply = (Reply.Answered) conversation.handle("x".repeat(10_000));
    assertThat(reply.notice()).contains("Your message is long, so I read its first 1000 characters.");
    assertThat(reply.answer().answered()).isFalse();
  }
}
