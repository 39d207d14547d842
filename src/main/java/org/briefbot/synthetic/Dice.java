package org.briefbot.synthetic;

import java.util.List;

/**
 * SplitMix64: a tiny, fully specified random source, so the same seed gives the same archive on
 * every JVM (java.util.Random would too, but is synchronised and slower). One per article, never
 * shared between threads.
 */
final class Dice {
  private long state;

  Dice(long seed) {
    this.state = seed;
  }

  /** An independent stream for item {@code index} of a run seeded with {@code seed}. */
  static Dice forItem(long seed, long index) {
    return new Dice(mix(seed * 0x9E3779B97F4A7C15L + index));
  }

  long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  /** Uniform in [0, bound). */
  int below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound <= 0: " + bound);
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** Uniform in [from, to]. */
  int between(int from, int to) {
    return from + below(to - from + 1);
  }

  boolean chance(double p) {
    return (nextLong() >>> 11) * 0x1.0p-53 < p;
  }

  <T> T pick(List<T> items) {
    return items.get(below(items.size()));
  }

  /**
   * A rank in [0, n) drawn with probability falling as 1/(rank+1): a few items are common, most are
   * rare, as words and names are in news text. Inverse of the continuous harmonic CDF.
   */
  int zipf(int n) {
    double u = (nextLong() >>> 11) * 0x1.0p-53;
    int rank = (int) Math.floor(Math.exp(u * Math.log(n + 1.0)) - 1);
    return Math.min(Math.max(rank, 0), n - 1);
  }

  <T> T pickZipf(List<T> items) {
    return items.get(zipf(items.size()));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
