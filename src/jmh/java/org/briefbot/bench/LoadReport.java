package org.briefbot.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.briefbot.app.LiveLibrary;
import org.briefbot.app.LoadedLibrary;

/**
 * One load of an archive the bot's way ({@link LiveLibrary}) in a fresh JVM, what JMH cannot show:
 * how long it took (a build when the index folder is empty, a reload when it holds this archive),
 * the index size on disk, and the heap still in use after a full collection, with the archive
 * loaded and one answer given.
 *
 * <p>{@code java -cp target/benchmarks.jar org.briefbot.bench.LoadReport ARCHIVE INDEX_DIR [MODE]}
 * prints one JSON line. MODE is bm25 (the default) or hybrid, which embeds what the embedding cache
 * (data/embeddings) lacks and stores passage and sentence vectors in the index; its load time runs
 * until hybrid serves (the bot answers with BM25 before that). bench/run runs it for the build with
 * the default heap and for the reload with {@code -Xmx512m}, which shows the loaded archive fits in
 * 512 MB.
 */
public final class LoadReport {
  private LoadReport() {}

  public static void main(String[] args) throws IOException {
    String archive = args[0];
    Path indexDir = Path.of(args[1]);
    String mode = args.length > 2 ? args[2] : "bm25";
    Path folder = Archives.folder(archive);
    Path index = LiveLibrary.indexDir(indexDir, folder);
    boolean cached = Files.isDirectory(index);
    long start = System.nanoTime();
    try (LiveLibrary live = Loaded.load(Loaded.config(mode, indexDir), folder)) {
      long loadMs = (System.nanoTime() - start) / 1_000_000;
      LoadedLibrary core = live.serving();
      core.answerer().answer(Archives.questions(archive).get(0));
      long heap = usedHeapAfterGc();
      System.out.printf(
          Locale.ROOT,
          "{\"archive\":\"%s\",\"load\":\"%s\",\"articles\":%d,\"passages\":%d,\"entities\":%d,\"loadMs\":%d,"
              + "\"indexBytes\":%d,\"heapUsedBytes\":%d,\"maxHeapBytes\":%d,\"mode\":\"%s\"}%n",
          archive,
          cached ? "reload" : "build",
          core.knowledge().articles().size(),
          core.index().size(),
          core.catalog().size(),
          loadMs,
          size(index.getParent()),
          heap,
          Runtime.getRuntime().maxMemory(),
          mode);
    }
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }
}
