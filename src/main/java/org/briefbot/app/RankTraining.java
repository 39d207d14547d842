package org.briefbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.BeirData;
import org.briefbot.eval.BeirEval;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.eval.TrainingSet;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.TextAnalysis;
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
 * squad-newsroom articles, the seed, and answerers over them with given models. Never asks a
 * question of the articles it is judged on while fitting.
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

  private final BriefbotConfig config;
  private final Embeddings model;
  private final SquadNewsroom squad;
  private final Knowledge squadKnowledge;
  private final Path seedKnowledge;
  private final List<GoldQuestion> seedTuning;

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

  RankTraining(BriefbotConfig hybrid, SquadNewsroom squad, Path seedKnowledge, Path seedTuning) {
    this.config = hybrid;
    this.model =
        LoadedLibrary.openModel(hybrid)
            .orElseThrow(() -> new IllegalStateException("needs the model"));
    this.squad = squad;
    this.squadKnowledge = new KnowledgeLoader().load(squad.knowledge());
    this.seedKnowledge = seedKnowledge;
    this.seedTuning = GoldEval.read(seedTuning);
  }

  SquadNewsroom squad() {
    return squad;
  }

  /**
   * Fits both models on {@code articles}' questions (in scope, asked of those articles) and, as
   * out-of-scope examples, each half's questions asked of the other half's articles; plus the
   * seed's tuning questions.
   */
  LearnedRanking fit(List<String> articles) {
    TrainingSet set = new TrainingSet();
    try (LoadedLibrary core = core(articles)) {
      squad.questionsOf(articles).forEach(q -> set.add(core.retriever(), q));
    }
    int mid = articles.size() / 2;
    List<String> first = articles.subList(0, mid);
    List<String> second = articles.subList(mid, articles.size());
    outOfScope(set, first, squad.questionsOf(second));
    outOfScope(set, second, squad.questionsOf(first));
    try (LoadedLibrary seed =
        LoadedLibrary.build(
            config, new KnowledgeLoader().load(seedKnowledge), Optional.of(model))) {
      seedTuning.forEach(q -> set.add(seed.retriever(), q, SEED_WEIGHT));
    }
    benchmarks(set);
    log.info(
        "Fitting on {} in-scope and {} out-of-scope questions", set.inScope(), set.outOfScope());
    return set.fit(RANKING, ANSWERABILITY);
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

  private void outOfScope(TrainingSet set, List<String> indexed, List<GoldQuestion> asked) {
    try (LoadedLibrary core = core(indexed)) {
      asked.forEach(q -> set.addOutOfScope(core.retriever(), q.q()));
    }
  }

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
    BriefbotConfig.AnswerConfig a = config.answer();
    return new Answerer(
        core.knowledge().articles(),
        core.catalog(),
        retriever,
        new TextAnalysis(),
        new AnswerSettings(
            0,
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
