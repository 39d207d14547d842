package org.briefbot.app;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a long piece of work has got: a first index build, a round of background embedding.
 *
 * @param total units of work (articles, passages) when it started
 * @param done units done since
 * @param started when it started ({@link System#nanoTime})
 */
record Progress(int total, int done, long started) {
  static final Progress NONE = new Progress(0, 0, 0);

  /** Work of {@code total} units starting now. */
  static Progress starting(int total) {
    return new Progress(total, 0, System.nanoTime());
  }

  /** This progress with {@code more} units done. */
  Progress plus(int more) {
    return new Progress(total, done + more, started);
  }

  boolean running() {
    return total > 0;
  }

  /** The time left at the pace so far; empty before the first unit is done. */
  Optional<Duration> timeLeft() {
    if (done == 0 || done >= total) {
      return Optional.empty();
    }
    long elapsed = System.nanoTime() - started;
    return Optional.of(Duration.ofNanos(elapsed / done * (total - done)));
  }

  int percent() {
    return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
  }
}
