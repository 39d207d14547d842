package org.briefbot.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.snapshot.Fingerprint;
import org.briefbot.snapshot.IndexCache;
import org.briefbot.snapshot.Snapshot;
import org.briefbot.snapshot.SnapshotFile;
import org.briefbot.transport.Conversation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering core, wired: knowledge, entity catalog, index, answerer and the shared
 * conversation logic. Built once at start-up; closing it releases the index.
 *
 * <p>With an index folder configured ({@code knowledge.index}, by default {@code data/index}),
 * an unchanged knowledge folder is read back from there: no parsing, no indexing. The knowledge
 * kept in memory has no passage text either way; the memory-mapped index holds it.
 */
public record Core(Knowledge knowledge, EntityCatalog catalog, PassageIndex index, Answerer answerer, Conversation conversation)
    implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Core.class);
  /** Bump when parsing, analysis, index fields or the snapshot change: older cache entries are then rebuilt. */
  public static final String INDEX_FORMAT = "briefbot-index-2";

  public static Core load(BriefbotConfig config, Path knowledgeDir) {
    String cache = config.knowledge().index();
    return load(config, knowledgeDir, cache.isBlank() ? Optional.empty() : Optional.of(Path.of(cache)));
  }

  /** Loads with the index kept in {@code indexCache}, or in memory only when empty. */
  public static Core load(BriefbotConfig config, Path knowledgeDir, Optional<Path> indexCache) {
    long start = System.nanoTime();
    TextAnalysis analysis = new TextAnalysis();
    BriefbotConfig.Retrieval retrieval = config.retrieval();
    IndexSettings settings = IndexSettings.defaults(retrieval.k1(), retrieval.b(), retrieval.fuzzy());
    Loaded loaded = indexCache.map(root -> fromCache(new IndexCache(root), knowledgeDir, settings, analysis))
        .orElseGet(() -> inMemory(knowledgeDir, settings, analysis));
    log.info("Knowledge ready in {} ms: {} articles, {} passages, {} entities", (System.nanoTime() - start) / 1_000_000,
        loaded.knowledge().articles().size(), loaded.index().size(), loaded.catalog().size());
    BriefbotConfig.Answer a = config.answer();
    AnswerSettings answerSettings = new AnswerSettings(a.threshold(), a.alternatives(), a.entityNotes(), a.maxQuestionChars(), retrieval.candidates());
    Answerer answerer = new Answerer(loaded.knowledge().articles(), loaded.catalog(), loaded.index(), analysis, answerSettings);
    return new Core(loaded.knowledge(), loaded.catalog(), loaded.index(), answerer, new Conversation(answerer, a.maxQuestionChars()));
  }

  private record Loaded(Knowledge knowledge, EntityCatalog catalog, PassageIndex index) {}

  private static Loaded fromCache(IndexCache cache, Path knowledgeDir, IndexSettings settings, TextAnalysis analysis) {
    Fingerprint fingerprint = Fingerprint.of(knowledgeDir, INDEX_FORMAT);
    Optional<Path> entry = cache.find(fingerprint);
    if (entry.isPresent()) {
      log.info("Knowledge folder unchanged: reading the index in {}", entry.get());
      Snapshot snapshot = SnapshotFile.read(IndexCache.snapshotFile(entry.get()));
      EntityCatalog catalog = EntityCatalog.of(snapshot.entities());
      return new Loaded(snapshot.knowledge(), catalog, PassageIndex.open(entry.get(), catalog.synonymGroups(), settings, analysis));
    }
    long start = System.nanoTime();
    Knowledge knowledge = new KnowledgeLoader().load(knowledgeDir);
    long parsed = System.nanoTime();
    Path staged = cache.stage(fingerprint);
    EntityCatalog catalog = indexWhileBuildingCatalog(knowledge, settings, analysis, staged);
    long indexed = System.nanoTime();
    Knowledge kept = knowledge.indexed();
    SnapshotFile.write(IndexCache.snapshotFile(staged), new Snapshot(kept, catalog.all()));
    Path published = cache.publish(staged, fingerprint);
    log.info("Knowledge folder parsed in {} ms, indexed in {} ms, saved in {} ms: {}", (parsed - start) / 1_000_000,
        (indexed - parsed) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000, published);
    return new Loaded(kept, catalog, PassageIndex.open(published, catalog.synonymGroups(), settings, analysis));
  }

  private static Loaded inMemory(Path knowledgeDir, IndexSettings settings, TextAnalysis analysis) {
    Knowledge knowledge = new KnowledgeLoader().load(knowledgeDir);
    EntityCatalog catalog = EntityCatalog.build(knowledge);
    PassageIndex index = PassageIndex.build(input(knowledge, catalog), settings, analysis);
    return new Loaded(knowledge.indexed(), catalog, index);
  }

  /**
   * The catalog reads every article's text to link entities and the index analyses the same
   * text; neither needs the other's result to start, so they share the two cores.
   */
  private static EntityCatalog indexWhileBuildingCatalog(Knowledge knowledge, IndexSettings settings, TextAnalysis analysis, Path dir) {
    ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "entity-catalog-builder"));
    try {
      Future<EntityCatalog> catalog = worker.submit(() -> EntityCatalog.build(knowledge));
      PassageIndex.write(input(knowledge, null), settings, analysis, dir);
      return catalog.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      worker.shutdownNow();
    }
  }

  /** What to index; the synonyms matter only when searching, so {@code catalog} may be null while writing. */
  private static IndexInput input(Knowledge knowledge, EntityCatalog catalog) {
    return new IndexInput(knowledge.passages(), articleContext(knowledge), catalog == null ? List.of() : catalog.synonymGroups());
  }

  /** Hashtags and themes per article: words that describe the article as a whole. */
  private static Map<String, String> articleContext(Knowledge knowledge) {
    Map<String, String> context = new LinkedHashMap<>();
    for (Article article : knowledge.articles()) {
      context.put(article.id(), String.join(", ", article.hashtags()) + "\n" + String.join(", ", article.themes()));
    }
    return context;
  }

  @Override
  public void close() {
    index.close();
  }
}
