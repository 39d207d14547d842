package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a reader sees on Telegram, end to end over the fake Bot API, with the seed and a second
 * article (the ECB's rate cut) loaded: answers that lead with the fact, context that follows each
 * reader in a group, "which story do you mean?", and browsing an article by its key points.
 */
class ReaderExperienceIT {
  private static final String DEAL = "How much is the AWS deal worth?";
  private static final String MIGRATION = "When will the migration to AWS start?";
  // "... cut its deposit rate?" is declined by the retrained models (0.15), and main answered it
  // with a wrong ECB passage.
  private static final String ECB_QUESTION = "How much did the ECB cut rates by?";
  private static final String SEED =
      "Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium";
  private static final String ECB =
      "ECB cuts deposit rate to 2.25% as eurozone inflation cools toward target";
  private static final long BEN = 4343L;

  private static Path knowledge;
  private static LiveLibrary library;
  private LiveBot live;

  @BeforeAll
  static void loadCore() throws IOException {
    knowledge = TestKnowledge.copyShippedWithEcb(Files.createTempDirectory("briefbot-reader-"));
    library = LiveBot.library(knowledge);
  }

  @AfterAll
  static void closeCore() throws IOException {
    library.close();
    try (var files = Files.walk(knowledge)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @BeforeEach
  void start() {
    live = LiveBot.polling(library);
  }

  @AfterEach
  void stop() {
    live.close();
  }

  @Test
  void answerLeadsWithTheBoldFactAndTheWholePassageIsATapAway() {
    String key = library.current().answerer().answer(MIGRATION).best().orElseThrow().keySentence();
    live.api.pushPrivateMessage(LiveBot.USER, MIGRATION);

    FakeBotApi.Recorded answer = live.awaitSentContaining("Q1 2025");
    String text = answer.param("text");
    assertThat(text).startsWith("<b>" + Html.escape(key) + "</b>\n\n📰 <i>" + SEED + "</i>");
    assertThat(TelegramHtml.text(text).length()).isLessThan(450);
    assertThat(text).doesNotContain("Industry analysts").doesNotContain("ℹ️ <b>");
    assertThat(LiveBot.buttonLabels(answer))
        .startsWith(TelegramFormatter.WHOLE_PASSAGE, TelegramFormatter.MORE_FROM_ARTICLE);

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(answer),
        LiveBot.callbackData(answer, TelegramFormatter.WHOLE_PASSAGE));

    FakeBotApi.Recorded whole = live.api.awaitRequest("editMessageText", LiveBot.WAIT);
    assertThat(whole.param("text"))
        .startsWith("Industry analysts expect Microsoft")
        .contains("<b>" + Html.escape(key) + "</b>");
  }

  @Test
  void buttonsSayWhereTheyLeadAndNoneRepeatsTheAnswer() {
    live.api.pushPrivateMessage(LiveBot.USER, DEAL);

    FakeBotApi.Recorded answer = live.awaitSentContaining("138 billion");
    List<String> labels = LiveBot.buttonLabels(answer);
    assertThat(labels)
        .filteredOn(l -> l.startsWith("🔎 "))
        .isNotEmpty()
        .allMatch(
            l ->
                l.matches(
                    "🔎 ((Key Takeaways|Context & Background|Why It Matters|What Happens Next"
                        + "|Frequently Asked Questions)[:·] .*|About .*|.*\\?)"))
        .noneMatch(l -> l.contains("138"))
        .noneMatch(l -> l.startsWith("🔎 About Amazon Web Services"));
    assertThat(labels).contains("ℹ️ Amazon Web Services", "ℹ️ OpenAI");
    assertThat(answer.param("text")).doesNotContain("ℹ️");
  }

  @Test
  void anEntityNoteIsShownOnceNotRepeatedUnderTheAnswer() {
    live.api.pushPrivateMessage(LiveBot.USER, "tell me about anapurna");

    FakeBotApi.Recorded answer = live.awaitSentContaining("Israeli microelectronics");
    String text = answer.param("text");
    assertThat(text.indexOf("Israeli microelectronics"))
        .isEqualTo(text.lastIndexOf("Israeli microelectronics"));
    assertThat(LiveBot.buttonLabels(answer)).doesNotContain("ℹ️ Annapurna Labs");
  }

  @Test
  void inAGroupAReplyToAnAnswerFollowsThatAnswerAndOtherwiseTheAskersOwn() {
    live.api.pushGroupMessage(LiveBot.GROUP, LiveBot.USER, "/ask " + DEAL);
    FakeBotApi.Recorded deal = live.awaitSentContaining("138 billion");
    live.api.pushGroupMessage(LiveBot.GROUP, BEN, "/ask " + ECB_QUESTION);
    live.awaitSent(t -> t.contains("<i>" + ECB + "</i>"));

    live.api.pushUpdate(replyInGroup(BEN, live.messageIdOf(deal), "tell me more"));
    FakeBotApi.Recorded benMore = sentAfter(2);
    assertThat(benMore.param("text")).as("Ben replied to the AWS answer").contains(SEED);

    live.api.pushGroupMessage(LiveBot.GROUP, LiveBot.USER, "@" + FakeBotApi.BOT_USERNAME + " why?");
    FakeBotApi.Recorded adaWhy = sentAfter(3);
    assertThat(adaWhy.param("text"))
        .as("Ada's own last answer was about AWS, not the chat's last")
        .contains(SEED)
        .doesNotContain(ECB);
  }

  @Test
  void aQuestionThatNamesNoStoryGetsWhichStoryWithOneButtonPerArticle() {
    live.api.pushPrivateMessage(LiveBot.USER, "What happens next?");

    FakeBotApi.Recorded which = live.awaitSentContaining(Conversation.WHICH_STORY);
    assertThat(LiveBot.buttonLabels(which))
        .containsExactlyInAnyOrder(Html.shorten(SEED, 48), Html.shorten(ECB, 48));

    live.api.pushCallbackQuery(
        LiveBot.USER, LiveBot.USER, live.messageIdOf(which), LiveBot.callbackData(which, "ECB"));

    FakeBotApi.Recorded answer =
        live.awaitSent(t -> t.contains("<i>" + ECB + "</i></a> · What Happens Next"));
    assertThat(answer.param("text")).doesNotContain(Conversation.WHICH_STORY);
  }

  @Test
  void moreGivesKeyPointsWithSectionButtonsNeverTheWholeArticle() {
    live.api.pushPrivateMessage(LiveBot.USER, "/more");
    FakeBotApi.Recorded list = live.awaitSentContaining("Type /more and a few words of a title");
    assertThat(list.param("text"))
        .contains("/more ecb-rate-cut-june")
        .contains("/more aws-openai-trainium");

    live.api.pushPrivateMessage(LiveBot.USER, "/more " + ECB.toLowerCase(java.util.Locale.ROOT));
    FakeBotApi.Recorded points =
        live.awaitSentContaining("cut its deposit facility rate by 25 basis points");
    assertThat(points.param("text")).startsWith("<b>" + ECB + "</b>");
    assertThat(TelegramHtml.text(points.param("text")).length()).isLessThan(1200);
    assertThat(live.sentTexts()).hasSize(2);
    assertThat(LiveBot.buttonLabels(points))
        .contains("📑 Why It Matters", "📑 What Happens Next", "📑 Frequently Asked Questions")
        .doesNotContain("📑 Key Takeaways");

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(points),
        LiveBot.callbackData(points, "📑 Why It Matters"));
    FakeBotApi.Recorded section = live.awaitSentContaining("<i>Why It Matters</i>");
    assertThat(section.param("text")).contains("lowers borrowing costs");
  }

  @Test
  void moreFromThisArticleGivesTheKeyPoints() {
    live.api.pushPrivateMessage(LiveBot.USER, DEAL);
    FakeBotApi.Recorded answer = live.awaitSentContaining("138 billion");

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(answer),
        LiveBot.callbackData(answer, TelegramFormatter.MORE_FROM_ARTICLE));

    FakeBotApi.Recorded points =
        live.awaitSent(t -> t.startsWith("<b>" + Html.escape(SEED) + "</b>"));
    assertThat(points.param("text"))
        .contains("• OpenAI will use AWS's Trainium chips")
        .doesNotContain("Industry analysts");
    assertThat(LiveBot.buttonLabels(points))
        .contains("📑 Context &amp; Background".replace("&amp;", "&"));
  }

  /** The sendMessage after the first {@code n}. */
  private FakeBotApi.Recorded sentAfter(int n) {
    return live.api.awaitRequest(
        "sendMessage", r -> live.api.requests("sendMessage").indexOf(r) >= n, LiveBot.WAIT);
  }

  private String replyInGroup(long userId, int botMessageId, String text) {
    return """
        {"message": {"message_id": %d, "date": 1700000000, "text": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Ben"},
          "chat": {"id": %d, "type": "group", "title": "Readers"},
          "reply_to_message": {"message_id": %d, "date": 1700000000, "text": "(answer)",
            "from": {"id": %d, "is_bot": true, "first_name": "BriefBot", "username": "%s"},
            "chat": {"id": %d, "type": "group", "title": "Readers"}}}}
        """
        .formatted(
            9000 + botMessageId,
            text,
            userId,
            LiveBot.GROUP,
            botMessageId,
            live.api.botId(),
            FakeBotApi.BOT_USERNAME,
            LiveBot.GROUP);
  }
}
