package org.briefbot.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.briefbot.answer.Answer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Answers per second through the whole pipeline; run with {@code -t 1} and {@code -t 2} (bench/run
 * does) to see whether anything serialises answers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// Sixteen seconds of warm-up, not six: after six seconds both figures were still rising across the
// measured iterations (one thread by a quarter, two threads by half: with two benchmark threads
// on two cores the JIT compiler threads have no idle core), so the ratio measured warm-up.
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnswerThroughput {
  @Param({"10k"})
  public String archive;

  @Param({"bm25"})
  public String mode;

  private Loaded loaded;

  @Setup(Level.Trial)
  public void load() {
    loaded = new Loaded(archive, mode);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    loaded.close();
  }

  @Benchmark
  public Answer pipeline(AnswerLatency.Cursor cursor) {
    return loaded.core.answerer().answer(cursor.next(loaded.questions));
  }
}
