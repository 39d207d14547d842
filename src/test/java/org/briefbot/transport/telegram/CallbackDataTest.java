package org.briefbot.transport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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
    assertThat(new CallbackData(1, Duration.ofSeconds(1), clock).decode(encoded)).contains(new Button("", "/entity OpenAI", Button.Tap.SEND));
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
  @ValueSource(strings = {"/entity Ünïcödé Çorporation Holdings Internationale", "/more " + "x", "/entity 東京電力ホールディングス株式会社の子会社"})
  void encodedDataIsAtMost64Bytes(String command) {
    String encoded = data.encode(new Button("label", command, Button.Tap.SEND));

    assertThat(encoded.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CallbackData.MAX_BYTES);
    assertThat(data.decode(encoded).map(Button::command)).contains(command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "sno-slash", "s#unknown", "/entity OpenAI"})
  void dataThatIsNotOursOpensNothing(String foreign) {
    assertThat(data.decode(foreign)).isEmpty();
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
