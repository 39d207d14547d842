package org.briefbot.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {
  @TempDir Path dir;

  @Test
  void keepsVectorsAcrossReopening() {
    EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 3);
    cache.putAll(Map.of("OpenAI will use Trainium chips.", new float[] {0.6f, 0.8f, 0f}));

    EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 3);

    assertThat(reopened.size()).isEqualTo(1);
    assertThat(reopened.find("OpenAI will use Trainium chips."))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(0.6f, 0.8f, 0f));
    assertThat(reopened.find("OpenAI will use Trainium chips")).isEmpty();
  }

  @Test
  void storesEachTextOnce() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 2);
    cache.putAll(Map.of("same text", new float[] {1f, 0f}));
    long size = Files.size(cache.file());

    cache.putAll(Map.of("same text", new float[] {1f, 0f}));

    assertThat(Files.size(cache.file())).isEqualTo(size);
  }

  @Test
  void dropsRecordCutShortByACrash() throws IOException {
    EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 2);
    cache.putAll(Map.of("whole", new float[] {1f, 0f}));
    long whole = Files.size(cache.file());
    Files.write(cache.file(), new byte[] {1, 2, 3, 4, 5}, StandardOpenOption.APPEND);

    EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 2);
    reopened.putAll(Map.of("after", new float[] {0f, 1f}));

    assertThat(EmbeddingCache.open(dir, "model-a", 2).find("after"))
        .hasValueSatisfying(v -> assertThat(v).containsExactly(0f, 1f));
    assertThat(Files.size(cache.file())).isEqualTo(2 * whole - headerSize(whole));
  }

  @Test
  void readsNoRecordUntilOneIsAskedFor() throws IOException {
    EmbeddingCache.open(dir, "model-a", 2).putAll(Map.of("whole", new float[] {1f, 0f}));
    Path file = dir.resolve("model-a.vectors");
    Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
    long cut = Files.size(file);

    EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 2);
    long afterOpen = Files.size(file);
    int size = reopened.size();

    assertThat(afterOpen).as("opening reads the header only").isEqualTo(cut);
    assertThat(size).isEqualTo(1);
    assertThat(Files.size(file)).as("the first look-up drops the cut record").isEqualTo(cut - 3);
  }

  @Test
  void refusesVectorsOfAnotherSize() {
    EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 2);

    assertThatThrownBy(() -> cache.putAll(Map.of("text", new float[] {1f, 0f, 0f})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("vector has 3 dimensions, the cache 2");
  }

  @Test
  void refusesFileOfAnotherDimension() {
    EmbeddingCache.open(dir, "model-a", 2);

    assertThatThrownBy(() -> EmbeddingCache.open(dir, "model-a", 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "is not an embedding cache of model-a with 3 dimensions (found model-a, 2)");
  }

  /**
   * A library being replaced keeps embedding into the cache while its successor opens the same file
   * and reads it: neither may cut the other's records short or lose them.
   */
  @Test
  void twoCachesOnOneFileInOneProcessLoseNothing() throws Exception {
    EmbeddingCache.open(dir, "model-a", 4).putAll(Map.of("seed", new float[] {1f, 0f, 0f, 0f}));
    int batches = 200;
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer =
          threads.submit(
              () -> {
                EmbeddingCache old = EmbeddingCache.open(dir, "model-a", 4);
                for (int i = 0; i < batches; i++) {
                  old.putAll(Map.of("old " + i, new float[] {i, 1f, 0f, 0f}));
                }
              });
      Future<?> successors =
          threads.submit(
              () -> {
                for (int i = 0; i < batches; i++) {
                  EmbeddingCache next = EmbeddingCache.open(dir, "model-a", 4);
                  assertThat(next.find("seed")).isPresent();
                  next.putAll(Map.of("new " + i, new float[] {i, 2f, 0f, 0f}));
                  next.close();
                }
              });
      writer.get(60, TimeUnit.SECONDS);
      successors.get(60, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 4);
    assertThat(reopened.size()).isEqualTo(1 + 2 * batches);
    for (int i = 0; i < batches; i++) {
      assertThat(reopened.find("old " + i)).contains(new float[] {i, 1f, 0f, 0f});
      assertThat(reopened.find("new " + i)).contains(new float[] {i, 2f, 0f, 0f});
    }
  }

  /** A replaced library's embedder is interrupted mid-read; the readers who go on are not hurt. */
  @Test
  void aReadInAnInterruptedThreadDoesNotBreakTheCacheForOthers() throws Exception {
    EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 2);
    cache.putAll(Map.of("first", new float[] {1f, 0f}, "second", new float[] {0f, 1f}));
    assertThat(cache.find("first")).isPresent();

    Thread interrupted =
        new Thread(
            () -> {
              Thread.currentThread().interrupt();
              cache.find("second");
            });
    interrupted.start();
    interrupted.join();

    assertThat(cache.find("first")).contains(new float[] {1f, 0f});
    assertThat(cache.find("second")).contains(new float[] {0f, 1f});
  }

  /**
   * The header is what remains of the file size once one record (32-byte key, two floats) is taken
   * off.
   */
  private static long headerSize(long withOneRecord) {
    return withOneRecord - (32 + 2 * 4);
  }
}
