package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.Vote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDataTest {
  private static final long CHAT = 42;
  private static final String LONG =
      "/passage a-very-long-article-identifier-from-the-library#why_it_matters#12";

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock();
  private ResilientStore store;
  private CallbackData data;

  @BeforeEach
  void openStore() {
    store = ResilientStore.open("jdbc:sqlite:" + dir.resolve("briefbot.db"), clock);
    data = new CallbackData(store, 100, Duration.ofHours(1), clock);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aShortCommandTravelsInTheDataItself() {
    Button button = new Button("ℹ️ OpenAI", "/entity OpenAI", Button.Tap.SEND);

    String encoded = data.encode(button, CHAT);

    assertThat(encoded).isEqualTo("s/entity OpenAI");
    assertThat(new CallbackData(store, 1, Duration.ofSeconds(1), clock).decode(encoded, CHAT + 1))
        .contains(new Button("", "/entity OpenAI", Button.Tap.SEND));
  }

  /**
   * A long command is kept in the store for its chat: another instance on the store (a replica, or
   * this bot after a restart) opens it there, and no other chat does.
   */
  @Test
  void aLongCommandIsKeptInTheStoreForItsChat() {
    String encoded = data.encode(new Button("🔎 …", LONG, Button.Tap.EDIT), CHAT);
    CallbackData restarted = new CallbackData(store, 100, Duration.ofHours(1), clock);

    assertThat(encoded).startsWith("e@");
    assertThat(restarted.decode(encoded, CHAT)).contains(new Button("", LONG, Button.Tap.EDIT));
    assertThat(restarted.decode(encoded, CHAT + 1)).isEmpty();
    clock.advance(Duration.ofHours(1)); // longer than this instance would remember it
    assertThat(restarted.decode(encoded, CHAT)).contains(new Button("", LONG, Button.Tap.EDIT));
  }

  /** While the store is down, this instance keeps a long command for a while. */
  @Test
  void aLongCommandIsKeptHereUntilItExpiresWhileTheStoreIsDown() throws IOException {
    Path notADatabase = Files.createDirectory(dir.resolve("a-folder"));
    try (ResilientStore down = ResilientStore.open("jdbc:sqlite:" + notADatabase, clock)) {
      CallbackData here = new CallbackData(down, 100, Duration.ofHours(1), clock);
      String encoded = here.encode(new Button("🔎 …", LONG, Button.Tap.EDIT), CHAT);

      assertThat(encoded).startsWith("e#");
      assertThat(here.decode(encoded, CHAT)).contains(new Button("", LONG, Button.Tap.EDIT));
      clock.advance(Duration.ofHours(1));
      assertThat(here.decode(encoded, CHAT)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/entity Ünïcödé Çorporation Holdings Internationale",
        "/more " + "x",
        "/entity 東京電力ホールディングス株式会社の子会社"
      })
  void encodedDataIsAtMost64Bytes(String command) {
    String encoded = data.encode(new Button("label", command, Button.Tap.SEND), CHAT);

    assertThat(encoded.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
    assertThat(data.decode(encoded, CHAT).map(Button::command)).contains(command);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "x",
        "sno-slash",
        "s#unknown",
        "s@",
        "s@zzzzzzzzzzzzz",
        "s@-1",
        "/entity OpenAI"
      })
  void dataThatIsNotOursOpensNothing(String foreign) {
    assertThat(data.decode(foreign, CHAT)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 987_654, Long.MAX_VALUE / 10})
  void aVoteButtonCarriesTheRecordedAnswerAndTheWayItVotes(long answerId) {
    for (Vote vote : Vote.values()) {
      String encoded = CallbackData.vote(answerId, vote);

      assertThat(encoded.getBytes(StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
      assertThat(CallbackData.decodeVote(encoded))
          .contains(new CallbackData.VoteTap(answerId, vote));
      assertThat(data.decode(encoded, CHAT)).as("a vote runs no command").isEmpty();
    }
    assertThat(CallbackData.vote(42, Vote.UP)).isEqualTo("v:42:u");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v:",
        "v:12",
        "v:12:x",
        "v:-3:u",
        "v:12:u:more",
        "s/entity OpenAI",
        "v:1234567890123456789:d"
      })
  void dataThatIsNotAVoteCountsNoVote(String other) {
    assertThat(CallbackData.decodeVote(other)).isEmpty();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
