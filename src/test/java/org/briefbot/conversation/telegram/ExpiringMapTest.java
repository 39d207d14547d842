package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExpiringMapTest {
  private final CallbackDataTest.MutableClock clock = new CallbackDataTest.MutableClock();
  private final ExpiringMap<Long, String> map = new ExpiringMap<>(3, Duration.ofMinutes(15), clock);

  @Test
  void anEntryExpiresItsTtlAfterItWasLastPut() {
    map.put(1L, "first answer");
    clock.advance(Duration.ofMinutes(10));
    map.put(1L, "second answer");
    clock.advance(Duration.ofMinutes(10));

    assertThat(map.get(1L)).contains("second answer");
    clock.advance(Duration.ofMinutes(5));
    assertThat(map.get(1L)).isEmpty();
  }

  @Test
  void beyondCapacityTheLeastRecentlyPutGoesFirst() {
    map.put(1L, "a");
    map.put(2L, "b");
    map.put(3L, "c");
    map.put(1L, "a again");
    map.put(4L, "d");

    assertThat(map.get(2L)).isEmpty();
    assertThat(map.get(1L)).contains("a again");
    assertThat(map.size()).isEqualTo(3);
  }
}
