package org.briefbot.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What each question of an archive costs, beside the Lucene floor on the same index: what JMH's
 * pooled percentiles hide. The pipeline's p99 is set by a few questions that cost several times
 * their floor, and this names them, so a profile can be pointed at the right ones.
 *
 * <p>{@code java -Xms1g -Xmx1g -cp target/benchmarks.jar org.briefbot.bench.PerQuestionCost
 * [ARCHIVE] [ROUNDS] [MODE]} (seed, 400, bm25 by default) asks every question ROUNDS times,
 * alternating pipeline and floor so both see the same machine, and prints each question's median
 * pipeline and floor time in microseconds and their ratio, costliest first.
 */
public final class PerQuestionCost {
  private static final int WARM_UP_ROUNDS = 50;

  private PerQuestionCost() {}

  /** One question's median times, in nanoseconds. */
  record Cost(String question, long pipeline, long floor) {
    double ratio() {
      return (double) pipeline / floor;
    }

    String line() {
      return String.format(
          Locale.ROOT, "%8.1f %7.1f %5.2f  %s", pipeline / 1e3, floor / 1e3, ratio(), question);
    }
  }

  public static void main(String[] args) throws IOException {
    String archive = args.length > 0 ? args[0] : "seed";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    String mode = args.length > 2 ? args[2] : "bm25";
    try (Loaded loaded = new Loaded(archive, mode)) {
      measure(loaded, WARM_UP_ROUNDS);
      List<Cost> costs = measure(loaded, rounds);
      costs.sort(Comparator.comparingLong(Cost::pipeline).reversed());
      System.out.println("pipeline_us floor_us ratio  question");
      costs.forEach(cost -> System.out.println(cost.line()));
      System.out.printf(
          Locale.ROOT,
          "%d questions, %d rounds: median of the medians %.1f us pipeline, %.1f us floor%n",
          costs.size(),
          rounds,
          median(costs.stream().mapToLong(Cost::pipeline).toArray()) / 1e3,
          median(costs.stream().mapToLong(Cost::floor).toArray()) / 1e3);
    }
  }

  private static List<Cost> measure(Loaded loaded, int rounds) throws IOException {
    List<String> questions = loaded.questions;
    long[][] pipeline = new long[questions.size()][rounds];
    long[][] floor = new long[questions.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < questions.size(); i++) {
        String question = questions.get(i);
        long start = System.nanoTime();
        loaded.core.answerer().answer(question);
        long answered = System.nanoTime();
        loaded.floor.search(question);
        pipeline[i][round] = answered - start;
        floor[i][round] = System.nanoTime() - answered;
      }
    }
    List<Cost> costs = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      costs.add(new Cost(questions.get(i), median(pipeline[i]), median(floor[i])));
    }
    return costs;
  }

  private static long median(long[] times) {
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
