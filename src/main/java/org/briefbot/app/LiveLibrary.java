package org.briefbot.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.knowledge.IngestReport;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.KnowledgeWatcher;
import org.briefbot.knowledge.LastGoodFiles;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.snapshot.Fingerprint;
import org.briefbot.snapshot.IndexCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoadedLibrary} that follows the knowledge folder. A reload builds a whole new core
 * beside the serving one and swaps it in atomically: a question takes {@link #serving()} once and
 * finishes on that core, and nothing ever sees a half-built index. The old core is closed after a
 * grace period, long enough for questions in flight. A file that breaks keeps its last good version
 * serving (see {@link LastGoodFiles}); the listener hears about every reload.
 *
 * <p>With an index folder configured ({@code knowledge.index}) the bot serves the way {@code ask}
 * does: the start and every reload reopen the folder's entry in the index cache when the folder is
 * unchanged, and otherwise parse it and index it into a new entry, on disk and memory-mapped, so a
 * replaced core waiting out its grace period holds no passage text on the heap. Without one, each
 * core is indexed in memory.
 *
 * <p>Owns named daemon threads: the watcher (after {@link #watch}), the closer of old cores and,
 * after a start that reopened the cache, the one-off parse that remembers each file's last good
 * version. {@link #close()} stops the first two and closes every core.
 */
public final class LiveLibrary implements Library, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveLibrary.class);
  public static final Duration QUIET = Duration.ofSeconds(1);
  public static final Duration GRACE = Duration.ofSeconds(30);

  private final BriefbotConfig config;
  private final Path knowledgeDir;
  private final AtomicReference<Consumer<Reloaded>> listener = new AtomicReference<>(result -> {});
  private final Duration grace;
  private final KnowledgeLoader loader = new KnowledgeLoader();
  private final LastGoodFiles lastGood = new LastGoodFiles();
  private final AtomicReference<LoadedLibrary> current = new AtomicReference<>();
  private final ScheduledExecutorService closer;
  private final AtomicReference<KnowledgeWatcher> watcher = new AtomicReference<>();

  /** The on-disk index cache, or empty to index each core in memory. */
  private final Optional<IndexCache> cache;

  /**
   * Parses the folder after a start that reopened the cache, so that a file broken by the first
   * change still has a last good version; reloads wait for it. Guarded by this.
   */
  private Thread remembering;

  /** Opened once and shared by every core this builds: reloading must not reload the model. */
  private final Optional<Embeddings> model;

  /** The model when this library opened it, and so closes it; empty when its caller owns it. */
  private final Optional<Embeddings> ownedModel;

  private LiveLibrary(
      BriefbotConfig config,
      Path knowledgeDir,
      Duration grace,
      Optional<Embeddings> model,
      Optional<Embeddings> ownedModel) {
    this.config = config;
    this.model = model;
    this.ownedModel = ownedModel;
    this.knowledgeDir = knowledgeDir;
    this.grace = grace;
    String index = config.knowledge().index();
    this.cache = index.isBlank() ? Optional.empty() : Optional.of(new IndexCache(Path.of(index)));
    this.closer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "briefbot-core-closer");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Loads the knowledge folder and serves it; call {@link #watch()} to follow changes. */
  public static LiveLibrary load(BriefbotConfig config, Path knowledgeDir) {
    return load(config, knowledgeDir, GRACE);
  }

  /** As {@link #load(BriefbotConfig, Path)}, closing old cores {@code grace} after a swap. */
  public static LiveLibrary load(BriefbotConfig config, Path knowledgeDir, Duration grace) {
    checkArguments(config, knowledgeDir, grace);
    Optional<Embeddings> model = LoadedLibrary.openModel(config);
    return new LiveLibrary(config, knowledgeDir, grace, model, model).loadFirst();
  }

  /**
   * As {@link #load(BriefbotConfig, Path, Duration)}, using a model its caller owns (tests share
   * one across libraries).
   */
  public static LiveLibrary load(
      BriefbotConfig config, Path knowledgeDir, Duration grace, Optional<Embeddings> sharedModel) {
    checkArguments(config, knowledgeDir, grace);
    Objects.requireNonNull(sharedModel, "sharedModel");
    return new LiveLibrary(config, knowledgeDir, grace, sharedModel, Optional.empty()).loadFirst();
  }

  private static void checkArguments(BriefbotConfig config, Path knowledgeDir, Duration grace) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace < 0: " + grace);
    }
  }

  private synchronized LiveLibrary loadFirst() {
    long start = System.nanoTime();
    LoadedLibrary first = open(new AtomicReference<>());
    current.set(first);
    log.info(
        "Knowledge ready in {} ms: {} articles, {} passages",
        elapsed(start).toMillis(),
        first.knowledge().articles().size(),
        first.index().size());
    return this;
  }

  /**
   * A core over the folder as it is now: the cache's entry for it when there is one, else a parse
   * indexed into a new entry (or into memory without a cache). {@code parsed} receives the report
   * of the parse, if there was one.
   */
  private LoadedLibrary open(AtomicReference<IngestReport> parsed) {
    if (cache.isEmpty()) {
      return LoadedLibrary.build(config, parse(parsed), model);
    }
    Fingerprint fingerprint = Fingerprint.of(knowledgeDir, LoadedLibrary.indexFormat(config));
    Optional<LoadedLibrary> reopened =
        LoadedLibrary.reopen(config, cache.get(), fingerprint, model);
    if (reopened.isPresent()) {
      if (current.get() == null) {
        rememberLastGood();
      }
      return reopened.get();
    }
    return LoadedLibrary.buildOnDisk(config, cache.get(), fingerprint, parse(parsed), model);
  }

  private Knowledge parse(AtomicReference<IngestReport> parsed) {
    awaitLastGood();
    Knowledge knowledge = loader.load(knowledgeDir, lastGood);
    parsed.set(knowledge.report());
    return knowledge;
  }

  /** Starts parsing the folder in the background, for {@link #lastGood} only. */
  private void rememberLastGood() {
    remembering =
        new Thread(
            () -> {
              try {
                loader.load(knowledgeDir, lastGood);
              } catch (RuntimeException e) {
                log.warn("Could not read the knowledge folder's files ahead: {}", e.getMessage());
              }
            },
            "briefbot-last-good");
    remembering.setDaemon(true);
    remembering.start();
  }

  /** Waits until every file has a last good version, if a start began remembering them. */
  synchronized void awaitLastGood() {
    if (remembering == null) {
      return;
    }
    try {
      remembering.join();
      remembering = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the knowledge folder", e);
    }
  }

  /** The core to answer the next question with; take it once per question. */
  public LoadedLibrary serving() {
    LoadedLibrary core = current.get();
    if (core == null) {
      throw new IllegalStateException("LiveLibrary is closed");
    }
    return core;
  }

  /** Starts following the folder: a change is picked up once it has been quiet for a second. */
  /** The sentence-embedding model every core shares, when one is loaded. */
  public Optional<Embeddings> model() {
    return model;
  }

  public LiveLibrary watch() {
    return watch(QUIET);
  }

  /** As {@link #watch()}, with another quiet period. */
  public LiveLibrary watch(Duration quiet) {
    KnowledgeWatcher started = KnowledgeWatcher.start(knowledgeDir, quiet, this::reloadNow);
    KnowledgeWatcher before = watcher.getAndSet(started);
    if (before != null) {
      before.close();
    }
    return this;
  }

  /**
   * Re-reads the knowledge folder now, builds a new core and swaps it in; for {@code /reload} and
   * the watcher. Reloads run one at a time.
   */
  public synchronized Reloaded reloadNow() {
    long start = System.nanoTime();
    AtomicReference<IngestReport> parsed = new AtomicReference<>();
    Reloaded result;
    try {
      LoadedLibrary fresh = open(parsed);
      swap(fresh);
      result =
          new Reloaded(
              fresh.knowledge().report(),
              fresh.knowledge().articles().size(),
              fresh.index().size(),
              true,
              Optional.empty(),
              elapsed(start));
    } catch (RuntimeException e) {
      log.error(
          "Knowledge reload failed, the previous version keeps serving: {}", e.getMessage(), e);
      LoadedLibrary serving = serving();
      result =
          new Reloaded(
              Optional.ofNullable(parsed.get()).orElse(serving.knowledge().report()),
              serving.knowledge().articles().size(),
              serving.index().size(),
              false,
              Optional.of(String.valueOf(e.getMessage())),
              elapsed(start));
    }
    logResult(result);
    tell(result);
    return result;
  }

  private void swap(LoadedLibrary fresh) {
    LoadedLibrary old = current.getAndSet(fresh);
    if (old == null) {
      fresh.close();
      throw new IllegalStateException("LiveLibrary is closed");
    }
    closer.schedule(old::close, grace.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void logResult(Reloaded result) {
    IngestReport report = result.report();
    report
        .problems()
        .forEach(
            p -> {
              if (p.fatal()) {
                log.error("Knowledge reload: {}", p);
              } else {
                log.warn("Knowledge reload: {}", p);
              }
            });
    log.info(
        "Knowledge reloaded in {} ms: {} articles, {} passages, {} files with errors{}",
        result.took().toMillis(),
        result.articles(),
        result.passages(),
        report.errorCount(),
        result.swapped() ? "" : " (not swapped)");
  }

  private void tell(Reloaded result) {
    try {
      listener.get().accept(result);
    } catch (RuntimeException e) {
      log.error("Reload listener failed: {}", e.getMessage(), e);
    }
  }

  @Override
  public Conversation current() {
    return serving().conversation();
  }

  @Override
  public Loaded loaded() {
    LoadedLibrary library = serving();
    return new Loaded(
        library.knowledge().articles().size(),
        library.index().size(),
        library.knowledge().report().errorCount(),
        config.retrieval().mode().key());
  }

  @Override
  public void onReload(Consumer<Reloaded> listener) {
    this.listener.set(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops watching, closes the serving core and any old one still in its grace period. */
  @Override
  public void close() {
    KnowledgeWatcher running = watcher.getAndSet(null);
    if (running != null) {
      running.close();
    }
    List<Runnable> pending;
    synchronized (this) {
      pending = closer.shutdownNow();
      LoadedLibrary serving = current.getAndSet(null);
      if (serving != null) {
        serving.close();
      }
    }
    pending.forEach(Runnable::run);
    ownedModel.ifPresent(Embeddings::close);
  }
}
