package org.briefbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a knowledge folder and its sub-folders, and calls back once a burst of changes has
 * settled: an editor saving three files, or one file written in several steps, is one reload. Owns
 * one named daemon thread; {@link #close()} stops it.
 */
public final class KnowledgeWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeWatcher.class);

  /**
   * A folder that never stops changing is still reloaded this many quiet periods after the first
   * change.
   */
  private static final int MAX_WAIT_PERIODS = 10;

  private final Path root;
  private final Duration quiet;
  private final Runnable onChange;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
  private final Thread thread;

  private KnowledgeWatcher(Path root, Duration quiet, Runnable onChange) throws IOException {
    this.root = root;
    this.quiet = quiet;
    this.onChange = onChange;
    this.service = root.getFileSystem().newWatchService();
    this.thread = new Thread(this::run, "briefbot-knowledge-watcher");
    thread.setDaemon(true);
  }

  /**
   * Starts watching {@code root}; {@code onChange} runs on the watcher's thread once no change was
   * seen for {@code quiet}.
   */
  public static KnowledgeWatcher start(Path root, Duration quiet, Runnable onChange) {
    Objects.requireNonNull(onChange, "onChange");
    if (quiet.isNegative() || quiet.isZero()) {
      throw new IllegalArgumentException("quiet period <= 0: " + quiet);
    }
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("knowledge folder not found: " + root);
    }
    try {
      KnowledgeWatcher watcher = new KnowledgeWatcher(root, quiet, onChange);
      watcher.registerTree(root);
      watcher.thread.start();
      return watcher;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot watch " + root + ": " + e.getMessage(), e);
    }
  }

  private void registerTree(Path folder) throws IOException {
    try (Stream<Path> tree = Files.walk(folder)) {
      for (Path path : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
        WatchKey key =
            path.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        folders.put(key, path);
      }
    }
  }

  private void run() {
    try {
      while (true) {
        handle(service.take());
        settle();
        reload();
      }
    } catch (ClosedWatchServiceException | InterruptedException e) {
      log.debug("Stopped watching {}", root);
    }
  }

  /** Waits until no change came for the quiet period (or the longest wait is over). */
  private void settle() throws InterruptedException {
    long deadline = System.nanoTime() + quiet.toNanos() * MAX_WAIT_PERIODS;
    for (WatchKey next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        next != null && System.nanoTime() < deadline;
        next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
      handle(next);
    }
  }

  /** Drains a key's events; a new sub-folder is watched too, so files dropped into it count. */
  private void handle(WatchKey key) {
    Path folder = folders.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (folder != null
          && event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && event.context() instanceof Path name) {
        Path created = folder.resolve(name);
        if (Files.isDirectory(created)) {
          registerQuietly(created);
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
  }

  private void registerQuietly(Path folder) {
    try {
      registerTree(folder);
    } catch (IOException e) {
      log.warn("Cannot watch new folder {}: {}", folder, e.getMessage());
    }
  }

  private void reload() {
    try {
      onChange.run();
    } catch (RuntimeException e) {
      // The watcher outlives a failed reload: the next change gets another try.
      log.error("Reload after a change in {} failed: {}", root, e.getMessage(), e);
    }
  }

  /** Stops watching and waits for the thread (a reload in progress finishes first). */
  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      log.warn("Closing the watch on {}: {}", root, e.getMessage());
    }
    if (Thread.currentThread() == thread) {
      return;
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
