package org.briefbot.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * At most {@code perMinute} requests per client in any minute (a sliding window): {@link #wait}
 * records a request and says zero, or records nothing and says how long until the next one is
 * allowed. Clients idle for a minute are forgotten. Thread-safe.
 */
final class RateLimit {
  private static final Duration MINUTE = Duration.ofMinutes(1);

  /** Clients are pruned once there are this many, so a scan of addresses cannot fill the heap. */
  private static final int CLIENTS_BEFORE_PRUNING = 10_000;

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Deque<Instant>> clients = new HashMap<>(); // guarded by this

  /**
   * @param perMinute requests a client may make in any minute; 0 for no limit
   */
  RateLimit(int perMinute, Clock clock) {
    if (perMinute < 0) {
      throw new IllegalArgumentException("perMinute < 0: " + perMinute);
    }
    this.perMinute = perMinute;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Zero when {@code client} may go now (and the request is counted), else how long to wait. */
  synchronized Duration wait(String client) {
    if (perMinute == 0) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    Deque<Instant> recent = clients.computeIfAbsent(client, c -> new ArrayDeque<>());
    Instant windowStart = now.minus(MINUTE);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
      recent.removeFirst();
    }
    if (recent.size() >= perMinute) {
      return Duration.between(windowStart, recent.peekFirst());
    }
    recent.addLast(now);
    prune(windowStart);
    return Duration.ZERO;
  }

  private void prune(Instant windowStart) {
    if (clients.size() <= CLIENTS_BEFORE_PRUNING) {
      return;
    }
    Iterator<Deque<Instant>> it = clients.values().iterator();
    while (it.hasNext()) {
      Deque<Instant> recent = it.next();
      if (recent.isEmpty() || !recent.peekLast().isAfter(windowStart)) {
        it.remove();
      }
    }
  }
}
