package org.briefbot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.briefbot.app.LiveLibrary;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading an archive the bot's way ({@link LiveLibrary}): {@code build} parses, links entities and
 * indexes it into an empty index folder (what the first start costs); {@code reload} reopens the
 * index of an unchanged archive (every later start). One shot per iteration.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@State(Scope.Benchmark)
public class ArchiveLoad {
  @Param({"1k", "10k"})
  public String archive;

  private Path folder;
  private Path fresh;
  private Path kept;

  @Setup(Level.Trial)
  public void generate() throws IOException {
    folder = Archives.folder(archive);
    kept = Archives.ROOT.resolve("load-index-" + archive);
    Loaded.load(Loaded.config("bm25", kept), folder).close();
  }

  @Setup(Level.Invocation)
  public void emptyIndexFolder() throws IOException {
    fresh = Archives.ROOT.resolve("load-fresh-" + archive);
    delete(fresh);
  }

  @Benchmark
  public int build() {
    try (LiveLibrary live = Loaded.load(Loaded.config("bm25", fresh), folder)) {
      return live.serving().index().size();
    }
  }

  @Benchmark
  public int reload() {
    try (LiveLibrary live = Loaded.load(Loaded.config("bm25", kept), folder)) {
      return live.serving().index().size();
    }
  }

  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
