package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.briefbot.app.LiveLibrary;
import org.briefbot.store.DownvotedAnswer;
import org.briefbot.store.Reason;
import org.briefbot.store.Stats;
import org.briefbot.store.UnansweredGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas behind a load balancer behave as one bot: two instances in webhook mode on their own
 * ports, each with its own live knowledge, sharing one PostgreSQL and one (fake) Telegram. The test
 * is the load balancer: it posts each update to the replica it chooses. Needs the URL of an empty
 * PostgreSQL database in BRIEFBOT_TEST_PG_URL (.ci/run starts one and sets it); each test gets a
 * schema of its own, dropped after.
 */
class ReplicasIT {
  private static final String PG_URL = "BRIEFBOT_TEST_PG_URL";
  private static final String SECRET = "replica_Secret-7";
  private static final long READER = 5151L;
  private static final long OTHER_READER = 6161L;
  private static final String DEAL = "How much is the AWS deal worth?";

  private static LiveLibrary knowledgeA;
  private static LiveLibrary knowledgeB;

  private final AtomicInteger updateIds = new AtomicInteger(1000);
  private String schema;
  private FakeBotApi telegram;
  private LiveBot a;
  private LiveBot b;

  @AfterAll
  static void closeKnowledge() {
    if (knowledgeA != null) {
      knowledgeA.close();
      knowledgeB.close();
    }
  }

  private static String baseUrl() {
    return System.getenv().getOrDefault(PG_URL, "");
  }

  @BeforeEach
  void startTwoReplicasOnOneDatabase() {
    String base = baseUrl();
    assumeTrue(
        !base.isBlank(),
        PG_URL
            + " is not set: the two-replica test needs PostgreSQL (.ci/run starts it and sets it)");
    if (knowledgeA == null) { // once for the class, and only when the test runs at all
      knowledgeA = LiveBot.library(Path.of("knowledge"));
      knowledgeB = LiveBot.library(Path.of("knowledge"));
    }
    schema = "replicas_" + UUID.randomUUID().toString().replace("-", "");
    execute(base, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    telegram = new FakeBotApi();
    a = LiveBot.replica(telegram, knowledgeA, SECRET, url);
    b = LiveBot.replica(telegram, knowledgeB, SECRET, url);
  }

  @AfterEach
  void stopReplicas() {
    if (schema == null) {
      return; // skipped: nothing was started
    }
    try {
      a.close();
      b.close();
      telegram.close();
      assertThat(LiveBot.ourThreads()).as("threads left after both replicas closed").isEmpty();
    } finally {
      execute(baseUrl(), "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void eachReplicaListensOnItsOwnPortAndRegistersTheSameWebhook() {
    assertThat(a.bot.webhookPort()).isNotEqualTo(b.bot.webhookPort());
    assertThat(telegram.requests("setWebhook"))
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.param("url")).isEqualTo("https://bot.example.org/telegram"));
  }

  @Test
  void aFollowUpHandledByTheOtherReplicaKnowsThePreviousAnswer() {
    String first = ask(a, READER, DEAL);
    assertThat(first).contains("138 billion");

    String why = ask(b, READER, "why?");
    assertThat(why).contains("· Why It Matters").contains("largest cloud computing contract");

    String more = ask(a, READER, "tell me more");
    assertThat(passage(more)).isNotEqualTo(passage(first)).isNotEqualTo(passage(why));
  }

  @Test
  void aVoteThroughTheOtherReplicaIsRecordedOnce() {
    ask(a, READER, DEAL);
    FakeBotApi.Recorded answer = sentTo(READER, "138 billion");
    String down = LiveBot.callbackData(answer, Replies.DOWN);

    assertThat(tap(b, READER, a.messageIdOf(answer), down)).isEqualTo(ChatStore.THANKS);
    assertThat(tap(a, READER, a.messageIdOf(answer), down)).isEqualTo(ChatStore.UNCHANGED);
    assertThat(tap(b, OTHER_READER, a.messageIdOf(answer), down)).isEqualTo(ChatStore.THANKS);

    Stats stats = a.store.admin().stats(Instant.EPOCH);
    assertThat(stats.downVotes()).isEqualTo(2); // one per reader, however many taps and replicas
    assertThat(b.store.admin().mostDownvoted(5))
        .singleElement()
        .extracting(DownvotedAnswer::downVotes)
        .isEqualTo(2L);
  }

  /**
   * A button whose action is too long for Telegram's callback data opens through either replica.
   */
  @Test
  void aLongButtonSentByOneReplicaOpensThroughTheOther() {
    ask(a, READER, "what is nvidias share price today");
    FakeBotApi.Recorded unsure = sentTo(READER, "The closest I found");
    String data = LiveBot.callbackData(unsure, "🔎 ");

    tap(b, READER, a.messageIdOf(unsure), data);

    assertThat(data).startsWith("s@");
    sentTo(READER, "Major tech companies have been racing");
  }

  @Test
  void bothReplicasWriteTheOneUnansweredLog() {
    ask(a, READER, "What will the weather be like in Lisbon on Sunday?");
    ask(b, OTHER_READER, "Who won the 2018 World Cup?");
    ask(b, READER, DEAL);
    FakeBotApi.Recorded answer = sentTo(READER, "138 billion");
    tap(a, READER, b.messageIdOf(answer), LiveBot.callbackData(answer, Replies.DOWN));

    for (LiveBot replica : new LiveBot[] {a, b}) {
      assertThat(replica.store.admin().topUnanswered(10, Instant.EPOCH))
          .extracting(UnansweredGroup::question, group -> group.reasons().get(0))
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  "What will the weather be like in Lisbon on Sunday?", Reason.DECLINED),
              org.assertj.core.groups.Tuple.tuple("Who won the 2018 World Cup?", Reason.DECLINED),
              org.assertj.core.groups.Tuple.tuple(DEAL, Reason.VOTED_DOWN));
    }
  }

  /**
   * Posts {@code text} from {@code reader}'s private chat to {@code replica}; the reply, as plain
   * text.
   */
  private String ask(LiveBot replica, long reader, String text) {
    int before = telegram.count("sendMessage");
    int id = updateIds.incrementAndGet();
    assertThat(replica.post(privateMessage(id, reader, text), SECRET)).isEqualTo(200);
    FakeBotApi.Recorded reply =
        telegram.awaitRequest(
            "sendMessage",
            r -> telegram.requests("sendMessage").indexOf(r) >= before,
            LiveBot.WAIT);
    return TelegramBotIT.plain(reply.param("text"));
  }

  /**
   * Posts {@code reader}'s tap on a button under the bot's message {@code messageId} in READER's
   * chat to {@code replica}; the toast.
   */
  private String tap(LiveBot replica, long reader, int messageId, String data) {
    int id = updateIds.incrementAndGet();
    assertThat(replica.post(callback(id, reader, messageId, data), SECRET)).isEqualTo(200);
    String query = "q" + id;
    return telegram
        .awaitRequest(
            "answerCallbackQuery", r -> query.equals(r.param("callback_query_id")), LiveBot.WAIT)
        .param("text");
  }

  /** The first message sent to {@code chat} that contains {@code text}. */
  private FakeBotApi.Recorded sentTo(long chat, String text) {
    return telegram.awaitRequest(
        "sendMessage",
        r -> r.param("chat_id").equals(String.valueOf(chat)) && r.param("text").contains(text),
        LiveBot.WAIT);
  }

  /** The passage of an answer, without its source and notes. */
  private static String passage(String answer) {
    return answer.split("\n\n📰")[0];
  }

  private static String privateMessage(int id, long reader, String text) {
    return """
        {"update_id": %d, "message": {"message_id": %d, "date": 1700000000, "text": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Reader"},
          "chat": {"id": %d, "type": "private", "first_name": "Reader"}}}
        """
        .formatted(id, id, text, reader, reader);
  }

  private String callback(int id, long reader, int messageId, String data) {
    return """
        {"update_id": %d, "callback_query": {"id": "q%d", "chat_instance": "ci%d", "data": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "Reader"},
          "message": {"message_id": %d, "date": 1700000000, "text": "(answer)",
            "from": {"id": %d, "is_bot": true, "first_name": "BriefBot", "username": "%s"},
            "chat": {"id": %d, "type": "private", "first_name": "Reader"}}}}
        """
        .formatted(
            id,
            id,
            READER,
            data,
            reader,
            messageId,
            telegram.botId(),
            FakeBotApi.BOT_USERNAME,
            READER);
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
