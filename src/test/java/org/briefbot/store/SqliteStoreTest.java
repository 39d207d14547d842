package org.briefbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on SQLite, the default: every behaviour, plus what is special to a file. */
class SqliteStoreTest extends StoreBehaviour {
  private static final int VOTERS = 32;

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

    assertThat(reopened.vote(id, CHAT, BOB, Vote.DOWN)).isEqualTo(VoteOutcome.RECORDED);
    assertThat(reopened.stats(java.time.Instant.EPOCH).questions()).isEqualTo(1);
    assertThat(Files.size(file)).isPositive();
  }

  @Test
  void countsAHundredVotesCastAtOnce() throws Exception {
    long id = store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));
    ExecutorService voters = Executors.newFixedThreadPool(VOTERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<VoteOutcome>> outcomes = new ArrayList<>();
      for (int reader = 0; reader < 100; reader++) {
        long user = 1000 + reader;
        Vote vote = reader % 2 == 0 ? Vote.UP : Vote.DOWN;
        outcomes.add(
            voters.submit(
                () -> {
                  start.await();
                  return store.vote(id, CHAT, user, vote);
                }));
      }
      start.countDown();
      for (Future<VoteOutcome> outcome : outcomes) {
        assertThat(outcome.get(30, TimeUnit.SECONDS)).isEqualTo(VoteOutcome.RECORDED);
      }
    } finally {
      voters.shutdownNow();
    }

    Stats stats = store.stats(Instant.EPOCH);
    assertThat(stats.upVotes()).isEqualTo(50);
    assertThat(stats.downVotes()).isEqualTo(50);
  }

  @Test
  void aDeletedDatabaseFileIsReportedAsFailingThenRecreatedByItself() throws Exception {
    Path file = dir.resolve("deleted/briefbot.db");
    String url = "jdbc:sqlite:" + file;
    ResilientStore resilient =
        new ResilientStore(() -> Store.open(url, clock), url, Duration.ofSeconds(5), clock);
    assertThat(resilient.recordAnswer(declined("Who won the election?"))).isPresent();

    for (String suffix : List.of("", "-wal", "-shm")) {
      Files.deleteIfExists(Path.of(file + suffix));
    }

    assertThat(resilient.check())
        .hasValueSatisfying(f -> assertThat(f.error()).contains("no such table"));
    clock.advance(Duration.ofSeconds(5));
    assertThat(resilient.recordAnswer(declined("Who won the election?"))).isPresent();
    assertThat(resilient.check()).isEmpty();
    assertThat(resilient.admin().stats(Instant.EPOCH).questions()).isEqualTo(1);
  }
}
