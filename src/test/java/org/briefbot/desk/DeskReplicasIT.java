package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.briefbot.TestKnowledge;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Recorder;
import org.briefbot.store.Channel;
import org.briefbot.store.Vote;
import org.briefbot.store.VoteOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas, each with its own knowledge copy, desk and HTTP port, on one PostgreSQL store (the
 * URL in BRIEFBOT_TEST_PG_URL, a schema of this test's own): what one records and what a reader
 * votes on it is on the other's desk, and what an editor decides on one holds on the other.
 */
class DeskReplicasIT {
  static final String ENV = "BRIEFBOT_TEST_PG_URL";

  @TempDir Path dir;
  private String schema;
  private DeskServer one;
  private DeskServer two;

  @BeforeEach
  void start() throws IOException {
    String base = System.getenv(ENV);
    assumeTrue(
        base != null && !base.isBlank(),
        ENV + " is not set: the replica test needs PostgreSQL (.ci/run sets it)");
    schema = "desk_" + UUID.randomUUID().toString().replace("-", "");
    execute(base, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    one = DeskServer.start(TestKnowledge.copyShipped(dir.resolve("one")), url);
    two = DeskServer.start(TestKnowledge.copyShipped(dir.resolve("two")), url);
  }

  @AfterEach
  void stop() {
    if (one != null) {
      one.close();
      two.close();
    }
    if (schema != null) {
      execute(System.getenv(ENV), "DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Test
  void aVoteCastOnOneReplicaIsCountedOnTheOthersDesk() {
    Conversation conversation = one.library.current();
    String question = "How much is the AWS deal worth?";
    long answer =
        new Recorder(one.store, Channel.WEB, 0.5)
            .record(41, 42, question, conversation, conversation.reply(question, Optional.empty()))
            .getAsLong();

    assertThat(one.store.vote(answer, 41, 42, Vote.DOWN)).hasValue(VoteOutcome.RECORDED);

    DeskClient editor = new DeskClient(two).loggedIn();
    assertThat(editor.get("/desk").body())
        .contains("<li><strong>1</strong>Thumbs down</li>")
        .contains("<tr><th scope=\"row\">Web</th><td>1</td><td>1</td><td>0</td></tr>");
    assertThat(editor.get("/desk/downvoted").body())
        .contains("1 down, 0 up")
        .contains("<blockquote class=\"shown\">Amazon secures a $138 billion AWS deal with OpenAI.")
        .contains("<li>" + question + "</li>");
  }

  @Test
  void aQuestionMarkedOutOfScopeOnOneReplicaLeavesTheOthersList() {
    Conversation conversation = one.library.current();
    String weather = "What will the weather be like in Lisbon on Sunday?";
    new Recorder(one.store, Channel.TELEGRAM, 0.5)
        .record(1, 2, weather, conversation, conversation.reply(weather, Optional.empty()));
    DeskClient onOne = new DeskClient(one).loggedIn();
    DeskClient onTwo = new DeskClient(two).loggedIn();
    assertThat(onTwo.get("/desk/questions").body()).contains(weather);

    onOne.post("/desk/scope", "csrf", onOne.csrf, "wording", weather, "back", "questions");

    assertThat(onTwo.get("/desk/questions").body()).doesNotContain(weather);
  }
}
