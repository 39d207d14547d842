package org.briefbot.memo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The values of the latest keys, the least recently used forgotten beyond a size. Safe for
 * concurrent use; a value is computed outside the lock, so a slow computation holds up no other
 * key, and two threads may compute the same key once each, which costs time, never a different
 * result. Values are handed out as stored: a caller that may change one copies it.
 */
public final class RecentMemo<K, V> {
  private final Map<K, V> values;

  public RecentMemo(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size < 1: " + size);
    }
    this.values =
        new LinkedHashMap<>(Math.min(size, 256), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > size;
          }
        };
  }

  /**
   * The value of {@code key}, computed by {@code compute} (which must always give the same) when
   * not among the latest.
   */
  public V get(K key, Function<? super K, ? extends V> compute) {
    synchronized (values) {
      V known = values.get(key);
      if (known != null) {
        return known;
      }
    }
    V value = compute.apply(key);
    synchronized (values) {
      values.put(key, value);
    }
    return value;
  }
}
