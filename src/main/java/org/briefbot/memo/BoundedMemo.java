package org.briefbot.memo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what a key computes to, for work that answers repeat (the same passages answer question
 * after question). Bounded: once full, new keys are worked out each time, so a huge archive cannot
 * grow it without limit. Safe for concurrent use; two threads may compute the same key once each,
 * which costs time, never a different result.
 */
public final class BoundedMemo<K, V> {
  public static final int DEFAULT_LIMIT = 100_000;

  private final Map<K, V> values = new ConcurrentHashMap<>();
  private final int limit;

  public BoundedMemo(int limit) {
    this.limit = limit;
  }

  /**
   * The value of {@code key}, computed by {@code compute} (which must always give the same) when
   * not remembered.
   */
  public V get(K key, Function<? super K, ? extends V> compute) {
    V known = values.get(key);
    if (known != null) {
      return known;
    }
    V value = compute.apply(key);
    if (values.size() < limit) {
      values.putIfAbsent(key, value);
    }
    return value;
  }
}
