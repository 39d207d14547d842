package org.briefbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.ServingStatus;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.ArticlePassages;
import org.briefbot.index.IndexInput;
import org.briefbot.index.LiveIndex;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.PassageWriter;
import org.briefbot.index.TextAnalysis;
import org.briefbot.index.UpdateLock;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.ArticleBatches;
import org.briefbot.knowledge.FaqItem;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.KnowledgeLoader.ParsedFile;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Mode;
import org.briefbot.snapshot.Fingerprint;
import org.briefbot.snapshot.Snapshot;
import org.briefbot.snapshot.SnapshotFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The knowledge folder kept in one on-disk index that follows it file by file ({@code
 * <knowledge.index>/<folder>/live/}): {@link #catchUp} compares the folder with what the last
 * commit applied (each file's path, size and modification time, in the commit's data), parses only
 * the article files that are new or changed, deletes the documents of changed and removed ones and
 * adds the new ones in one commit, and links entities in the changed articles only. The knowledge
 * without passage text and the entity catalog go into a snapshot file written before the commit
 * that names it, so the index and the snapshot always belong together: a process killed half-way
 * restarts at the last commit and catches up from there. The curated FAQ and entity files are small
 * and read again at every change.
 *
 * <p>A file that fails as a whole after a change keeps its previous version serving: its documents
 * stay and the commit keeps its old state, so it is read again at the next change. Not thread-safe:
 * {@link LiveLibrary} calls it from one reload at a time. Across processes (a bot, an {@code ask})
 * every update holds the folder's {@link UpdateLock} and starts from the last commit, whoever made
 * it.
 */
final class LiveArchive implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LiveArchive.class);

  private static final String FILES = "files";
  private static final String SNAPSHOT = "snapshot";
  private static final String FORMAT = "format";
  private static final String ARTICLES = "articles/";
  private static final String KEPT = "serving the previous version of this file until it is fixed";

  /** How long an update waits for another process's update of the same index to finish. */
  private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

  /** How often a first build logs how far it has got. */
  private static final Duration LOG_EVERY = Duration.ofSeconds(10);

  /**
   * From this many articles a first build runs {@link PassageWriter#WRITERS} writers, one per share
   * of the articles: about the 20,000 passages from which two writers beat one.
   */
  private static final int WRITERS_FROM = 1_000;

  private final BriefbotConfig config;
  private final Path knowledgeDir;
  private final Path folder;
  private final String format;
  private final Optional<Embeddings> model;

  /**
   * Whether passages are embedded before they are indexed (a command that answers once and exits)
   * rather than indexed at once and embedded in the background (the bot).
   */
  private final boolean embedFirst;

  private final TextAnalysis analysis = new TextAnalysis();
  private final Object embedding = new Object();
  private final KnowledgeLoader loader = new KnowledgeLoader();
  private final LiveIndex index;

  /** What the last commit holds; empty before the first build (or after one that is unreadable). */
  private Optional<State> state;

  /**
   * The index's state: the knowledge (articles without passages), its catalog, and each file's line
   * as last applied, by path relative to the knowledge folder; {@code snapshot} names the commit.
   */
  private record State(
      Knowledge knowledge, EntityCatalog catalog, Map<String, String> applied, String snapshot) {}

  private LiveArchive(
      BriefbotConfig config,
      Path knowledgeDir,
      Path folder,
      Optional<Embeddings> model,
      boolean embedFirst) {
    this.config = config;
    this.knowledgeDir = knowledgeDir;
    this.folder = folder;
    this.model = model;
    this.embedFirst = embedFirst;
    this.index =
        LiveIndex.open(folder.resolve("index"), LoadedLibrary.indexSettings(config), analysis);
    this.format = format(config, index.served());
    this.state = readState();
  }

  /**
   * The config's index format; a config without the model keeps an index that has vectors (the bot
   * with the model shares the folder) and adds its passages without, for that bot to embed.
   */
  private static String format(BriefbotConfig config, Map<String, String> committed) {
    String withVectors = LoadedLibrary.indexFormat(true);
    boolean keep = !config.retrieval().semantic() && withVectors.equals(committed.get(FORMAT));
    return keep ? withVectors : LoadedLibrary.indexFormat(config);
  }

  /**
   * The archive of {@code knowledgeDir} under the index folder {@code root}, at its last commit.
   */
  static LiveArchive open(
      BriefbotConfig config, Path root, Path knowledgeDir, Optional<Embeddings> model) {
    Path folder = folder(root, knowledgeDir);
    createDirectories(folder);
    return new LiveArchive(config, knowledgeDir, folder, model, false);
  }

  /**
   * The folder's index for a command that answers and exits ({@code ask}, {@code eval}, {@code
   * check}): brought up to date with the folder, every passage embedded first when there is a
   * model, and served from that commit. When another process is updating the index (the bot serving
   * the same folder), its last commit serves as it is and {@code notes} hears whether the folder
   * has changes that commit lacks. Empty when there is no commit to serve yet: the caller reads the
   * folder itself.
   */
  @SuppressWarnings("try") // the lock is held for the body, not used in it
  static Optional<LoadedLibrary.Loaded> loadOnce(
      BriefbotConfig config,
      Path root,
      Path knowledgeDir,
      Optional<Embeddings> model,
      Consumer<String> notes) {
    Path folder = folder(root, knowledgeDir);
    createDirectories(folder);
    Optional<UpdateLock> lock = UpdateLock.tryObtain(folder);
    if (lock.isPresent()) {
      try (UpdateLock held = lock.get();
          LiveArchive archive = new LiveArchive(config, knowledgeDir, folder, model, true)) {
        return Optional.of(archive.catchUpLocked());
      }
    }
    if (!LiveIndex.exists(folder.resolve("index"))) {
      notes.accept(
          "Another process is building the index in " + folder + ": reading the folder instead");
      return Optional.empty();
    }
    try (LiveArchive archive = new LiveArchive(config, knowledgeDir, folder, model, false)) {
      Optional<LoadedLibrary.Loaded> loaded = archive.lastCommit();
      if (loaded.isPresent() && archive.behindFolder()) {
        notes.accept(
            "Another process is updating the index in "
                + folder
                + ": answering from its last commit, which lacks the latest changes to "
                + knowledgeDir);
      }
      return loaded;
    }
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The Lucene index of {@code knowledgeDir} under the index folder {@code root}. */
  static Path indexDir(Path root, Path knowledgeDir) {
    return folder(root, knowledgeDir).resolve("index");
  }

  private static Path folder(Path root, Path knowledgeDir) {
    return root.resolve(Fingerprint.of(knowledgeDir, "").folder()).resolve("live");
  }

  /**
   * What the bot would serve from the index on disk as it is, without changing it: passages, how
   * many have their vectors, and so which mode answers first; empty when there is no index yet.
   */
  static Optional<ServingStatus> statusOnDisk(BriefbotConfig config, Path root, Path knowledgeDir) {
    Path dir = folder(root, knowledgeDir).resolve("index");
    if (!LiveIndex.exists(dir)) {
      return Optional.empty();
    }
    try (LiveIndex index =
            LiveIndex.open(dir, LoadedLibrary.indexSettings(config), new TextAnalysis());
        PassageIndex searcher = index.searcher(List.of())) {
      boolean model = config.retrieval().semantic();
      int embedded = model ? searcher.passagesWithVectors() : 0;
      Mode mode =
          LiveLibrary.servingMode(
              config.retrieval().mode(), model, searcher, searcher.size() - embedded);
      return Optional.of(
          new ServingStatus(
              mode.key(),
              config.retrieval().mode().key(),
              searcher.size(),
              embedded,
              model && embedded < searcher.size(),
              Optional.empty(),
              judgeOnDisk(config)));
    }
  }

  /** Whether a hybrid bot with this config would find its answer judge's file. */
  private static boolean judgeOnDisk(BriefbotConfig config) {
    BriefbotConfig.RetrievalConfig retrieval = config.retrieval();
    return retrieval.semantic()
        && retrieval.mode() == Mode.HYBRID
        && retrieval.judgeFile().filter(Files::isRegularFile).isPresent();
  }

  /**
   * Brings the index up to the folder as it is now and returns what to serve: a searcher over the
   * new commit. A failure leaves the index and this archive at the last commit. Waits while another
   * process updates the same index, and starts from that process's commit.
   */
  @SuppressWarnings("try") // the lock is held for the body, not used in it
  LoadedLibrary.Loaded catchUp() {
    try (UpdateLock lock = UpdateLock.obtain(folder, LOCK_WAIT)) {
      return catchUpLocked();
    }
  }

  private LoadedLibrary.Loaded catchUpLocked() {
    followOtherWriters();
    Map<String, String> now = filesNow();
    if (state.isEmpty()) {
      state = Optional.of(buildAll(now));
    } else if (!now.equals(state.get().applied())) {
      state = Optional.of(update(state.get(), now));
    }
    if (embedFirst) {
      embedMissing();
    }
    return served(state.get());
  }

  /** What {@code current} serves: its knowledge and catalog, and a searcher over the index. */
  private LoadedLibrary.Loaded served(State current) {
    return new LoadedLibrary.Loaded(
        current.knowledge(), current.catalog(), index.searcher(current.catalog().synonymGroups()));
  }

  /**
   * The last commit as it is, changing nothing, for a reader while another process updates the
   * index; empty when it cannot be read (its snapshot replaced under it three times running).
   */
  private Optional<LoadedLibrary.Loaded> lastCommit() {
    for (int attempt = 0; attempt < 3; attempt++) {
      followOtherWriters();
      if (state.isPresent()) {
        return Optional.of(served(state.get()));
      }
    }
    return Optional.empty();
  }

  /** Whether the folder has changes the commit served lacks. */
  private boolean behindFolder() {
    return state.map(s -> !filesNow().equals(s.applied())).orElse(true);
  }

  /**
   * Moves to the last commit when another process committed after the one this archive read: the
   * searchers, then the state that commit names.
   */
  private void followOtherWriters() {
    String snapshot = index.committed().get(SNAPSHOT);
    if (snapshot == null || snapshot.equals(state.map(State::snapshot).orElse(null))) {
      return;
    }
    index.reopen();
    state = readState();
  }

  /**
   * Embeds the passages indexed without their vectors (by a bot that had not embedded them yet) and
   * writes them again with them, before answering from this commit.
   */
  private void embedMissing() {
    List<String> articles = articlesWithoutVectors();
    if (articles.isEmpty()) {
      return;
    }
    boolean none;
    try (PassageIndex current = index.searcher(List.of())) {
      none = !current.hasVectors();
    }
    if (none) {
      // Indexed without the model (check): build it again as a first start with the model would.
      state = Optional.of(buildAll(state.orElseThrow().applied()));
      return;
    }
    model.orElseThrow().prepare(Indexing.textsToEmbed(passagesOf(articles)));
    rewriteWithVectors(articles);
  }

  /**
   * The articles with passages indexed without their vectors (the model had not embedded them yet),
   * sorted; none without a model.
   */
  List<String> articlesWithoutVectors() {
    if (model.isEmpty()) {
      return List.of();
    }
    try (PassageIndex current = index.searcher(List.of())) {
      return current.articlesWithoutVectors();
    }
  }

  /** The passages of these articles as the index has them now, for the model to embed. */
  List<Passage> passagesOf(List<String> articles) {
    try (PassageIndex current = index.searcher(List.of())) {
      List<Passage> passages = new ArrayList<>();
      articles.forEach(article -> passages.addAll(current.passagesOf(article)));
      return passages;
    }
  }

  /**
   * Writes these articles' documents again with the vectors the model has for them now, in one
   * commit that keeps the last one's data; for the caller's next {@link #catchUp} to serve.
   */
  @SuppressWarnings("try") // the lock is held for the body, not used in it
  void addVectors(List<String> articles) {
    try (UpdateLock lock = UpdateLock.obtain(folder, LOCK_WAIT)) {
      followOtherWriters();
      rewriteWithVectors(articles);
    }
  }

  private void rewriteWithVectors(List<String> articles) {
    Map<String, String> context =
        state.map(s -> LoadedLibrary.articleContext(s.knowledge())).orElse(Map.of());
    index.rewrite(
        articles, context, input -> Indexing.withCachedVectors(input, model), index.committed());
  }

  /** Each file's line ("path\tsize\tmtime") by path; the folder and format lines left out. */
  private Map<String, String> filesNow() {
    Map<String, String> files = new TreeMap<>();
    List<String> lines = Fingerprint.of(knowledgeDir, format).lines();
    for (String line : lines.subList(2, lines.size())) {
      files.put(line.substring(0, line.indexOf('\t')), line);
    }
    return files;
  }

  /** The state the commit served now names; empty when it cannot be read. */
  private Optional<State> readState() {
    Map<String, String> committed = index.served();
    if (!format.equals(committed.get(FORMAT)) || !committed.containsKey(SNAPSHOT)) {
      return Optional.empty();
    }
    try {
      Snapshot snapshot = SnapshotFile.read(folder.resolve(committed.get(SNAPSHOT)));
      Map<String, String> applied = new TreeMap<>();
      committed.get(FILES).lines().forEach(l -> applied.put(l.substring(0, l.indexOf('\t')), l));
      log.info("Index of the knowledge folder opened at its last commit: {}", folder);
      return Optional.of(
          new State(
              snapshot.knowledge(),
              EntityCatalog.of(snapshot.entities(), snapshot.links()),
              applied,
              committed.get(SNAPSHOT)));
    } catch (RuntimeException e) {
      log.warn("The index in {} cannot be read, building it again: {}", folder, e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Parses the whole folder and replaces the index with it (a first start, a new format), a batch
   * of articles at a time: each batch is parsed, indexed and dropped, so the heap holds the
   * articles without their passages and the batches being written, however large the folder. The
   * catalog then links the passages read back from the written index, in the same order.
   */
  private State buildAll(Map<String, String> files) {
    long start = System.nanoTime();
    ArticleBatches batches = loader.inBatches(knowledgeDir);
    String snapshot = snapshotName();
    Path file = folder.resolve(snapshot);
    long written;
    long linked;
    Knowledge kept;
    EntityCatalog catalog;
    try {
      index.replaceAll(shares(batches));
      written = System.nanoTime();
      log.info(
          "Knowledge folder indexed in {} s; linking the entities of its articles",
          (written - start) / 1_000_000_000);
      kept = batches.knowledge();
      catalog = catalogOfWritten(kept);
      linked = System.nanoTime();
      writeSnapshot(file, kept, catalog);
      List<Passage> curated = curatedPassages(kept);
      IndexInput added =
          vectors(new IndexInput(curated, LoadedLibrary.articleContext(kept, curated), List.of()));
      index.apply(new LiveIndex.Change(List.of(), false, added), data(snapshot, files));
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    removeSnapshotsBut(snapshot);
    log.info(
        "Knowledge folder parsed and indexed in {} ms, entities linked in {} ms, committed in {} ms"
            + " ({} articles): {}",
        (written - start) / 1_000_000,
        (linked - written) / 1_000_000,
        (System.nanoTime() - linked) / 1_000_000,
        kept.articles().size(),
        folder);
    return new State(kept, catalog, files, snapshot);
  }

  /**
   * The batches of a first build for the index's writers: {@link PassageWriter#WRITERS} shares of
   * the articles from {@value #WRITERS_FROM} of them, else one.
   */
  private List<Iterator<IndexInput>> shares(ArticleBatches batches) {
    int shares = batches.files() < WRITERS_FROM ? 1 : PassageWriter.WRITERS;
    BuildLog progress = new BuildLog(batches.files());
    List<Iterator<IndexInput>> inputs = new ArrayList<>();
    for (int share = 0; share < shares; share++) {
      inputs.add(
          batches.share(
              share,
              shares,
              articles -> {
                IndexInput input = batchInput(articles);
                progress.add(articles.size());
                return input;
              }));
    }
    return inputs;
  }

  /**
   * The catalog of {@code kept}, linking the passages the index was just written with: read back in
   * one pass, in the id order both have.
   */
  private EntityCatalog catalogOfWritten(Knowledge kept) {
    try (ArticlePassages passages = ArticlePassages.open(folder.resolve("index"))) {
      return EntityCatalog.build(kept, article -> passages.of(article.id()));
    }
  }

  /**
   * A first build's progress in the log, every {@link #LOG_EVERY}: at 100,000 articles it takes
   * more than a minute before the bot answers. Written to by the writers' threads.
   */
  private static final class BuildLog {
    private final AtomicReference<Progress> progress;
    private final AtomicLong logged = new AtomicLong(System.nanoTime());

    BuildLog(int articles) {
      this.progress = new AtomicReference<>(Progress.starting(articles));
    }

    void add(int articles) {
      Progress now = progress.updateAndGet(p -> p.plus(articles));
      long last = logged.get();
      long time = System.nanoTime();
      if (time - last >= LOG_EVERY.toNanos() && logged.compareAndSet(last, time)) {
        log.info(
            "Indexing the knowledge folder: {}% of {} articles written, about {} s until all"
                + " are; merging the index and linking entities follow",
            now.percent(), now.total(), now.timeLeft().map(Duration::toSeconds).orElse(0L));
      }
    }
  }

  /** A batch of parsed articles as the index takes it: passages, context and vectors. */
  private IndexInput batchInput(List<Article> articles) {
    List<Passage> passages = new ArrayList<>();
    articles.forEach(article -> passages.addAll(article.passages()));
    Map<String, String> context = LoadedLibrary.articleContext(articles);
    // Writers ask from their own threads; the model embeds a batch at a time.
    synchronized (embedding) {
      return vectors(new IndexInput(passages, context, List.of()));
    }
  }

  /** {@code input} with every vector embedded first, or with the vectors the model has so far. */
  private IndexInput vectors(IndexInput input) {
    return embedFirst
        ? Indexing.withVectors(input, model)
        : Indexing.withCachedVectors(input, model);
  }

  /** Applies the files that differ from {@code before}'s in one commit. */
  private State update(State before, Map<String, String> files) {
    long start = System.nanoTime();
    Map<String, Article> bySource = new HashMap<>();
    before.knowledge().articles().forEach(a -> bySource.put(relative(a.source()), a));
    List<String> changed =
        files.keySet().stream()
            .filter(this::isArticle)
            .filter(p -> !files.get(p).equals(before.applied().get(p)))
            .toList();
    List<String> removed =
        before.applied().keySet().stream()
            .filter(this::isArticle)
            .filter(p -> !files.containsKey(p))
            .toList();
    List<ParsedFile> parsed =
        loader.parseArticles(changed.stream().map(knowledgeDir::resolve).toList());

    Map<String, String> applied = new TreeMap<>(files);
    List<String> gone = new ArrayList<>();
    List<Article> fresh = new ArrayList<>();
    Map<String, List<IngestProblem>> problems = articleProblems(before.knowledge(), changed);
    for (String path : removed) {
      Optional.ofNullable(bySource.remove(path)).ifPresent(a -> gone.add(a.id()));
      problems.remove(path);
    }
    for (ParsedFile file : parsed) {
      String path = relative(file.path());
      List<IngestProblem> found = new ArrayList<>(file.problems());
      if (file.article().isPresent()) {
        Optional.ofNullable(bySource.remove(path)).ifPresent(a -> gone.add(a.id()));
        fresh.add(file.article().get());
      } else if (bySource.containsKey(path)) {
        found.add(new IngestProblem(file.path(), 0, KEPT, false));
        applied.put(path, before.applied().get(path));
      }
      problems.put(path, found);
    }
    List<Article> articles = new ArrayList<>(bySource.values());
    articles.addAll(fresh);
    articles.sort(Comparator.comparing(Article::id));
    KnowledgeLoader.Curated curated =
        loader.loadCurated(
            knowledgeDir, articles.stream().map(Article::id).collect(Collectors.toSet()));
    Knowledge knowledge =
        new Knowledge(
            articles, curated.faqItems(), curated.entities(), report(files, problems, curated));
    long read = System.nanoTime();
    EntityCatalog catalog = before.catalog().update(knowledge, fresh);
    long linked = System.nanoTime();

    List<Passage> passages = new ArrayList<>();
    fresh.stream()
        .sorted(Comparator.comparing(Article::id))
        .forEach(a -> passages.addAll(a.passages()));
    passages.addAll(curatedPassages(knowledge));
    IndexInput added =
        vectors(
            new IndexInput(passages, LoadedLibrary.articleContext(knowledge, passages), List.of()));
    Knowledge kept = knowledge.indexed();
    String snapshot = snapshotName();
    long indexing = System.nanoTime();
    commitSnapshot(
        kept,
        catalog,
        snapshot,
        () -> index.apply(new LiveIndex.Change(gone, true, added), data(snapshot, applied)));
    log.info(
        "Knowledge folder updated in {} ms (read {}, catalog {}, vectors {}, index and snapshot {}):"
            + " {} articles new or changed, {} removed",
        (System.nanoTime() - start) / 1_000_000,
        (read - start) / 1_000_000,
        (linked - read) / 1_000_000,
        (indexing - linked) / 1_000_000,
        (System.nanoTime() - indexing) / 1_000_000,
        fresh.size(),
        removed.size());
    return new State(kept, catalog, applied, snapshot);
  }

  /** The problems of the last load by article file, those of {@code rereading} left out. */
  private Map<String, List<IngestProblem>> articleProblems(
      Knowledge knowledge, List<String> rereading) {
    Map<String, List<IngestProblem>> byFile = new TreeMap<>();
    for (IngestProblem problem : knowledge.report().problems()) {
      String path = relative(problem.path());
      if (isArticle(path) && !rereading.contains(path)) {
        byFile.computeIfAbsent(path, p -> new ArrayList<>()).add(problem);
      }
    }
    return byFile;
  }

  private IngestReport report(
      Map<String, String> files,
      Map<String, List<IngestProblem>> articleProblems,
      KnowledgeLoader.Curated curated) {
    List<Path> read = new ArrayList<>();
    files.keySet().stream().filter(this::isArticle).map(knowledgeDir::resolve).forEach(read::add);
    read.addAll(curated.report().filesRead());
    List<IngestProblem> problems = new ArrayList<>();
    articleProblems.values().forEach(problems::addAll);
    problems.addAll(curated.report().problems());
    return new IngestReport(read, problems);
  }

  /** The curated FAQ items as passages, titled after their article when it is loaded. */
  private static List<Passage> curatedPassages(Knowledge knowledge) {
    Map<String, String> titles = new HashMap<>();
    knowledge.articles().forEach(a -> titles.putIfAbsent(a.id(), a.title()));
    return knowledge.faqItems().stream()
        .map(
            item ->
                item.toPassage(item.article().map(titles::get).orElse(FaqItem.NO_ARTICLE_TITLE)))
        .toList();
  }

  /**
   * Writes the snapshot the commit will name, then commits; the snapshot of the commit before is
   * removed after, and this one when the commit fails.
   */
  private void commitSnapshot(
      Knowledge kept, EntityCatalog catalog, String snapshot, Runnable commit) {
    Path file = folder.resolve(snapshot);
    try {
      writeSnapshot(file, kept, catalog);
      commit.run();
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    removeSnapshotsBut(snapshot);
  }

  private static void writeSnapshot(Path file, Knowledge kept, EntityCatalog catalog) {
    SnapshotFile.write(file, new Snapshot(kept, catalog.all(), catalog.links()));
    force(file);
  }

  private Map<String, String> data(String snapshot, Map<String, String> applied) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(FORMAT, format);
    data.put(SNAPSHOT, snapshot);
    data.put(FILES, String.join("\n", applied.values()));
    return data;
  }

  private static String snapshotName() {
    return "knowledge-" + System.currentTimeMillis() + "-" + System.nanoTime() + ".snapshot";
  }

  private static void force(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void removeSnapshotsBut(String keep) {
    try (Stream<Path> files = Files.list(folder)) {
      files
          .filter(f -> f.getFileName().toString().endsWith(".snapshot"))
          .filter(f -> !f.getFileName().toString().equals(keep))
          .forEach(LiveArchive::deleteQuietly);
    } catch (IOException e) {
      // An old snapshot only costs disk space; the next commit tries again.
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // As above.
    }
  }

  private boolean isArticle(String path) {
    return path.startsWith(ARTICLES) && path.toLowerCase(Locale.ROOT).endsWith(".txt");
  }

  private String relative(Path file) {
    return knowledgeDir.relativize(file).toString();
  }

  @Override
  public void close() {
    index.close();
  }
}
