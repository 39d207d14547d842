package org.briefbot.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes a synthetic archive, {@code OUT/articles/*.txt}: the same article count and seed always
 * give byte-identical files with the same modification times (articles carry no date line, like the
 * seed, so the time the bot shows comes from the file).
 */
public final class ArchiveGenerator {
  /** Entities shared by all articles: "a few thousand", as a newsroom covers. */
  public static final int DEFAULT_POOL_SIZE = 3000;

  private static final Instant FIRST_PUBLISHED = Instant.parse("2023-01-02T06:00:00Z");
  private static final Duration BETWEEN_ARTICLES = Duration.ofMinutes(37);

  private final long seed;
  private final EntityPool pool;
  private final ArticleWriter writer;

  public ArchiveGenerator(long seed, int poolSize) {
    this.seed = seed;
    this.pool = EntityPool.create(seed, poolSize);
    this.writer = new ArticleWriter(pool);
  }

  public ArchiveGenerator(long seed) {
    this(seed, DEFAULT_POOL_SIZE);
  }

  /** What was written. */
  public record Summary(int articles, long bytes, Path folder) {}

  /** Writes articles 1..count into {@code outDir}/articles, replacing files of the same name. */
  public Summary generate(int count, Path outDir) {
    if (count < 0) {
      throw new IllegalArgumentException("count < 0: " + count);
    }
    Path folder = outDir.resolve("articles");
    long bytes = 0;
    try {
      Files.createDirectories(folder);
      for (int i = 0; i < count; i++) {
        bytes += writeArticle(folder, i);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the archive to " + folder + ": " + e.getMessage(), e);
    }
    return new Summary(count, bytes, folder);
  }

  /** The text of article {@code index} (0-based) and its file name stem, without writing it. */
  public String article(int index) {
    return writer.write(Dice.forItem(seed, index), index + 1).text();
  }

  /**
   * Questions a reader might ask about this archive, a deterministic mix of kinds; see {@link
   * Questions}.
   */
  public List<String> questions(int count) {
    return new Questions(pool).sample(Dice.forItem(seed, -2), count);
  }

  private long writeArticle(Path folder, int index) throws IOException {
    ArticleWriter.Written written = writer.write(Dice.forItem(seed, index), index + 1);
    Path file = folder.resolve(written.id() + ".txt");
    byte[] bytes = written.text().getBytes(StandardCharsets.UTF_8);
    Files.write(file, bytes);
    Files.setLastModifiedTime(
        file, FileTime.from(FIRST_PUBLISHED.plus(BETWEEN_ARTICLES.multipliedBy(index))));
    return bytes.length;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "ArchiveGenerator[seed=%d, pool=%d]", seed, pool.size());
  }
}
