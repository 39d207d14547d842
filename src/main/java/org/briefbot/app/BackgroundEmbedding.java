package org.briefbot.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds, on one low-priority thread, the passages a {@link LiveArchive} indexed without their
 * vectors, a few articles at a time: each batch is embedded without holding anything, then its
 * documents are written again with their vectors in a commit made under {@code lock}. When no
 * passage is left, {@code serve} swaps in a core over the last commit. The log shows the percentage
 * done and an estimate of the time left.
 */
final class BackgroundEmbedding implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackgroundEmbedding.class);

  /** Articles embedded and committed together: a few seconds of the model's work. */
  private static final int BATCH = 16;

  private static final Duration LOG_EVERY = Duration.ofSeconds(10);

  private final LiveArchive archive;
  private final Embeddings model;
  private final Object lock;
  private final Runnable serve;
  private final ExecutorService thread;
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicReference<Progress> progress = new AtomicReference<>(Progress.NONE);

  BackgroundEmbedding(LiveArchive archive, Embeddings model, Object lock, Runnable serve) {
    this.archive = archive;
    this.model = model;
    this.lock = lock;
    this.serve = serve;
    this.thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread embedder = new Thread(task, "briefbot-embedder");
              embedder.setDaemon(true);
              // Answering comes first; the JVM passes this on where the OS allows.
              embedder.setPriority(Thread.MIN_PRIORITY);
              return embedder;
            });
  }

  /** Starts a round for {@code missing} passages unless one is already waiting to start. */
  void schedule(IntSupplier missing) {
    if (queued.compareAndSet(false, true)) {
      thread.execute(() -> round(missing.getAsInt()));
    }
  }

  /** How far the running round has got; {@link Progress#NONE} between rounds. */
  Progress progress() {
    return progress.get();
  }

  private void round(int missing) {
    queued.set(false);
    try {
      List<String> articles = archive.articlesWithoutVectors();
      if (articles.isEmpty()) {
        return;
      }
      long started = System.nanoTime();
      progress.set(new Progress(Math.max(1, missing), 0, started));
      log.info(
          "Embedding {} passages of {} articles in the background; BM25 answers them meanwhile",
          missing,
          articles.size());
      long logged = started;
      for (int from = 0; from < articles.size(); from += BATCH) {
        if (Thread.currentThread().isInterrupted()) {
          stopped();
          return;
        }
        List<String> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
        List<Passage> passages = archive.passagesOf(batch);
        model.prepare(Indexing.textsToEmbed(passages));
        synchronized (lock) {
          archive.addVectors(batch);
        }
        Progress now = progress.updateAndGet(p -> p.plus(passages.size()));
        if (System.nanoTime() - logged > LOG_EVERY.toNanos()) {
          logged = System.nanoTime();
          log.info(
              "Embedding: {}% of {} passages, about {} s left",
              now.percent(), now.total(), now.timeLeft().map(Duration::toSeconds).orElse(0L));
        }
      }
      synchronized (lock) {
        serve.run();
      }
      log.info(
          "Embedding done: {} passages of {} articles in {} s; their vectors now serve",
          missing,
          articles.size(),
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        // close() interrupts the batch under way, wherever it is: not a fault.
        stopped();
        return;
      }
      log.warn("Background embedding stopped, BM25 keeps answering: {}", e.getMessage(), e);
    } finally {
      progress.set(Progress.NONE);
    }
  }

  /**
   * Says that close() stopped the round, between batches or in one, so a shutdown reads the same
   * whenever it comes.
   */
  private static void stopped() {
    log.info("Background embedding stopped: the knowledge is closing");
  }

  /** Stops embedding and waits for the batch under way (the model must outlive it). */
  @Override
  public void close() {
    thread.shutdownNow();
    try {
      if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
        log.warn("The background embedder did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
