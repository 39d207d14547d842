package org.briefbot.memo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {
  private final AtomicInteger computed = new AtomicInteger();

  private String length(String key) {
    computed.incrementAndGet();
    return key + ":" + key.length();
  }

  @Test
  void computesAKeyOnceWhileThereIsRoom() {
    BoundedMemo<String, String> memo = new BoundedMemo<>(2);

    assertThat(memo.get("trainium", this::length)).isEqualTo("trainium:8");
    assertThat(memo.get("trainium", this::length)).isEqualTo("trainium:8");
    assertThat(computed).hasValue(1);
  }

  @Test
  void onceFullComputesNewKeysEachTimeAndKeepsTheOldOnes() {
    BoundedMemo<String, String> memo = new BoundedMemo<>(1);
    memo.get("aws", this::length);

    assertThat(memo.get("openai", this::length)).isEqualTo("openai:6");
    assertThat(memo.get("openai", this::length)).isEqualTo("openai:6");
    memo.get("aws", this::length);

    assertThat(computed).hasValue(3);
  }
}
