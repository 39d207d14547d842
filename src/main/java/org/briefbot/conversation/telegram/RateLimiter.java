package org.briefbot.conversation.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when the next request may go: {@link #tryAcquire} either records a send now or says how
 * long to wait. Only sends that actually go are recorded, always at "now", so every window is in
 * time order. Thread-safe; the caller supplies the time.
 */
final class RateLimiter {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration SECOND = Duration.ofSeconds(1);

  /** Chats idle for a minute have nothing left to limit; forget them beyond this many. */
  private static final int CHATS_BEFORE_PRUNING = 1000;

  private final RateLimits limits;
  private final Deque<Instant> global = new ArrayDeque<>(); // guarded by this
  private final Map<Long, Deque<Instant>> chats = new HashMap<>(); // guarded by this; newest last

  RateLimiter(RateLimits limits) {
    this.limits = limits;
  }

  /**
   * Records a send to {@code chat} (empty for requests no chat receives, such as answering a
   * callback) at {@code now} if the limits allow it, and returns zero; otherwise records nothing
   * and returns how long to wait before asking again.
   */
  synchronized Duration tryAcquire(Optional<ChatRef> chat, Instant now) {
    Duration wait = max(waitGlobal(now), chat.map(c -> waitChat(c, now)).orElse(Duration.ZERO));
    if (!wait.isZero()) {
      return wait;
    }
    global.addLast(now);
    chat.ifPresent(c -> chats.computeIfAbsent(c.id(), id -> new ArrayDeque<>()).addLast(now));
    pruneIdleChats(now);
    return Duration.ZERO;
  }

  private Duration waitGlobal(Instant now) {
    trim(global, now.minus(SECOND));
    return global.size() < limits.perSecond()
        ? Duration.ZERO
        : until(global.peekFirst().plus(SECOND), now);
  }

  private Duration waitChat(ChatRef chat, Instant now) {
    Deque<Instant> sent = chats.get(chat.id());
    if (sent == null || sent.isEmpty()) {
      return Duration.ZERO;
    }
    trim(sent, now.minus(MINUTE));
    Duration spacing =
        sent.isEmpty() ? Duration.ZERO : until(sent.peekLast().plus(limits.perChat()), now);
    if (!chat.group() || sent.size() < limits.perGroup()) {
      return spacing;
    }
    Instant oldestCounted =
        sent.stream().skip(sent.size() - limits.perGroup()).findFirst().orElseThrow();
    return max(spacing, until(oldestCounted.plus(MINUTE), now));
  }

  private void pruneIdleChats(Instant now) {
    if (chats.size() <= CHATS_BEFORE_PRUNING) {
      return;
    }
    Instant idle = now.minus(MINUTE);
    Iterator<Deque<Instant>> it = chats.values().iterator();
    while (it.hasNext()) {
      Deque<Instant> sent = it.next();
      if (sent.isEmpty() || !sent.peekLast().isAfter(idle)) {
        it.remove();
      }
    }
  }

  private static void trim(Deque<Instant> sent, Instant notAfter) {
    while (!sent.isEmpty() && !sent.peekFirst().isAfter(notAfter)) {
      sent.removeFirst();
    }
  }

  private static Duration until(Instant then, Instant now) {
    return then.isAfter(now) ? Duration.between(now, then) : Duration.ZERO;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
