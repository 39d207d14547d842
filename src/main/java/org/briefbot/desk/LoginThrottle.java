package org.briefbot.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Failed logins per client address: after {@code attempts} failures within {@code window}, that
 * address may not try again until the oldest of them is {@code window} old. Guessing a secret of
 * {@value DeskSettings#MIN_SECRET_CHARS} characters at a few tries per quarter hour is hopeless.
 */
final class LoginThrottle {
  /** Addresses remembered at most; beyond it the table is cleared of addresses that may try. */
  private static final int MAX_CLIENTS = 10_000;

  private final int attempts;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new HashMap<>(); // guarded by this

  LoginThrottle(int attempts, Duration window, Clock clock) {
    this.attempts = attempts;
    this.window = window;
    this.clock = clock;
  }

  /** Whether {@code client} may try to log in now. */
  synchronized boolean allows(String client) {
    Deque<Instant> recent = failures.get(client);
    if (recent == null) {
      return true;
    }
    forgetOld(recent);
    return recent.size() < attempts;
  }

  synchronized void failed(String client) {
    if (failures.size() >= MAX_CLIENTS) {
      failures.values().forEach(this::forgetOld);
      failures.values().removeIf(Deque::isEmpty);
    }
    failures.computeIfAbsent(client, c -> new ArrayDeque<>()).addLast(clock.instant());
  }

  synchronized void succeeded(String client) {
    failures.remove(client);
  }

  private void forgetOld(Deque<Instant> recent) {
    Instant oldest = clock.instant().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(oldest)) {
      recent.removeFirst();
    }
  }
}
