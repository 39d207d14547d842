package org.briefbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.briefbot.synthetic.ArchiveGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a synthetic archive in the seed's format, for benchmarks and scale tests. */
@Command(
    name = "generate",
    description = "Write a synthetic archive of N articles (same N and seed, same files).")
final class GenerateCommand implements Callable<Integer> {
  @Option(
      names = "--articles",
      paramLabel = "N",
      required = true,
      description = "how many articles")
  int articles;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      required = true,
      description = "knowledge folder to write; articles go to DIR/articles")
  Path out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "random seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--pool",
      paramLabel = "E",
      defaultValue = "" + ArchiveGenerator.DEFAULT_POOL_SIZE,
      description = "entities shared by the articles (default: ${DEFAULT-VALUE})")
  int pool;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    ArchiveGenerator.Summary summary = new ArchiveGenerator(seed, pool).generate(articles, out);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(
        Locale.ROOT,
        "Wrote %d articles (%.1f MB) to %s in %.1f s%n",
        summary.articles(),
        summary.bytes() / 1e6,
        summary.folder(),
        seconds);
    return 0;
  }
}
