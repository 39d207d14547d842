package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.briefbot.app.LiveLibrary;
import org.briefbot.store.Reason;
import org.briefbot.store.Stats;
import org.briefbot.store.UnansweredGroup;
import org.briefbot.store.Vote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning loop on Telegram, with the store on SQLite: answers carry vote buttons, a vote is
 * committed before its button stops spinning, a second tap changes it, declined and down-voted
 * questions reach the unanswered log, and a store outage costs the buttons, never the answer.
 */
class FeedbackIT {
  private static final String DEAL = "How much is the AWS deal worth?";
  private static final String WEATHER = "What will the weather be like in Lisbon on Sunday?";

  private static LiveLibrary library;

  @BeforeAll
  static void loadKnowledge() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeKnowledge() {
    library.close();
  }

  @Test
  void everyAnswerCarriesVoteButtonsForItsRecordedAnswer() {
    try (LiveBot live = LiveBot.polling(library)) {
      live.api.pushPrivateMessage(LiveBot.USER, DEAL);

      FakeBotApi.Recorded answer = live.awaitSentContaining("138 billion");
      assertThat(LiveBot.buttonLabels(answer)).endsWith(Replies.UP, Replies.DOWN);
      String up = LiveBot.callbackData(answer, Replies.UP);
      assertThat(up).matches("v:\\d+:u").hasSizeLessThanOrEqualTo(CallbackData.MAX_BYTES);
      assertThat(LiveBot.callbackData(answer, Replies.DOWN)).isEqualTo(up.replace(":u", ":d"));
      assertThat(live.store.admin().stats(Instant.EPOCH).questions()).isEqualTo(1);
    }
  }

  @Test
  void aSecondTapChangesTheVoteAndEachIsCommittedBeforeTheButtonIsAnswered() {
    try (LiveBot live = LiveBot.polling(library)) {
      live.api.pushPrivateMessage(LiveBot.USER, DEAL);
      FakeBotApi.Recorded answer = live.awaitSentContaining("138 billion");
      int messageId = live.messageIdOf(answer);

      assertThat(tap(live, messageId, LiveBot.callbackData(answer, Replies.UP)))
          .isEqualTo(ChatStore.THANKS);
      assertThat(votes(live))
          .containsExactly(1L, 0L); // read once Telegram heard back: the vote was committed before
      assertThat(tap(live, messageId, LiveBot.callbackData(answer, Replies.UP)))
          .isEqualTo(ChatStore.UNCHANGED);
      assertThat(tap(live, messageId, LiveBot.callbackData(answer, Replies.DOWN)))
          .isEqualTo(ChatStore.CHANGED);

      assertThat(votes(live)).containsExactly(0L, 1L);
      assertThat(live.store.admin().topUnanswered(10, Instant.EPOCH))
          .singleElement()
          .satisfies(
              group -> {
                assertThat(group.question()).isEqualTo(DEAL);
                assertThat(group.reasons()).containsExactly(Reason.VOTED_DOWN);
              });
    }
  }

  @Test
  void aDeclinedQuestionGetsNoVoteButtonsAndIsInTheUnansweredLogWithTheTopicsOffered() {
    try (LiveBot live = LiveBot.polling(library)) {
      live.api.pushPrivateMessage(LiveBot.USER, WEATHER);

      FakeBotApi.Recorded sorry =
          live.awaitSentContaining(TelegramFormatter.DECLINED.substring(0, 30));
      assertThat(LiveBot.buttonLabels(sorry)).doesNotContain(Replies.UP, Replies.DOWN);
      List<UnansweredGroup> logged = live.store.admin().topUnanswered(10, Instant.EPOCH);
      assertThat(logged)
          .singleElement()
          .satisfies(
              group -> {
                assertThat(group.question()).isEqualTo(WEATHER);
                assertThat(group.reasons()).containsExactly(Reason.DECLINED);
                assertThat(group.candidates()).containsExactly("topic:aws-openai-trainium");
              });
    }
  }

  @Test
  void aVoteOnAnAnswerTheStoreDoesNotKnowSaysSo() {
    try (LiveBot live = LiveBot.polling(library)) {
      assertThat(tap(live, 1, CallbackData.vote(987_654, Vote.UP))).isEqualTo(ChatStore.TOO_OLD);
    }
  }

  @Test
  void theChatContextIsInTheStoreSoAFollowUpAfterARestartKnowsTheAnswer(@TempDir Path dir) {
    String store = "jdbc:sqlite:" + dir.resolve("briefbot.db");
    try (LiveBot before = LiveBot.polling(library, store)) {
      before.api.pushPrivateMessage(LiveBot.USER, DEAL);
      before.awaitSentContaining("138 billion");
    }

    try (LiveBot after = LiveBot.polling(library, store)) {
      after.api.pushPrivateMessage(LiveBot.USER, "why?");

      assertThat(after.awaitSentContaining("· Why It Matters").param("text"))
          .contains("largest cloud computing contract");
    }
  }

  @Test
  void duringAStoreOutageAnswersGoOutWithoutVoteButtonsAndTheOutageIsLoggedLoudly(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("data"), "a file where the store's folder should be");
    try (LiveBot live =
        LiveBot.polling(library, "jdbc:sqlite:" + dir.resolve("data/briefbot.db"))) {
      live.api.pushPrivateMessage(LiveBot.USER, DEAL);
      FakeBotApi.Recorded answer = live.awaitSentContaining("138 billion");
      assertThat(LiveBot.buttonLabels(answer))
          .isNotEmpty()
          .doesNotContain(Replies.UP, Replies.DOWN);

      assertThat(tap(live, live.messageIdOf(answer), CallbackData.vote(1, Vote.UP)))
          .isEqualTo(ChatStore.UNAVAILABLE);
      live.api.pushPrivateMessage(
          LiveBot.USER, "why?"); // no context without the store: the chat starts afresh
      live.awaitSentContaining("Ask me a question first");

      assertThat(live.log())
          .contains("ERROR org.briefbot.store.ResilientStore - Store jdbc:sqlite:")
          .contains("is unavailable: answering goes on without recording feedback");
    }
  }

  /** Taps a button under message {@code messageId}; the toast Telegram was asked to show. */
  private static String tap(LiveBot live, int messageId, String data) {
    String id =
        live.api
            .pushCallbackQuery(LiveBot.USER, LiveBot.USER, messageId, data)
            .at("/callback_query/id")
            .asText();
    return live.api
        .awaitRequest(
            "answerCallbackQuery", r -> id.equals(r.param("callback_query_id")), LiveBot.WAIT)
        .param("text");
  }

  private static List<Long> votes(LiveBot live) {
    Stats stats = live.store.admin().stats(Instant.EPOCH);
    return List.of(stats.upVotes(), stats.downVotes());
  }
}
