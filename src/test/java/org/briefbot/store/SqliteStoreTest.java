package org.briefbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on SQLite, the default: every behaviour, plus what is special to a file. */
class SqliteStoreTest extends StoreBehaviour {
  @TempDir Path dir;
  private final AtomicInteger files = new AtomicInteger();

  @Override
  String freshUrl() {
    return "jdbc:sqlite:" + dir.resolve("data-" + files.incrementAndGet()).resolve("briefbot.db");
  }

  @Test
  void createsTheFolderOfTheDatabaseFile() {
    Path file = dir.resolve("nested/data/briefbot.db");

    Store.open("jdbc:sqlite:" + file, clock).ping();

    assertThat(file).isRegularFile();
  }

  @Test
  void readsAContextSavedBeforeItHadAStateAsOneWithoutState() throws Exception {
    String url = freshUrl();
    Store store = Store.open(url, clock);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO chat_context (chat_id, article_id, passage_id, saved_at) VALUES (7, 'aws', 'aws#why#0', "
              + clock.millis()
              + ")");
    }

    assertThat(store.loadContext(7, Duration.ofMinutes(15)))
        .hasValueSatisfying(context -> assertThat(context.state()).isEmpty());
  }

  @Test
  void keepsEverythingWhenReopened() throws Exception {
    Path file = dir.resolve("reopened.db");
    long id =
        Store.open("jdbc:sqlite:" + file, clock).recordAnswer(declined("Who won the election?"));

    Store reopened = Store.open("jdbc:sqlite:" + file, clock);

    assertThat(reopened.vote(id, BOB, Vote.DOWN)).isEqualTo(VoteOutcome.RECORDED);
    assertThat(reopened.stats(java.time.Instant.EPOCH).questions()).isEqualTo(1);
    assertThat(Files.size(file)).isPositive();
  }
}
