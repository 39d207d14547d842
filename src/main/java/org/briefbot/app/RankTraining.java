package org.briefbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.BeirData;
import org.briefbot.eval.BeirEval;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.GoldReport;
import org.briefbot.eval.KeySentenceSet;
import org.briefbot.eval.ModeCalibration;
import org.briefbot.eval.NamedExample;
import org.briefbot.eval.NewsArticles;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.eval.TrainingSet;
import org.briefbot.eval.TrainingSet.Corpus;
import org.briefbot.eval.TrainingSet.Origin;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.rank.Fitting;
import org.briefbot.rank.TreeModel;
import org.briefbot.rank.Xgboost;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.RankRows;
import org.briefbot.retrieval.RetrievalSettings;
import org.briefbot.retrieval.Retriever;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wiring for fitting the learned ranking and for judging it by article folds: indexes of chosen
 * squad-newsroom articles, of the seed beside chosen news articles, and answerers over them with
 * given models. Never asks a question of the articles it is judged on while fitting.
 */
final class RankTraining implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RankTraining.class);

  /** Chosen once on fold A->B's training half (see docs/retrieval.md), then fixed. */
  static final Fitting.Params RANKING = new Fitting.Params(300, 6, 0.1, 1);

  /**
   * What one seed tuning question weighs against one squad-newsroom question: 82 of them beside
   * 10,000 would count for nothing, yet only they have takeaways, FAQ answers and entity notes.
   */
  static final float SEED_WEIGHT = 20;

  static final Fitting.Params ANSWERABILITY = new Fitting.Params(300, 4, 0.05, 0.5);

  /**
   * What one question about a news article weighs: as for the seed's, a few dozen beside 10,000
   * Wikipedia questions would count for nothing, yet only they are written as the bot's own
   * articles are.
   */
  static final float NEWS_WEIGHT = 20;

  /**
   * The key-sentence model's: chosen among five settings by two inner folds of the tuning articles
   * (docs/retrieval.md, "The key-sentence model").
   */
  static final Fitting.Params KEY_SENTENCES = new Fitting.Params(100, 3, 0.1, 1);

  private final BriefbotConfig config;
  private final BriefbotConfig coreConfig;
  private final Embeddings model;
  private final SquadNewsroom squad;
  private final Knowledge squadKnowledge;
  private final NewsArticles news;
  private final Path seedKnowledge;
  private final List<GoldQuestion> seedTuning;

  /** Features per row the models are fitted on (the first of every row's). */
  private final int columns;

  /** Each corpus's rows, computed once per set of articles: folds share them. */
  private final Map<String, TrainingSet> parts = new HashMap<>();

  /**
   * False, having said how to run {@code command} instead, when XGBoost is not on the class path:
   * the jar serves the committed models without it, fitting needs Maven's class path.
   */
  static boolean canFit(String command) {
    if (Xgboost.onClassPath()) {
      return true;
    }
    System.err.println(
        "briefbot: "
            + command
            + " fits models with XGBoost, which the jar leaves out; run it from the project"
            + " folder as: mvn -B -q compile exec:java -Dexec.args=\""
            + command
            + "\"");
    return false;
  }

  RankTraining(
      BriefbotConfig hybrid,
      SquadNewsroom squad,
      NewsArticles news,
      Path seedKnowledge,
      Path seedTuning,
      int columns) {
    if (!RankRows.fittable(columns)) {
      throw new IllegalArgumentException(
          "the bot serves models of "
              + RankRows.COMMITTED_COLUMNS
              + " or "
              + RankRows.columns()
              + " features, not "
              + columns);
    }
    this.columns = columns;
    // The models are fitted and judged on the learned confidence alone: the answer judge was
    // trained on squad-newsroom's articles, and would speak for the folds' test halves.
    this.config = hybrid.withRetrieval(hybrid.retrieval().withoutJudge());
    // The cores serve only their index here: every retriever is built below with the models it
    // is judged with. In hybrid mode a core would read the committed models, which no longer fit
    // once the features change, and then train could not refit them.
    this.coreConfig = Modes.apply(config, "semantic");
    this.model =
        LoadedLibrary.openModel(config)
            .orElseThrow(() -> new IllegalStateException("needs the model"));
    this.squad = squad;
    this.squadKnowledge = new KnowledgeLoader().load(squad.knowledge());
    this.news = news;
    this.seedKnowledge = seedKnowledge;
    this.seedTuning = GoldEval.read(seedTuning);
  }

  SquadNewsroom squad() {
    return squad;
  }

  /** The squad-newsroom articles {@code train} fits on: all but those the CI test holds out. */
  List<String> squadTraining() {
    return squad.articles().stream().filter(a -> !TrainCommand.HELD_OUT.contains(a)).toList();
  }

  NewsArticles news() {
    return news;
  }

  /**
   * Fits both models on {@code articles}' questions (in scope, asked of those articles) and, as out
   * of scope, each half's questions asked of the other half's articles; on the news articles'
   * questions ({@code newsArticles}, the same way); on the seed's tuning questions and the
   * benchmarks' tuning halves. Chooses the threshold on the same questions.
   */
  TrainingSet.Fit fit(List<String> articles, List<String> newsArticles) {
    return fit(articles, newsArticles, columns);
  }

  /**
   * As {@link #fit(List, List)}, on the first {@code columns} features of each row: the committed
   * models' width, or a fold harness's baseline of the features an earlier round had.
   */
  TrainingSet.Fit fit(List<String> articles, List<String> newsArticles, int columns) {
    TrainingSet set = new TrainingSet();
    set.addAll(part("squad " + articles, () -> squadPart(articles)));
    set.addAll(part("news " + newsArticles, () -> newsPart(newsArticles)));
    set.addAll(part("seed", this::seedPart));
    set.addAll(part("benchmarks", this::benchmarkPart));
    if (columns < RankRows.columns()) {
      set = set.withColumns(columns);
    }
    log.info(
        "Fitting on {} in-scope and {} out-of-scope questions, {} feature columns",
        set.inScope(),
        set.outOfScope(),
        columns);
    TrainingSet.Fit fit = set.fit(RANKING, ANSWERABILITY);
    log.info("Chosen on the tuning questions: {}", fit.choice());
    return fit;
  }

  private TrainingSet part(String key, Supplier<TrainingSet> make) {
    TrainingSet known = parts.get(key);
    if (known == null) {
      known = make.get();
      parts.put(key, known);
    }
    return known;
  }

  /**
   * Asks questions of one loaded core: the same questions feed the models' rows and the modes'
   * calibrations.
   */
  private interface Asker extends AutoCloseable {
    void add(GoldQuestion question, Origin origin, float weight);

    @Override
    void close();
  }

  /** Rows for the learned models, from a hybrid retriever with the hand-set ranking. */
  private Function<LoadedLibrary, Asker> rowsOf(TrainingSet set) {
    return core -> {
      Retriever handSet = retriever(core, Optional.empty());
      return new Asker() {
        @Override
        public void add(GoldQuestion question, Origin origin, float weight) {
          set.add(handSet, question, origin, weight);
        }

        @Override
        public void close() {
          handSet.close();
        }
      };
    };
  }

  private TrainingSet squadPart(List<String> articles) {
    TrainingSet set = new TrainingSet();
    askSquad(articles, rowsOf(set));
    return set;
  }

  /**
   * {@code articles}' questions asked of those articles and, as out of scope, each half's questions
   * asked of the other half.
   */
  private void askSquad(List<String> articles, Function<LoadedLibrary, Asker> over) {
    try (LoadedLibrary core = core(articles);
        Asker asker = over.apply(core)) {
      for (String article : articles) {
        Origin origin = new Origin(Corpus.SQUAD, article);
        squad.questionsOf(List.of(article)).forEach(q -> asker.add(q, origin, 1));
      }
    }
    int mid = articles.size() / 2;
    List<String> first = articles.subList(0, mid);
    List<String> second = articles.subList(mid, articles.size());
    squadOutOfScope(over, first, second);
    squadOutOfScope(over, second, first);
  }

  /** {@code asked}'s questions asked of {@code indexed} alone: their articles are absent. */
  private void squadOutOfScope(
      Function<LoadedLibrary, Asker> over, List<String> indexed, List<String> asked) {
    try (LoadedLibrary core = core(indexed);
        Asker asker = over.apply(core)) {
      for (String article : asked) {
        Origin origin = new Origin(Corpus.SQUAD, article);
        squad
            .questionsOf(List.of(article))
            .forEach(q -> asker.add(new GoldQuestion(q.q(), List.of()), origin, 1));
      }
    }
  }

  private TrainingSet newsPart(List<String> articles) {
    TrainingSet set = new TrainingSet();
    askNews(articles, rowsOf(set));
    return set;
  }

  /**
   * The news articles' questions asked of the seed and those articles, as the bot would hold them;
   * and, as out of scope, each article's answerable questions asked of the others without it.
   */
  private void askNews(List<String> articles, Function<LoadedLibrary, Asker> over) {
    if (articles.isEmpty()) {
      return;
    }
    try (LoadedLibrary core = newsCore(articles);
        Asker asker = over.apply(core)) {
      for (String article : articles) {
        Origin origin = new Origin(Corpus.NEWS, article);
        news.questionsOf(List.of(article)).forEach(q -> asker.add(q, origin, NEWS_WEIGHT));
      }
    }
    for (String article : articles) {
      Origin origin = new Origin(Corpus.NEWS, article);
      List<String> others = articles.stream().filter(a -> !a.equals(article)).toList();
      try (LoadedLibrary core = newsCore(others);
          Asker asker = over.apply(core)) {
        news.questionsOf(List.of(article)).stream()
            .filter(q -> !q.outOfScope())
            .forEach(q -> asker.add(new GoldQuestion(q.q(), List.of()), origin, NEWS_WEIGHT));
      }
    }
  }

  private TrainingSet seedPart() {
    TrainingSet set = new TrainingSet();
    askSeed(rowsOf(set));
    return set;
  }

  private void askSeed(Function<LoadedLibrary, Asker> over) {
    try (LoadedLibrary seed = seedCore();
        Asker asker = over.apply(seed)) {
      // One article: the inner folds the threshold is chosen by split its questions instead.
      seedTuning.forEach(q -> asker.add(q, new Origin(Corpus.SEED, q.q()), SEED_WEIGHT));
    }
  }

  /**
   * The BM25 and semantic modes' calibrations refitted on the bot's own answers in each mode to the
   * questions {@link #fit} fits the answerability on (the question-answering corpora; the
   * benchmarks, which have no out-of-scope questions and no say in the threshold, are left out),
   * weighed alike, so that one threshold means the same probability in every mode.
   */
  Map<Mode, ModeCalibration> calibrationData(List<String> articles, List<String> newsArticles) {
    Map<Mode, ModeCalibration> data = new EnumMap<>(Mode.class);
    for (Mode mode : CALIBRATED) {
      data.put(mode, new ModeCalibration());
    }
    Function<LoadedLibrary, Asker> over = core -> answers(core, data);
    askSquad(articles, over);
    askNews(newsArticles, over);
    askSeed(over);
    return data;
  }

  /**
   * The key-sentence model, fitted on the sentences of the passages the bot answers the tuning
   * questions with ({@code models} ranking, every question answered): {@code articles}' questions
   * asked of them, the news articles' beside the seed, the seed's tuning questions.
   */
  TreeModel keySentences(List<String> articles, List<String> newsArticles, LearnedRanking models) {
    KeySentenceSet set = new KeySentenceSet();
    askKeySentences(core(articles), squad.questionsOf(articles), models, set);
    if (!newsArticles.isEmpty()) {
      askKeySentences(newsCore(newsArticles), news.questionsOf(newsArticles), models, set);
    }
    askKeySentences(seedCore(), seedTuning, models, set);
    log.info("Fitting the key-sentence model on {} questions", set.questions());
    return Fitting.ranking(set.table(), KEY_SENTENCES);
  }

  /**
   * {@code questions} asked of {@code core} with {@code models}, their answers added to the set.
   */
  private void askKeySentences(
      LoadedLibrary core, List<GoldQuestion> questions, LearnedRanking models, KeySentenceSet set) {
    try (core;
        Retriever retriever = retriever(core, Optional.of(models))) {
      Answerer answerer = answerer(core, retriever);
      questions.forEach(q -> set.add(answerer, q));
    }
  }

  /** The modes whose confidence is a calibration of their signals (hybrid's is learned). */
  static final List<Mode> CALIBRATED = List.of(Mode.BM25, Mode.SEMANTIC);

  /** The bot's answers in each calibrated mode, at threshold 0, with the hand-set calibrations. */
  private Asker answers(LoadedLibrary core, Map<Mode, ModeCalibration> data) {
    Map<Mode, Retriever> retrievers = new EnumMap<>(Mode.class);
    Map<Mode, Answerer> answerers = new EnumMap<>(Mode.class);
    for (Mode mode : CALIBRATED) {
      Retriever r =
          new Retriever(
              core.index(),
              mode,
              mode.needsModel() ? Optional.of(model) : Optional.empty(),
              RetrievalSettings.handSet(config.retrieval().vectorCandidates()));
      retrievers.put(mode, r);
      answerers.put(mode, answerer(core, r));
    }
    return new Asker() {
      @Override
      public void add(GoldQuestion question, Origin origin, float weight) {
        answerers.forEach(
            (mode, answerer) -> data.get(mode).add(answerer, question, origin.corpus(), weight));
      }

      @Override
      public void close() {
        retrievers.values().forEach(Retriever::close);
      }
    };
  }

  private TrainingSet benchmarkPart() {
    TrainingSet set = new TrainingSet();
    benchmarks(set);
    return set;
  }

  /**
   * The tuning halves of the retrieval benchmarks beside squad-newsroom (StackFAQ set A of both
   * corpora, SciFact's train qrels), so the ranking keeps what the hand-set fusion reached on them;
   * their held-out halves (set B, SciFact test) are never read here.
   */
  private void benchmarks(TrainingSet set) {
    Path root = squad.dir().getParent();
    BriefbotConfig.RetrievalConfig r = config.retrieval();
    BeirEval eval =
        new BeirEval(
            input ->
                Indexing.inMemory(
                    input, IndexSettings.defaults(r.k1(), r.b(), r.fuzzy()), Optional.of(model)),
            RetrievalSettings.handSet(r.vectorCandidates()),
            Optional.of(model));
    for (String[] tuning : BENCHMARK_TUNING) {
      Path dir = root.resolve(tuning[0]);
      if (Files.isDirectory(dir)) {
        eval.addTo(set, BeirData.read(dir, tuning[1], Optional.ofNullable(tuning[2])));
      } else {
        log.warn("No {}: fitting without it", dir);
      }
    }
  }

  /** Folder, qrels split, query set: the tuning half of each benchmark. */
  private static final String[][] BENCHMARK_TUNING = {
    {"stackfaq", "test", "A"}, {"stackfaq-answers-only", "test", "A"}, {"scifact", "train", null}
  };

  /** A hybrid core over some squad-newsroom articles, with the hand-set ranking. */
  LoadedLibrary core(List<String> articles) {
    Set<String> ids = Set.copyOf(articles);
    Knowledge subset =
        new Knowledge(
            squadKnowledge.articles().stream().filter(a -> ids.contains(a.id())).toList(),
            List.of(),
            List.of(),
            squadKnowledge.report());
    return LoadedLibrary.build(coreConfig, subset, Optional.of(model));
  }

  /**
   * A hybrid core over the seed's articles and {@code articles} of the news set, as `eval` over a
   * folder of them holds them (no curated FAQ or entity files), with the hand-set ranking.
   */
  LoadedLibrary newsCore(List<String> articles) {
    Knowledge seed = new KnowledgeLoader().load(seedKnowledge);
    return LoadedLibrary.build(
        coreConfig, beside(seed, news.articlesOf(articles)), Optional.of(model));
  }

  /**
   * The seed's articles and {@code news} in id order, without curated FAQ or entity files: the
   * knowledge a news core indexes.
   */
  static Knowledge beside(Knowledge seed, List<Article> news) {
    List<Article> all = new ArrayList<>(seed.articles());
    all.addAll(news);
    all.sort(Comparator.comparing(Article::id));
    return new Knowledge(all, List.of(), List.of(), seed.report());
  }

  /**
   * The named examples answered with {@code models} at {@code threshold}: one report per knowledge
   * they are asked of, in file order.
   */
  List<GoldReport> named(List<NamedExample> examples, LearnedRanking models, double threshold) {
    Map<List<List<String>>, List<NamedExample>> byKnowledge = new LinkedHashMap<>();
    examples.forEach(
        e ->
            byKnowledge
                .computeIfAbsent(List.of(e.news(), e.squad()), k -> new ArrayList<>())
                .add(e));
    List<GoldReport> reports = new ArrayList<>();
    for (List<NamedExample> group : byKnowledge.values()) {
      NamedExample first = group.get(0);
      try (LoadedLibrary core = knowledgeOf(first);
          Retriever retriever = retriever(core, Optional.of(models))) {
        List<GoldQuestion> asked = group.stream().map(NamedExample::question).toList();
        reports.add(new GoldEval().run(answerer(core, retriever, threshold), asked));
      }
    }
    return reports;
  }

  /**
   * What a named example is asked of: the seed knowledge as the bot serves it (curated files
   * included), squad-newsroom articles, or the seed's articles beside news articles.
   */
  private LoadedLibrary knowledgeOf(NamedExample example) {
    if (!example.squad().isEmpty()) {
      return core(example.squad());
    }
    return example.news().isEmpty() ? seedCore() : newsCore(example.news());
  }

  /** A hybrid core over the seed knowledge. */
  LoadedLibrary seedCore() {
    return LoadedLibrary.build(
        coreConfig, new KnowledgeLoader().load(seedKnowledge), Optional.of(model));
  }

  /**
   * An answerer over {@code core}'s index with {@code learned} models (or the hand-set ranking when
   * empty) and threshold 0, so that every figure can be read at any threshold; close the retriever.
   */
  Retriever retriever(LoadedLibrary core, Optional<LearnedRanking> learned) {
    return new Retriever(
        core.index(),
        Mode.HYBRID,
        Optional.of(model),
        RetrievalSettings.handSet(config.retrieval().vectorCandidates()).withLearned(learned));
  }

  Answerer answerer(LoadedLibrary core, Retriever retriever) {
    return answerer(core, retriever, 0);
  }

  /** As {@link #answerer(LoadedLibrary, Retriever)}, declining below {@code threshold}. */
  Answerer answerer(LoadedLibrary core, Retriever retriever, double threshold) {
    BriefbotConfig.AnswerConfig a = config.answer();
    return new Answerer(
        core.knowledge().articles(),
        core.catalog(),
        core.index(),
        retriever,
        new TextAnalysis(),
        new AnswerSettings(
            threshold,
            a.alternatives(),
            a.entityNotes(),
            a.maxQuestionChars(),
            config.retrieval().candidates()));
  }

  @Override
  public void close() {
    model.close();
  }
}
