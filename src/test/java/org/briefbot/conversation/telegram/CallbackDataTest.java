package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.briefbot.store.Vote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackDataTest {
  private final MutableClock clock = new MutableClock();
  private final CallbackData data = new CallbackData(100, Duration.ofHours(1), clock);

  @Test
  void aShortCommandTravelsInTheDataItself() {
    Button button = new Button("ℹ️ OpenAI", "/entity OpenAI", Button.Tap.SEND);

    String encoded = data.encode(button);

    assertThat(encoded).isEqualTo("s/entity OpenAI");
    assertThat(new CallbackData(1, Duration.ofSeconds(1), clock).decode(encoded))
        .contains(new Button("", "/entity OpenAI", Button.Tap.SEND));
  }

  @Test
  void aLongCommandIsKeptOnOurSideUntilItExpires() {
    String command = "/passage a-very-long-article-identifier-from-the-library#why_it_matters#12";
    String encoded = data.encode(new Button("🔎 …", command, Button.Tap.EDIT));

    assertThat(encoded).startsWith("e#");
    assertThat(data.decode(encoded)).contains(new Button("", command, Button.Tap.EDIT));
    clock.advance(Duration.ofHours(1));
    assertThat(data.decode(encoded)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/entity Ünïcödé Çorporation Holdings Internationale",
        "/more " + "x",
        "/entity 東京電力ホールディングス株式会社の子会社"
      })
  void encodedDataIsAtMost64Bytes(String command) {
    String encoded = data.encode(new Button("label", command, Button.Tap.SEND));

    assertThat(encoded.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
    assertThat(data.decode(encoded).map(Button::command)).contains(command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "sno-slash", "s#unknown", "/entity OpenAI"})
  void dataThatIsNotOursOpensNothing(String foreign) {
    assertThat(data.decode(foreign)).isEmpty();
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
      assertThat(data.decode(encoded)).as("a vote runs no command").isEmpty();
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
