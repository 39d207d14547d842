package org.briefbot.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.AnswerSettings;
import org.briefbot.answer.Answerer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.eval.TrainingSet;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.rank.Fitting;
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

  static final Fitting.Params ANSWERABILITY = new Fitting.Params(300, 4, 0.05, 0.5);

  private final BriefbotConfig config;
  private final Embeddings model;
  private final SquadNewsroom squad;
  private final Knowledge squadKnowledge;
  private final Path seedKnowledge;
  private final List<GoldQuestion> seedTuning;

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
      seedTuning.forEach(q -> set.add(seed.retriever(), q));
    }
    log.info(
        "Fitting on {} in-scope and {} out-of-scope questions", set.inScope(), set.outOfScope());
    return set.fit(RANKING, ANSWERABILITY);
  }

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
