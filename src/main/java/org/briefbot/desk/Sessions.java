package org.briefbot.desk;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in editors: a random session id (the cookie) with its CSRF token, valid for a fixed time
 * from login. In memory: a restart logs everyone out, and each replica has its own logins.
 */
final class Sessions {
  /** More logins than this at once and the one expiring first is dropped: memory stays bounded. */
  static final int MAX_SESSIONS = 1_000;

  private static final int TOKEN_BYTES = 32;

  /** One login. */
  record Session(String id, String csrf, Instant expires) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  Sessions(Duration ttl, Clock clock) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl <= 0: " + ttl);
    }
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A new login. */
  synchronized Session open() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> !s.expires().isAfter(now));
    if (byId.size() >= MAX_SESSIONS) {
      byId.values().stream()
          .min(Comparator.comparing(Session::expires))
          .ifPresent(s -> byId.remove(s.id()));
    }
    Session session = new Session(token(), token(), now.plus(ttl));
    byId.put(session.id(), session);
    return session;
  }

  /** The login with this id, while it lasts. */
  Optional<Session> find(String id) {
    Session session = byId.get(id);
    if (session == null) {
      return Optional.empty();
    }
    if (!session.expires().isAfter(clock.instant())) {
      byId.remove(id);
      return Optional.empty();
    }
    return Optional.of(session);
  }

  void close(String id) {
    byId.remove(id);
  }

  Duration ttl() {
    return ttl;
  }

  /** 256 random bits, URL-safe. */
  String token() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
