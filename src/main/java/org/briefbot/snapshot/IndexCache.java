package org.briefbot.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder of cached indexes, {@code data/index/} by default: per knowledge folder, one entry per
 * fingerprint ({@code data/index/<folder>/<key>/}), each a Lucene index with the {@link Snapshot}
 * and a readable manifest beside it. An entry is written under a staging name and renamed when
 * complete, so a reader never sees a half-written one; a newer entry replaces the older ones.
 */
public final class IndexCache {
  private static final String SNAPSHOT = "knowledge.snapshot";
  private static final String MANIFEST = "manifest.txt";
  private static final String STAGING = ".staging-";

  /** A staging folder this old belongs to a process that died while writing it. */
  private static final Duration ABANDONED = Duration.ofHours(1);

  private final Path root;

  public IndexCache(Path root) {
    this.root = root;
  }

  /** The complete entry for this fingerprint, if one was written. */
  public Optional<Path> find(Fingerprint fingerprint) {
    Path entry = folder(fingerprint).resolve(fingerprint.key());
    return Files.isRegularFile(entry.resolve(MANIFEST)) ? Optional.of(entry) : Optional.empty();
  }

  /** A new empty folder to write an entry into, then {@link #publish}. */
  public Path stage(Fingerprint fingerprint) {
    try {
      Files.createDirectories(folder(fingerprint));
      return Files.createTempDirectory(folder(fingerprint), fingerprint.key() + STAGING);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot create a folder under " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Makes a staged entry the entry for its fingerprint and removes older entries. The manifest,
   * written last, marks the entry complete. When another process published the same fingerprint
   * first, its entry is kept and this one dropped.
   */
  public Path publish(Path staged, Fingerprint fingerprint) {
    Path entry = folder(fingerprint).resolve(fingerprint.key());
    try {
      Files.write(staged.resolve(MANIFEST), fingerprint.lines());
      Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new UncheckedIOException("The index cache " + root + " must be on one file system", e);
    } catch (IOException e) {
      // Renaming onto a complete entry fails with a plain FileSystemException ("Directory not
      // empty") on Linux, not one of the specific subclasses: whether the entry is there decides.
      if (find(fingerprint).isEmpty()) {
        throw new UncheckedIOException(
            "Cannot publish the index under " + root + ": " + e.getMessage(), e);
      }
      delete(staged);
    }
    removeOthers(fingerprint);
    return entry;
  }

  /**
   * Removes the entry for {@code fingerprint}, one that cannot be read: its manifest goes first, so
   * that even a removal cut short leaves no entry {@link #find} returns.
   */
  public void evict(Fingerprint fingerprint) {
    Path entry = folder(fingerprint).resolve(fingerprint.key());
    try {
      Files.deleteIfExists(entry.resolve(MANIFEST));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove the index entry " + entry, e);
    }
    delete(entry);
  }

  /** Removes a staged entry that will not be published (its writing failed). */
  public void discard(Path staged) {
    if (!staged.getFileName().toString().contains(STAGING)) {
      throw new IllegalArgumentException("not a staged entry: " + staged);
    }
    delete(staged);
  }

  private Path folder(Fingerprint fingerprint) {
    return root.resolve(fingerprint.folder());
  }

  public static Path snapshotFile(Path entry) {
    return entry.resolve(SNAPSHOT);
  }

  private void removeOthers(Fingerprint current) {
    try (Stream<Path> entries = Files.list(folder(current))) {
      entries
          .filter(entry -> !entry.getFileName().toString().equals(current.key()))
          .filter(this::isStale)
          .forEach(IndexCache::delete);
    } catch (IOException e) {
      // Stale entries only cost disk space; the next publish tries again.
    }
  }

  /**
   * Complete entries are replaced at once (open readers keep their mapped files); staging ones only
   * when abandoned.
   */
  private boolean isStale(Path entry) {
    if (!entry.getFileName().toString().contains(STAGING)) {
      return true;
    }
    try {
      return Files.getLastModifiedTime(entry).toInstant().isBefore(Instant.now().minus(ABANDONED));
    } catch (IOException e) {
      return false;
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path path : paths) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // Best effort, as above.
    }
  }
}
