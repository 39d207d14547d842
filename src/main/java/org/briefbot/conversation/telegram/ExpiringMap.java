package org.briefbot.conversation.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A thread-safe map whose entries expire {@code ttl} after they were last put, and which holds at
 * most {@code capacity} entries, dropping the least recently put first. Commands of buttons too
 * long for their callback data live here: memory stays bounded however many replies go out. (Chat
 * contexts live in the store, where replicas share them.)
 */
final class ExpiringMap<K, V> {
  private record Entry<V>(V value, Instant expires) {}

  private final int capacity;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<K, Entry<V>> entries =
      new LinkedHashMap<>(); // guarded by this; oldest put first

  ExpiringMap(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity < 1: " + capacity);
    }
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl <= 0: " + ttl);
    }
    this.capacity = capacity;
    this.ttl = ttl;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  synchronized void put(K key, V value) {
    entries.remove(key); // re-inserting moves it to the young end
    entries.put(
        key, new Entry<>(Objects.requireNonNull(value, "value"), clock.instant().plus(ttl)));
    dropExpired();
    Iterator<K> oldest = entries.keySet().iterator();
    while (entries.size() > capacity) {
      oldest.next();
      oldest.remove();
    }
  }

  synchronized Optional<V> get(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (!clock.instant().isBefore(entry.expires())) {
      entries.remove(key);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  synchronized int size() {
    dropExpired();
    return entries.size();
  }

  /** Entries are in put order and share one ttl, so the expired ones are at the front. */
  private void dropExpired() {
    Instant now = clock.instant();
    Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
    while (it.hasNext() && !now.isBefore(it.next().getValue().expires())) {
      it.remove();
    }
  }
}
