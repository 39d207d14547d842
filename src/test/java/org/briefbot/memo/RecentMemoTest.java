package org.briefbot.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentMemoTest {
  @Test
  void computesAKeyOnceWhileItIsAmongTheLatest() {
    List<String> computed = new ArrayList<>();
    RecentMemo<String, Integer> memo = new RecentMemo<>(2);

    memo.get("a", k -> record(computed, k));
    memo.get("b", k -> record(computed, k));
    memo.get("a", k -> record(computed, k));
    memo.get("c", k -> record(computed, k));
    int a = memo.get("a", k -> record(computed, k));
    memo.get("b", k -> record(computed, k));

    assertThat(a).isEqualTo(1);
    assertThat(computed)
        .as("b was the least recently used when c came, a was used since")
        .containsExactly("a", "b", "c", "b");
  }

  @Test
  void refusesASizeBelowOne() {
    assertThatThrownBy(() -> new RecentMemo<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static int record(List<String> computed, String key) {
    computed.add(key);
    return key.length();
  }
}
