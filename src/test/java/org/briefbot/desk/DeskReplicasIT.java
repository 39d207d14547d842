package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Recorder;
import org.briefbot.store.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas as {@code serve} runs them, each with its own knowledge copy and port, on one
 * PostgreSQL store (the URL in BRIEFBOT_TEST_PG_URL, a schema of this test's own): a reader's vote
 * through one's API is on the other's desk, and what an editor decides on one holds on the other.
 */
class DeskReplicasIT {
  static final String ENV = "BRIEFBOT_TEST_PG_URL";

  @TempDir Path dir;
  private String schema;
  private ServedReplica one;
  private ServedReplica two;

  @BeforeEach
  void start() throws IOException {
    String base = System.getenv(ENV);
    assumeTrue(
        base != null && !base.isBlank(),
        ENV + " is not set: the replica test needs PostgreSQL (.ci/run sets it)");
    schema = "desk_" + UUID.randomUUID().toString().replace("-", "");
    execute(base, "CREATE SCHEMA " + schema);
    String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    one = ServedReplica.start(dir.resolve("one"), url);
    two = ServedReplica.start(dir.resolve("two"), url);
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
    String question = "How much is the AWS deal worth?";
    HttpResponse<String> asked = one.postJson("/api/ask", "{\"question\": \"" + question + "\"}");
    assertThat(asked.statusCode()).isEqualTo(200);
    String answer = asked.headers().firstValue("Briefbot-Answer-Id").orElseThrow();
    String conversation = asked.headers().firstValue("Briefbot-Conversation").orElseThrow();

    HttpResponse<String> voted =
        one.postJson(
            "/api/votes",
            "{\"answer\": "
                + answer
                + ", \"conversation\": \""
                + conversation
                + "\", \"vote\": \"down\"}");

    assertThat(voted.statusCode()).isBetween(200, 204);
    DeskClient editor = new DeskClient(two.base()).loggedIn();
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
    DeskClient onOne = new DeskClient(one.base()).loggedIn();
    DeskClient onTwo = new DeskClient(two.base()).loggedIn();
    assertThat(onTwo.get("/desk/questions").body()).contains(weather);

    onOne.post("/desk/scope", "csrf", onOne.csrf, "wording", weather, "back", "questions");

    assertThat(onTwo.get("/desk/questions").body()).doesNotContain(weather);
  }
}
