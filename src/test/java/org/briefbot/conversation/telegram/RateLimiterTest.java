package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limiter is given the time, so these are exact, not timing-dependent. */
class RateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Optional<ChatRef> ALICE = Optional.of(new ChatRef(1, false));
  private static final Optional<ChatRef> BOB = Optional.of(new ChatRef(2, false));
  private static final Optional<ChatRef> GROUP = Optional.of(new ChatRef(-100, true));

  private final RateLimiter limiter = new RateLimiter(RateLimits.TELEGRAM);

  @Test
  void aChatGetsAboutOneMessageASecond() {
    assertThat(limiter.tryAcquire(ALICE, T0)).isZero();
    assertThat(limiter.tryAcquire(ALICE, T0.plusMillis(100))).isEqualTo(Duration.ofMillis(900));
    assertThat(limiter.tryAcquire(ALICE, T0.plusMillis(1000))).isZero();
  }

  @Test
  void chatsDoNotWaitForEachOther() {
    assertThat(limiter.tryAcquire(ALICE, T0)).isZero();
    assertThat(limiter.tryAcquire(BOB, T0)).isZero();
  }

  @Test
  void aGroupGetsTwentyAMinute() {
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryAcquire(GROUP, T0.plusSeconds(i))).as("message %d", i).isZero();
    }

    assertThat(limiter.tryAcquire(GROUP, T0.plusSeconds(20))).isEqualTo(Duration.ofSeconds(40));
    assertThat(limiter.tryAcquire(GROUP, T0.plusSeconds(60))).isZero();
  }

  @Test
  void allChatsTogetherGetThirtyASecond() {
    for (int chat = 0; chat < 30; chat++) {
      assertThat(limiter.tryAcquire(Optional.of(new ChatRef(chat, false)), T0.plusMillis(chat)))
          .isZero();
    }

    assertThat(limiter.tryAcquire(Optional.empty(), T0.plusMillis(500)))
        .isEqualTo(Duration.ofMillis(500));
    assertThat(limiter.tryAcquire(Optional.empty(), T0.plusMillis(1000)))
        .isZero(); // the first has left the window
  }

  @Test
  void aWaitRecordsNothing() {
    limiter.tryAcquire(ALICE, T0);
    limiter.tryAcquire(ALICE, T0.plusMillis(10));
    limiter.tryAcquire(ALICE, T0.plusMillis(20));

    assertThat(limiter.tryAcquire(ALICE, T0.plusSeconds(1))).isZero();
  }
}
