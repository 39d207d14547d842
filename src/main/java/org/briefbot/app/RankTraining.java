package org.briefbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.BeirData;
import org.briefbot.eval.BeirEval;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
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
import org.briefbot.rank.Xgboost;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.Mode;
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

  private final BriefbotConfig config;
  private final Embeddings model;
  private final SquadNewsroom squad;
  private final Knowledge squadKnowledge;
  private final NewsArticles news;
  private final Path seedKnowledge;
  private final List<GoldQuestion> seedTuning;

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
      Path seedTuning) {
    this.config = hybrid;
    this.model =
        LoadedLibrary.openModel(hybrid)
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
    TrainingSet set = new TrainingSet();
    set.addAll(part("squad " + articles, () -> squadPart(articles)));
    set.addAll(part("news " + newsArticles, () -> newsPart(newsArticles)));
    set.addAll(part("seed", this::seedPart));
    set.addAll(part("benchmarks", this::benchmarkPart));
    log.info(
        "Fitting on {} in-scope and {} out-of-scope questions", set.inScope(), set.outOfScope());
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

  private TrainingSet squadPart(List<String> articles) {
    TrainingSet set = new TrainingSet();
    try (LoadedLibrary core = core(articles)) {
      for (String article : articles) {
        Origin origin = new Origin(Corpus.SQUAD, article);
        squad.questionsOf(List.of(article)).forEach(q -> set.add(core.retriever(), q, origin));
      }
    }
    int mid = articles.size() / 2;
    List<String> first = articles.subList(0, mid);
    List<String> second = articles.subList(mid, articles.size());
    squadOutOfScope(set, first, second);
    squadOutOfScope(set, second, first);
    return set;
  }

  /** {@code asked}'s questions asked of {@code indexed} alone: their articles are absent. */
  private void squadOutOfScope(TrainingSet set, List<String> indexed, List<String> asked) {
    try (LoadedLibrary core = core(indexed)) {
      for (String article : asked) {
        Origin origin = new Origin(Corpus.SQUAD, article);
        squad
            .questionsOf(List.of(article))
            .forEach(q -> set.addOutOfScope(core.retriever(), q.q(), origin, 1));
      }
    }
  }

  /**
   * The news articles' questions asked of the seed and those articles, as the bot would hold them;
   * and, as out of scope, each article's answerable questions asked of the others without it.
   */
  private TrainingSet newsPart(List<String> articles) {
    TrainingSet set = new TrainingSet();
    if (articles.isEmpty()) {
      return set;
    }
    try (LoadedLibrary core = newsCore(articles)) {
      for (String article : articles) {
        Origin origin = new Origin(Corpus.NEWS, article);
        news.questionsOf(List.of(article))
            .forEach(q -> set.add(core.retriever(), q, origin, NEWS_WEIGHT));
      }
    }
    for (String article : articles) {
      Origin origin = new Origin(Corpus.NEWS, article);
      List<String> others = articles.stream().filter(a -> !a.equals(article)).toList();
      try (LoadedLibrary core = newsCore(others)) {
        news.questionsOf(List.of(article)).stream()
            .filter(q -> !q.outOfScope())
            .forEach(q -> set.addOutOfScope(core.retriever(), q.q(), origin, NEWS_WEIGHT));
      }
    }
    return set;
  }

  private TrainingSet seedPart() {
    TrainingSet set = new TrainingSet();
    try (LoadedLibrary seed = seedCore()) {
      // One article: the inner folds the threshold is chosen by split its questions instead.
      seedTuning.forEach(
          q -> set.add(seed.retriever(), q, new Origin(Corpus.SEED, q.q()), SEED_WEIGHT));
    }
    return set;
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
            IndexSettings.defaults(r.k1(), r.b(), r.fuzzy()),
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
    return LoadedLibrary.build(config, subset, Optional.of(model));
  }

  /**
   * A hybrid core over the seed's articles and {@code articles} of the news set, as `eval` over a
   * folder of them holds them (no curated FAQ or entity files), with the hand-set ranking.
   */
  LoadedLibrary newsCore(List<String> articles) {
    Knowledge seed = new KnowledgeLoader().load(seedKnowledge);
    List<Article> all = new ArrayList<>(seed.articles());
    all.addAll(news.articlesOf(articles));
    all.sort(Comparator.comparing(Article::id));
    return LoadedLibrary.build(
        config, new Knowledge(all, List.of(), List.of(), seed.report()), Optional.of(model));
  }

  /** A hybrid core over the seed knowledge. */
  LoadedLibrary seedCore() {
    return LoadedLibrary.build(
        config, new KnowledgeLoader().load(seedKnowledge), Optional.of(model));
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
