package org.briefbot.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.ServingStatus;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.IngestReport;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.KnowledgeWatcher;
import org.briefbot.knowledge.LastGoodFiles;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Mode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link LoadedLibrary} that follows the knowledge folder. A reload builds a whole new core
 * beside the serving one and swaps it in atomically: a question takes {@link #serving()} once and
 * finishes on that core, and nothing ever sees a half-built index. The old core is closed after a
 * grace period, long enough for questions in flight. A file that breaks keeps its last good version
 * serving (see {@link LastGoodFiles}); the listener hears about every reload.
 *
 * <p>With an index folder configured ({@code knowledge.index}) the folder is kept in one index on
 * disk that follows it file by file ({@link LiveArchive}): a start over an unchanged folder reopens
 * it, and a start or reload after a change parses and indexes only the new and changed articles,
 * removes the documents of removed ones, and commits that in one step before the new core is wired.
 * A file broken by an edit keeps its indexed version serving. Cores of successive versions share
 * the index's unchanged segments, memory-mapped; passage text stays off the heap. Without an index
 * folder, each core parses the folder and indexes it in memory.
 *
 * <p>With the model on, passages indexed before the model had their vectors are answered with BM25
 * while {@link BackgroundEmbedding} embeds them; {@link #status()} says which mode answers and how
 * far embedding has got.
 *
 * <p>Owns named daemon threads: the watcher (after {@link #watch}), the closer of old cores and the
 * background embedder. {@link #close()} stops them and closes every core and the index.
 */
public final class LiveLibrary implements Library, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveLibrary.class);
  public static final Duration QUIET = Duration.ofSeconds(1);
  public static final Duration GRACE = Duration.ofSeconds(30);

  /** The configured mode serves while at most one passage in this many lacks its vector. */
  private static final int FEW_MISSING = 100;

  /** Notified when a core with more vectors serves. */
  private final Object embedded = new Object();

  private final BriefbotConfig config;
  private final Path knowledgeDir;
  private final AtomicReference<Consumer<Reloaded>> listener = new AtomicReference<>(result -> {});
  private final Duration grace;
  private final KnowledgeLoader loader = new KnowledgeLoader();
  private final LastGoodFiles lastGood = new LastGoodFiles();
  private final AtomicReference<LoadedLibrary> current = new AtomicReference<>();
  private final ScheduledExecutorService closer;
  private final AtomicReference<KnowledgeWatcher> watcher = new AtomicReference<>();

  /** The folder's index on disk, updated file by file; empty to index each core in memory. */
  private final Optional<LiveArchive> archive;

  /**
   * Embeds in the background what the archive indexed without vectors; present with an archive and
   * a model.
   */
  private final Optional<BackgroundEmbedding> embedding;

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
    this.archive =
        index.isBlank()
            ? Optional.empty()
            : Optional.of(LiveArchive.open(config, Path.of(index), knowledgeDir, model));
    this.embedding =
        archive.flatMap(
            a -> model.map(m -> new BackgroundEmbedding(a, m, this, this::serveEmbedded)));
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
    giveBackGarbage();
    log.info(
        "Knowledge ready in {} ms: {} articles, {} passages",
        elapsed(start).toMillis(),
        first.knowledge().articles().size(),
        first.index().size());
    return this;
  }

  /**
   * A core over the folder as it is now: the on-disk index brought up to date with it (only what
   * changed is parsed and indexed), or without one a parse indexed in memory. {@code parsed}
   * receives the report of a parse in memory.
   */
  private LoadedLibrary open(AtomicReference<IngestReport> parsed) {
    if (archive.isEmpty()) {
      Knowledge knowledge = loader.load(knowledgeDir, lastGood);
      parsed.set(knowledge.report());
      return LoadedLibrary.build(config, knowledge, model);
    }
    LoadedLibrary.Loaded loaded = archive.get().catchUp();
    try {
      PassageIndex index = loaded.index();
      int missing = missingVectors(model, index);
      LoadedLibrary core =
          LoadedLibrary.wire(
              config,
              servingMode(index, missing),
              loaded,
              new TextAnalysis(),
              model,
              Optional.empty());
      if (missing > 0) {
        embedding.ifPresent(e -> e.schedule(() -> missingNow().orElse(missing)));
      }
      return core;
    } catch (RuntimeException e) {
      loaded.index().close();
      throw e;
    }
  }

  /**
   * Passages without their vector in the core serving now, for a round of background embedding that
   * starts later than it was scheduled; empty before the first core serves.
   */
  private OptionalInt missingNow() {
    LoadedLibrary core = current.get();
    return core == null
        ? OptionalInt.empty()
        : OptionalInt.of(core.index().size() - core.index().passagesWithVectors());
  }

  /**
   * The configured mode once (nearly) every passage has its vector; BM25 while many lack theirs (a
   * first start, a large new batch). A few new passages without vectors do not switch hybrid off:
   * BM25 finds them among its candidates until their vectors are there.
   */
  private Mode servingMode(PassageIndex index, int missing) {
    return servingMode(config.retrieval().mode(), model.isPresent(), index, missing);
  }

  /** How many of the index's passages lack the vectors {@code model} would give them. */
  static int missingVectors(Optional<Embeddings> model, PassageIndex index) {
    return model.isEmpty() ? 0 : index.size() - index.passagesWithVectors();
  }

  /** As above, for an index with {@code missing} passages lacking vectors. */
  static Mode servingMode(Mode configured, boolean model, PassageIndex index, int missing) {
    if (!configured.needsModel() || !model) {
      return configured;
    }
    boolean few = missing <= index.size() / FEW_MISSING;
    return index.hasVectors() && few ? configured : Mode.BM25;
  }

  /** Swaps in a core over the archive's last commit, once the background embedder is done. */
  private void serveEmbedded() {
    LoadedLibrary fresh = open(new AtomicReference<>());
    swap(fresh);
    giveBackGarbage();
    synchronized (embedded) {
      embedded.notifyAll();
    }
    ServingStatus status = status();
    log.info(
        "Serving {}: {} of {} passages have their vectors",
        status.mode(),
        status.embedded(),
        status.passages());
  }

  /** Which mode answers now and how far background embedding has got. */
  @Override
  public ServingStatus status() {
    LoadedLibrary core = serving();
    String configured = config.retrieval().mode().key();
    String mode = core.retriever().mode().key();
    if (model.isEmpty()) {
      return new ServingStatus(
          mode, configured, core.index().size(), 0, false, Optional.empty(), false);
    }
    Progress progress = embedding.map(BackgroundEmbedding::progress).orElse(Progress.NONE);
    int passages = core.index().size();
    int serving = core.index().passagesWithVectors();
    return new ServingStatus(
        mode,
        configured,
        passages,
        Math.min(passages, serving + progress.done()),
        serving < passages || progress.running(),
        progress.timeLeft(),
        core.retriever().judge().isPresent());
  }

  /**
   * Waits until every passage serves with its vector, or {@code timeout} passes; whether it did.
   * For callers that must answer in the configured mode from the first question (tests).
   */
  public boolean awaitEmbedded(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (embedded) {
      while (status().embedding()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          embedded.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
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

  /**
   * Where the index of {@code knowledgeDir} lives under the index folder {@code root} ({@code
   * knowledge.index}): a Lucene index, for tools that read it beside the bot (the benchmarks'
   * floor).
   */
  public static Path indexDir(Path root, Path knowledgeDir) {
    return LiveArchive.indexDir(root, knowledgeDir);
  }

  /** The sentence-embedding model every core shares, when one is loaded. */
  public Optional<Embeddings> model() {
    return model;
  }

  /** Starts following the folder: a change is picked up once it has been quiet for a second. */
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
      giveBackGarbage();
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

  /**
   * A full collection once a load or an update has been swapped in. A bulk load (a first build, a
   * batch of new articles, a round of vectors) leaves garbage that made G1 commit heap, and G1
   * gives committed heap back to the system only after a full collection; the bot runs with the
   * default heap (a quarter of the machine), so without this it keeps the build's peak resident for
   * good. After the swap, so the new version serves before the pause. How much free heap that
   * collection keeps committed is G1's MaxHeapFreeRatio (70% of the heap by default: the heap may
   * stay three times the live set); the bot asks for at most 30% where the command line leaves it
   * at the default, since a loaded library allocates little between updates.
   */
  private static void giveBackGarbage() {
    keepLittleFreeHeap();
    System.gc();
  }

  private static void keepLittleFreeHeap() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm.getVMOption("MaxHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT
          && vm.getVMOption("MinHeapFreeRatio").getOrigin() == VMOption.Origin.DEFAULT) {
        vm.setVMOption("MinHeapFreeRatio", "10");
        vm.setVMOption("MaxHeapFreeRatio", "30");
      }
    } catch (RuntimeException e) {
      // Another JVM, or flags it does not let us change: the collection still runs.
      log.debug("Heap free ratios left as they are: {}", e.toString());
    }
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
        library.retriever().mode().key());
  }

  @Override
  public void onReload(Consumer<Reloaded> listener) {
    this.listener.set(Objects.requireNonNull(listener, "listener"));
  }

  /** Stops watching, closes the serving core and any old one still in its grace period. */
  @Override
  public void close() {
    embedding.ifPresent(BackgroundEmbedding::close);
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
    archive.ifPresent(LiveArchive::close);
    ownedModel.ifPresent(Embeddings::close);
  }
}
