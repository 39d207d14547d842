package org.briefbot.app;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Conversation;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.Repeats;
import org.briefbot.retrieval.RetrievalSettings;
import org.briefbot.retrieval.Retriever;
import org.briefbot.snapshot.IndexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answering core, wired: knowledge, entity catalog, index (with passage vectors when the model
 * is on), retriever, answerer and the shared conversation logic. Immutable: a knowledge change
 * builds a new one ({@link LiveLibrary}). Closing it releases the index, and the model when this
 * core opened it ({@code ownedModel}); a model shared by several cores is closed by its owner.
 *
 * <p>With an index folder configured ({@code knowledge.index}, by default {@code data/index}),
 * {@link #load} serves the folder from the bot's own on-disk index ({@link LiveArchive}): an
 * unchanged folder is reopened (no parsing, no indexing, no embedding), a changed one has only its
 * new and changed articles indexed. The knowledge kept in memory has no passage text either way;
 * the index holds it.
 */
public record LoadedLibrary(
    Knowledge knowledge,
    EntityCatalog catalog,
    PassageIndex index,
    Answerer answerer,
    Conversation conversation,
    Retriever retriever,
    Optional<Embeddings> ownedModel)
    implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LoadedLibrary.class);

  /** Loads the folder, through the configured index folder when there is one. */
  public static LoadedLibrary load(BriefbotConfig config, Path knowledgeDir) {
    String cache = config.knowledge().index();
    return load(
        config, knowledgeDir, cache.isBlank() ? Optional.empty() : Optional.of(Path.of(cache)));
  }

  /**
   * Loads with the index kept under {@code indexRoot}, or in memory only when empty; opens (and
   * owns) the model if configured.
   */
  public static LoadedLibrary load(
      BriefbotConfig config, Path knowledgeDir, Optional<Path> indexRoot) {
    long start = System.nanoTime();
    Optional<Embeddings> model = openModel(config);
    return load(start, config, knowledgeDir, indexRoot, model, model);
  }

  /**
   * As {@link #load(BriefbotConfig, Path, Optional)}, using a model its caller owns (tests share
   * one across libraries).
   */
  public static LoadedLibrary load(
      BriefbotConfig config,
      Path knowledgeDir,
      Optional<Path> indexRoot,
      Optional<Embeddings> sharedModel) {
    return load(System.nanoTime(), config, knowledgeDir, indexRoot, sharedModel, Optional.empty());
  }

  private static LoadedLibrary load(
      long start,
      BriefbotConfig config,
      Path knowledgeDir,
      Optional<Path> indexRoot,
      Optional<Embeddings> model,
      Optional<Embeddings> owned) {
    TextAnalysis analysis = new TextAnalysis();
    Loaded loaded =
        indexRoot
            .flatMap(root -> LiveArchive.loadOnce(config, root, knowledgeDir, model, log::warn))
            .orElseGet(
                () ->
                    inMemory(
                        new KnowledgeLoader().load(knowledgeDir),
                        indexSettings(config),
                        analysis,
                        model));
    log.info(
        "Knowledge ready in {} ms: {} articles, {} passages, {} entities",
        (System.nanoTime() - start) / 1_000_000,
        loaded.knowledge().articles().size(),
        loaded.index().size(),
        loaded.catalog().size());
    return wire(config, servingMode(config, loaded, model), loaded, analysis, model, owned);
  }

  /**
   * The configured mode, or BM25 when the index lacks vectors that another process (the bot) is
   * still embedding.
   */
  private static Mode servingMode(
      BriefbotConfig config, Loaded loaded, Optional<Embeddings> model) {
    PassageIndex index = loaded.index();
    int missing = LiveLibrary.missingVectors(model, index);
    Mode mode =
        LiveLibrary.servingMode(config.retrieval().mode(), model.isPresent(), index, missing);
    if (mode != config.retrieval().mode()) {
      log.warn(
          "Answering with {}: {} of {} passages still lack their vectors",
          mode.key(),
          missing,
          index.size());
    }
    return mode;
  }

  /**
   * The core over knowledge already loaded, in memory; opens (and owns) the model when the config
   * wants one.
   */
  public static LoadedLibrary build(BriefbotConfig config, Knowledge knowledge) {
    Optional<Embeddings> model = openModel(config);
    return build(config, knowledge, model, model);
  }

  /**
   * The core over knowledge already loaded, using a model its caller owns (live reloads share one).
   */
  public static LoadedLibrary build(
      BriefbotConfig config, Knowledge knowledge, Optional<Embeddings> sharedModel) {
    return build(config, knowledge, sharedModel, Optional.empty());
  }

  /** The embedding model the config asks for, if any; the caller closes it. */
  public static Optional<Embeddings> openModel(BriefbotConfig config) {
    return config.retrieval().semantic()
        ? Optional.of(Models.open(config.retrieval()))
        : Optional.empty();
  }

  /**
   * The cache key's format part: the build's {@link IndexFormat}, and whether the index has vectors
   * (one built without them must not serve a model that needs them).
   */
  public static String indexFormat(BriefbotConfig config) {
    return indexFormat(config.retrieval().semantic());
  }

  /** The format of an index with or without passage vectors. */
  static String indexFormat(boolean vectors) {
    String format = IndexFormat.current();
    return vectors ? format + "+vectors" : format;
  }

  private static LoadedLibrary build(
      BriefbotConfig config,
      Knowledge knowledge,
      Optional<Embeddings> model,
      Optional<Embeddings> owned) {
    TextAnalysis analysis = new TextAnalysis();
    return wire(
        config,
        inMemory(knowledge, indexSettings(config), analysis, model),
        analysis,
        model,
        owned);
  }

  /** What a core is wired from: the knowledge kept in memory, its entity catalog, the index. */
  record Loaded(Knowledge knowledge, EntityCatalog catalog, PassageIndex index) {}

  static LoadedLibrary wire(
      BriefbotConfig config,
      Loaded loaded,
      TextAnalysis analysis,
      Optional<Embeddings> model,
      Optional<Embeddings> owned) {
    return wire(config, config.retrieval().mode(), loaded, analysis, model, owned);
  }

  /** As above, answering in {@code mode} instead of the configured one. */
  static LoadedLibrary wire(
      BriefbotConfig config,
      Mode mode,
      Loaded loaded,
      TextAnalysis analysis,
      Optional<Embeddings> model,
      Optional<Embeddings> owned) {
    BriefbotConfig.RetrievalConfig retrieval = config.retrieval();
    Retriever retriever =
        new Retriever(
            loaded.index(),
            mode,
            model,
            RetrievalSettings.defaults(retrieval.vectorCandidates()),
            Repeats.dated(published(loaded.knowledge())));
    BriefbotConfig.AnswerConfig a = config.answer();
    AnswerSettings answerSettings =
        new AnswerSettings(
            a.threshold(),
            a.alternatives(),
            a.entityNotes(),
            a.maxQuestionChars(),
            retrieval.candidates());
    Answerer answerer =
        new Answerer(
            loaded.knowledge().articles(),
            loaded.catalog(),
            loaded.index(),
            retriever,
            analysis,
            answerSettings);
    return new LoadedLibrary(
        loaded.knowledge(),
        loaded.catalog(),
        loaded.index(),
        answerer,
        new Conversation(answerer, a.maxQuestionChars()),
        retriever,
        owned);
  }

  /**
   * When each article was published, by id: the newest copy of a repeated passage stands for it.
   */
  private static Map<String, Instant> published(Knowledge knowledge) {
    Map<String, Instant> published = new HashMap<>();
    knowledge.articles().forEach(a -> published.put(a.id(), a.published()));
    return published;
  }

  static IndexSettings indexSettings(BriefbotConfig config) {
    BriefbotConfig.RetrievalConfig retrieval = config.retrieval();
    return IndexSettings.defaults(retrieval.k1(), retrieval.b(), retrieval.fuzzy());
  }

  private static Loaded inMemory(
      Knowledge knowledge,
      IndexSettings settings,
      TextAnalysis analysis,
      Optional<Embeddings> model) {
    EntityCatalog catalog = EntityCatalog.build(knowledge).withoutLinks();
    PassageIndex index =
        PassageIndex.build(
            Indexing.withVectors(input(knowledge, catalog), model), settings, analysis);
    return new Loaded(knowledge.indexed(), catalog, index);
  }

  /** What to index: every passage, each article's context, and the catalog's synonyms. */
  static IndexInput input(Knowledge knowledge, EntityCatalog catalog) {
    return new IndexInput(
        knowledge.passages(), articleContext(knowledge.articles()), catalog.synonymGroups());
  }

  /** Hashtags and themes per article: words that describe the article as a whole. */
  static Map<String, String> articleContext(Knowledge knowledge) {
    return articleContext(knowledge.articles());
  }

  /** As {@link #articleContext(Knowledge)}, for these articles. */
  static Map<String, String> articleContext(List<Article> articles) {
    Map<String, String> context = new LinkedHashMap<>();
    for (Article article : articles) {
      context.put(article.id(), articleContext(article));
    }
    return context;
  }

  /**
   * As {@link #articleContext(Knowledge)}, for the articles of {@code passages} only: what writing
   * these passages' documents reads, where the whole archive's would cost an update of a few
   * articles a string per article.
   */
  static Map<String, String> articleContext(Knowledge knowledge, List<Passage> passages) {
    Set<String> ids = new HashSet<>();
    passages.forEach(p -> ids.add(p.articleId()));
    return articleContext(knowledge.articles().stream().filter(a -> ids.contains(a.id())).toList());
  }

  /** An article's hashtags and themes, as {@link #articleContext(Knowledge)} gives them. */
  static String articleContext(Article article) {
    return String.join(", ", article.hashtags()) + "\n" + String.join(", ", article.themes());
  }

  @Override
  public void close() {
    retriever.close();
    index.close();
    ownedModel.ifPresent(Embeddings::close);
  }
}
