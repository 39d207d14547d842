package org.briefbot.conversation.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on a shared pool, one at a time per key: a chat's updates are handled in the order
 * they came (its context and replies stay in order) while different chats proceed in parallel.
 * Tasks must not throw; a task that does is logged and the lane goes on.
 */
final class SerialLanes {
  private static final Logger log = LoggerFactory.getLogger(SerialLanes.class);

  private final Executor pool;
  private final Map<Object, CompletableFuture<Void>> tails = new HashMap<>(); // guarded by this

  SerialLanes(Executor pool) {
    this.pool = pool;
  }

  synchronized void submit(Object key, Runnable task) {
    CompletableFuture<Void> previous =
        tails.getOrDefault(key, CompletableFuture.completedFuture(null));
    CompletableFuture<Void> next = previous.exceptionally(e -> null).thenRunAsync(task, pool);
    tails.put(key, next);
    next.whenComplete((ignored, failure) -> done(key, next, failure));
  }

  private synchronized void done(Object key, CompletableFuture<Void> finished, Throwable failure) {
    if (failure != null) {
      log.error("A Telegram task for {} did not run to the end: {}", key, failure.toString());
    }
    tails.remove(key, finished);
    notifyAll();
  }

  /** Waits up to {@code timeout} until every submitted task has run; true if they all did. */
  synchronized boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!tails.isEmpty()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
