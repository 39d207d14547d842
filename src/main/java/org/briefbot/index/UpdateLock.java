package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;

/**
 * The right to update one {@link LiveIndex} and the files that go with its commits: a native file
 * lock ({@code update.lock} in the folder), held by one holder at a time across processes, and
 * across libraries in one JVM (Lucene's {@link NativeFSLockFactory} keeps both apart). Whoever
 * holds it reads the last commit, changes the index and commits; everyone else may read commits at
 * any time. Released when closed; the operating system releases it when a process dies.
 */
public final class UpdateLock implements AutoCloseable {
  private static final String NAME = "update.lock";
  private static final long POLL_MILLIS = 50;

  private final Directory directory;
  private final Lock lock;

  private UpdateLock(Directory directory, Lock lock) {
    this.directory = directory;
    this.lock = lock;
  }

  /** The lock of {@code folder} if nobody holds it now; empty when somebody does. */
  public static Optional<UpdateLock> tryObtain(Path folder) {
    Directory directory = open(folder);
    try {
      return Optional.of(
          new UpdateLock(directory, NativeFSLockFactory.INSTANCE.obtainLock(directory, NAME)));
    } catch (LockObtainFailedException e) {
      closeQuietly(directory);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("Cannot lock " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The lock of {@code folder}, waiting for its holder to release it for at most {@code wait}.
   *
   * @throws IllegalStateException when it is still held after {@code wait}
   */
  public static UpdateLock obtain(Path folder, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<UpdateLock> lock = tryObtain(folder);
      if (lock.isPresent()) {
        return lock.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "another process kept the index in " + folder + " locked for more than " + wait);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the index lock", e);
    }
  }

  private static Directory open(Path folder) {
    try {
      return FSDirectory.open(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + folder + ": " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Directory directory) {
    try {
      directory.close();
    } catch (IOException e) {
      // Nothing was locked through it.
    }
  }

  @Override
  public void close() {
    try (directory) {
      lock.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the index lock: " + e.getMessage(), e);
    }
  }
}
