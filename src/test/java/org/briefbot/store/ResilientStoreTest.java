package org.briefbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.briefbot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A store whose database is down must cost readers nothing: calls become no-ops, logged once. */
class ResilientStoreTest {
  /**
   * Each attempt's wait for a connection: the pool retries a refused one until the wait ends, and
   * production's 2 s (pinned below) would make every failed attempt here cost that. Long enough for
   * the first refusal to arrive, which the log must name; the driver is loaded before ({@link
   * #loadTheDriver}), so that its classes are not loading then.
   */
  private static final Duration QUICK_TIMEOUT = Duration.ofMillis(500);

  private final TestClock clock = new TestClock(StoreBehaviour.MONDAY);
  private final Logger logger = (Logger) LoggerFactory.getLogger(ResilientStore.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @TempDir Path dir;

  @BeforeAll
  static void loadTheDriver() throws IOException {
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/briefbot";
    assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class);
  }

  @BeforeEach
  void captureLog() {
    logged.start();
    logger.addAppender(logged);
    logger.setLevel(Level.DEBUG);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(logged);
    logger.setLevel(null);
  }

  /** A port on 127.0.0.1 that refuses connections: one just opened and closed again. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private List<String> errors() {
    return logged.list.stream()
        .filter(e -> e.getLevel() == Level.ERROR)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void answersOnWithoutRecordingWhenPostgresRefusesConnections() throws IOException {
    String url =
        "jdbc:postgresql://127.0.0.1:" + closedPort() + "/briefbot?user=briefbot&password=secret";
    ResilientStore store = ResilientStore.open(url, clock, Duration.ofSeconds(5), QUICK_TIMEOUT);

    assertThat(
            store.recordAnswer(
                StoreBehaviour.answered("How much is the deal worth?", "aws#takeaways#0", 0.9)))
        .isEmpty();
    assertThat(store.vote(1, StoreBehaviour.CHAT, StoreBehaviour.ALICE, Vote.DOWN)).isEmpty();
    store.logUnanswered(
        new UnansweredRecord(1, OptionalLong.empty(), "Who won?", Reason.DECLINED, 0, List.of()));
    store.saveContext(1, "aws-openai-trainium", "aws#why#0", "{}");
    assertThat(store.loadContext(1, Duration.ofMinutes(15))).isEmpty();
    store.countUsage(UsageKind.COMMAND, "topics");
    clock.advance(Duration.ofSeconds(6));
    assertThat(store.recordAnswer(StoreBehaviour.declined("Who won?"))).isEmpty();

    assertThat(errors())
        .singleElement()
        .asString()
        .startsWith("Store jdbc:postgresql://127.0.0.1:")
        .contains(
            "password=***",
            "is unavailable: answering goes on without recording",
            "recordAnswer failed: Cannot migrate the store",
            "Connection to 127.0.0.1")
        .doesNotContain("secret");
    assertThat(store.failure())
        .hasValueSatisfying(
            f -> {
              assertThat(f.since()).isEqualTo(StoreBehaviour.MONDAY);
              assertThat(f.failedCalls()).isEqualTo(7);
            });
  }

  @Test
  void tellsAdminsWhatIsWrongInsteadOfStayingQuiet() throws IOException {
    ResilientStore store =
        ResilientStore.open(
            "jdbc:postgresql://127.0.0.1:" + closedPort() + "/briefbot",
            clock,
            Duration.ofSeconds(5),
            QUICK_TIMEOUT);

    assertThatThrownBy(store::admin)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Cannot migrate the store at");
    assertThat(store.check()).isPresent();
  }

  @Test
  void waitsTwoSecondsForAPostgresConnectionUnlessToldOtherwise() {
    String url = "jdbc:postgresql://127.0.0.1:1/briefbot";
    try (Database production = new Database(url);
        Database quick = new Database(url, QUICK_TIMEOUT);
        Database sqlite = new Database("jdbc:sqlite:" + dir.resolve("briefbot.db"))) {
      assertThat(production.connectionTimeout()).contains(Duration.ofSeconds(2));
      assertThat(quick.connectionTimeout()).contains(QUICK_TIMEOUT);
      assertThat(sqlite.connectionTimeout()).isEmpty();
    }
  }

  @Test
  void recordsAgainOnceTheDatabaseIsBack() throws IOException {
    Path blocker =
        Files.writeString(dir.resolve("data"), "a file where the store's folder should be");
    ResilientStore store =
        ResilientStore.open("jdbc:sqlite:" + dir.resolve("data/briefbot.db"), clock);

    assertThat(store.recordAnswer(StoreBehaviour.declined("Who won?"))).isEmpty();
    Files.delete(blocker);
    assertThat(store.recordAnswer(StoreBehaviour.declined("Who won?")))
        .as("still pausing after the failure")
        .isEmpty();
    clock.advance(Duration.ofSeconds(5));
    OptionalLong id = store.recordAnswer(StoreBehaviour.declined("Who won?"));

    assertThat(id).isPresent();
    assertThat(store.vote(id.getAsLong(), StoreBehaviour.CHAT, StoreBehaviour.BOB, Vote.DOWN))
        .contains(VoteOutcome.RECORDED);
    assertThat(store.failure()).isEmpty();
    assertThat(errors()).hasSize(1);
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.INFO)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("is back after 2 calls were dropped");
    assertThat(store.admin().stats(Instant.EPOCH).questions()).isEqualTo(1);
  }

  @Test
  void passesCallsThroughWhileTheDatabaseWorks() {
    ResilientStore store = ResilientStore.open("jdbc:sqlite:" + dir.resolve("briefbot.db"), clock);

    store.saveContext(7, "aws-openai-trainium", "aws#why#0", "{}");

    assertThat(store.loadContext(7, Duration.ofMinutes(15)))
        .map(ChatContext::passageId)
        .isEqualTo(Optional.of("aws#why#0"));
    assertThat(store.check()).isEmpty();
    assertThat(errors()).isEmpty();
  }
}
