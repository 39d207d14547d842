package org.briefbot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.briefbot.index.Candidate;
import org.briefbot.index.Hit;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Passage;

/**
 * Ranks passages for a question in one {@link Mode}. In semantic and hybrid mode the question is
 * embedded on a named thread while BM25 runs on the caller's. Deterministic: ties are broken by
 * passage id. Safe for concurrent use; closing it stops its thread (not the index).
 */
public final class Retriever implements AutoCloseable {
  /**
   * About what BM25's section boost gave a passage through the lexical signal before fusion dropped
   * it.
   */
  private static final double SECTION_PREFERENCE = 0.10;

  private static final double ARTICLE_PREFERENCE = 0.05;

  private static final double LEARNED_SECTION_LIFT = 2.0;
  private static final double LEARNED_ARTICLE_LIFT = 0.5;

  /** Above any span of the learned ranking's scores: a chosen article's passages all come first. */
  private static final double CHOSEN_ARTICLE_LIFT = 1_000;

  /** How many of the best fused candidates the answer cues may reorder. */
  private static final int CUE_DEPTH = 20;

  private final PassageIndex index;
  private final Mode mode;
  private final Optional<Embeddings> embeddings;
  private final RetrievalSettings settings;
  private final Optional<ExecutorService> embedder;
  private final TextAnalysis analysis = new TextAnalysis();
  private final Repeats repeats;

  public Retriever(
      PassageIndex index, Mode mode, Optional<Embeddings> embeddings, RetrievalSettings settings) {
    this(index, mode, embeddings, settings, Repeats.undated());
  }

  /** {@code repeats} says which copy of a passage several articles carry stands for it. */
  public Retriever(
      PassageIndex index,
      Mode mode,
      Optional<Embeddings> embeddings,
      RetrievalSettings settings,
      Repeats repeats) {
    this.repeats = Objects.requireNonNull(repeats, "repeats");
    this.index = Objects.requireNonNull(index, "index");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (mode.needsModel() && (embeddings.isEmpty() || !index.hasVectors())) {
      throw new IllegalArgumentException(
          "mode " + mode.key() + " needs the embedding model and an index with passage vectors");
    }
    if (mode == Mode.HYBRID) {
      // Read the learned models now, not on the first question.
      settings.learned().ifPresent(LearnedRanking::load);
    }
    this.embedder =
        mode.needsModel()
            ? Optional.of(Executors.newSingleThreadExecutor(Retriever::embeddingThread))
            : Optional.empty();
  }

  public Mode mode() {
    return mode;
  }

  /**
   * The answer judge, when this retriever's first passage has a learned probability for it to join:
   * hybrid mode with the learned models.
   */
  public Optional<AnswerJudge> judge() {
    return mode == Mode.HYBRID && settings.learned().isPresent()
        ? embeddings.flatMap(Embeddings::judge)
        : Optional.empty();
  }

  public PassageIndex index() {
    return index;
  }

  /** The best passages for a question, best first, at most {@code request.topK()}. */
  public List<Match> search(SearchRequest request) {
    return search(request, routing(request), false);
  }

  /**
   * {@link #search}, with the learned ranking's {@code routing} lift (unused by the other modes).
   */
  private List<Match> search(
      SearchRequest request, ToDoubleFunction<Candidate> routing, boolean chosen) {
    if (mode == Mode.BM25) {
      return repeats
          .collapse(
              index.search(request),
              Hit::passage,
              Hit::wording,
              Hit::coverage,
              inStory(request, chosen))
          .stream()
          .map(this::bm25Match)
          .toList();
    }
    Retrieved retrieved = retrieve(request, chosen);
    List<Candidate> candidates = retrieved.candidates();
    ToDoubleFunction<Candidate> preferred = preference(request);
    return mode == Mode.SEMANTIC
        ? semantic(candidates, preferred, request.topK())
        : hybrid(retrieved, preferred, routing, AnswerCues.of(request.text()), request.topK());
  }

  /**
   * The best passages of the article {@code request} prefers, best first: for a question the reader
   * asked about a story they chose ("which story do you mean?"), where another story's passage is
   * no answer. Ranked as {@link #search} ranks them, except that with the learned models that
   * article's passages come before every other before the others are dropped: below the first, a
   * match's confidence is raised to its closeness for offering it as an alternative, so only a
   * first match carries its probability of answering. The other modes calibrate each match from its
   * own signals.
   */
  public List<Match> searchWithin(SearchRequest request) {
    String article =
        request
            .preferArticle()
            .orElseThrow(() -> new IllegalArgumentException("no article to search within"));
    ToDoubleFunction<Candidate> routing = routing(request);
    ToDoubleFunction<Candidate> chosen =
        c ->
            routing.applyAsDouble(c)
                + (c.passage().articleId().equals(article) ? CHOSEN_ARTICLE_LIFT : 0);
    return search(request, chosen, true).stream()
        .filter(m -> m.passage().articleId().equals(article))
        .toList();
  }

  /** Every candidate of both retrievers with its signals, for fusion and for tuning it. */
  public List<Candidate> candidates(SearchRequest request) {
    return retrieve(request, false).candidates();
  }

  /**
   * A question's candidates, and the question as the embedding model read it.
   *
   * @param corrected the question with its typos corrected ({@link #corrected}); as asked when
   *     nothing was embedded
   */
  private record Retrieved(String text, String corrected, List<Candidate> candidates) {}

  /** {@code chosen}: the reader chose the article the request prefers, not just read it last. */
  private Retrieved retrieve(SearchRequest request, boolean chosen) {
    Optional<CompletableFuture<ModelQuestion>> embedded = embed(request.text());
    List<Candidate> candidates =
        repeats.candidates(
            index.candidates(
                request, () -> embedded.map(f -> f.join().vector()), settings.vectorDepth()),
            inStory(request, chosen));
    String corrected = embedded.map(f -> f.join().text()).orElse(request.text());
    return new Retrieved(request.text(), corrected, candidates);
  }

  private static Optional<Repeats.InStory> inStory(SearchRequest request, boolean chosen) {
    return request.preferArticle().map(article -> new Repeats.InStory(article, chosen));
  }

  @Override
  public void close() {
    embedder.ifPresent(ExecutorService::shutdownNow);
  }

  private Match bm25Match(Hit hit) {
    return new Match(
        hit.passage(), hit.score(), settings.bm25Calibration().confidence(hit.coverage(), 0, 0));
  }

  private List<Match> semantic(
      List<Candidate> candidates, ToDoubleFunction<Candidate> preferred, int topK) {
    Calibration calibration = settings.semanticCalibration();
    return ranked(
        candidates.stream().filter(c -> c.vectorRank() > 0),
        c -> c.similarity() + preferred.applyAsDouble(c),
        calibration,
        topK);
  }

  private List<Match> hybrid(
      Retrieved retrieved,
      ToDoubleFunction<Candidate> preferred,
      ToDoubleFunction<Candidate> routing,
      AnswerCues cues,
      int topK) {
    List<Candidate> candidates = retrieved.candidates();
    if (settings.learned().isPresent()) {
      return learned(settings.learned().get(), retrieved, routing, topK);
    }
    ToDoubleFunction<Candidate> fused =
        c -> settings.fusion().score(c) + preferred.applyAsDouble(c);
    return ranked(
        candidates.stream(), withCues(candidates, fused, cues), settings.hybridCalibration(), topK);
  }

  /**
   * Ranked by the learned models: their order among the best fused candidates, plus the routing
   * lift, and their probability of answering as confidence.
   */
  private List<Match> learned(
      LearnedRanking models, Retrieved retrieved, ToDoubleFunction<Candidate> routing, int topK) {
    List<Candidate> candidates = retrieved.candidates();
    ToDoubleFunction<Candidate> fusion = settings.fusion()::score;
    RankRows rows =
        models.servingRows(
            retrieved.text(), retrieved.corrected(), candidates, fusion, analysis, index);
    Calibration calibration = settings.hybridCalibration();
    List<Match> matches =
        models.rank(
            rows,
            candidates,
            fusion,
            routing,
            c -> calibration.confidence(c.coverage(), c.similarity(), c.sentenceSimilarity()));
    return matches.size() <= topK ? matches : List.copyOf(matches.subList(0, topK));
  }

  /**
   * The best fused candidates of a question and their features, for training the learned models.
   */
  public RankRows rankRows(SearchRequest request) {
    Retrieved retrieved = retrieve(request, false);
    return LearnedRanking.allRows(
        retrieved.text(),
        retrieved.corrected(),
        retrieved.candidates(),
        settings.fusion()::score,
        analysis,
        index);
  }

  /**
   * What a learned ranking adds for a passage in the section the question asks for or in the
   * conversation's article: routing, not relevance, so it is not learned. In units of the ranking
   * score, where the first and second candidates of a question are typically 0.5-2 apart.
   */
  private static ToDoubleFunction<Candidate> routing(SearchRequest request) {
    return c ->
        (request.preferSection().filter(c.passage().section()::equals).isPresent()
                ? LEARNED_SECTION_LIFT
                : 0)
            + (request.preferArticle().filter(c.passage().articleId()::equals).isPresent()
                ? LEARNED_ARTICLE_LIFT
                : 0);
  }

  /**
   * {@code score} plus the answer cues' lift for the best {@link #CUE_DEPTH} candidates by it: cues
   * reorder passages that are already close to the question; they do not pull up a far one, and
   * reading every candidate's sentences for them would cost more than the search. Like the section
   * priors they change the order, not the confidence.
   */
  private ToDoubleFunction<Candidate> withCues(
      List<Candidate> candidates, ToDoubleFunction<Candidate> score, AnswerCues cues) {
    double weight = settings.answerCueWeight();
    if (cues.isEmpty() || weight == 0 || !(settings.fusion() instanceof Fusion.Linear linear)) {
      return score;
    }
    Map<Candidate, Double> scores = new IdentityHashMap<>();
    candidates.forEach(c -> scores.put(c, score.applyAsDouble(c)));
    candidates.stream()
        .sorted(
            Comparator.comparingDouble((Candidate c) -> scores.get(c))
                .reversed()
                .thenComparing(c -> c.passage().id()))
        .limit(CUE_DEPTH)
        .forEach(c -> scores.merge(c, cues.lift(c, weight, linear.sentence()), Double::sum));
    return scores::get;
  }

  /**
   * The lift of a passage in the section the question asks for ("what happens next?") or in the
   * article the conversation is about. BM25 applies these as boosts in its query; fusion weighs
   * relevance signals only, so they are added here, the same in every mode that fuses. A question
   * that names no section gets the section priors instead (entity notes and takeaways lowered).
   */
  private ToDoubleFunction<Candidate> preference(SearchRequest request) {
    return c ->
        (request.preferSection().filter(c.passage().section()::equals).isPresent()
                ? SECTION_PREFERENCE
                : 0)
            + (request.preferArticle().filter(c.passage().articleId()::equals).isPresent()
                ? ARTICLE_PREFERENCE
                : 0)
            + (request.preferSection().isPresent()
                ? 0
                : settings.sectionPrior(c.passage().section()));
  }

  /** Sorts by score (ties by id) and calibrates each from its own signals. */
  private static List<Match> ranked(
      Stream<Candidate> candidates,
      ToDoubleFunction<Candidate> score,
      Calibration calibration,
      int topK) {
    List<Match> matches = new ArrayList<>();
    candidates.forEach(
        c ->
            matches.add(
                new Match(
                    c.passage(),
                    score.applyAsDouble(c),
                    calibration.confidence(c.coverage(), c.similarity(), c.sentenceSimilarity()),
                    c.sentenceSimilarities())));
    matches.sort(
        Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.passage().id()));
    return matches.size() <= topK ? matches : List.copyOf(matches.subList(0, topK));
  }

  /** A question as the embedding model read it (typos corrected) and its vector. */
  private record ModelQuestion(String text, float[] vector) {}

  /**
   * Starts correcting and embedding the question now; the index asks for the vector only after its
   * BM25 search. Empty when nothing is embedded (BM25 mode, a question without a letter or digit:
   * the model refuses text of only invisible characters, such as zero-width spaces).
   */
  private Optional<CompletableFuture<ModelQuestion>> embed(String text) {
    if (text.codePoints().noneMatch(Character::isLetterOrDigit)
        || embeddings.isEmpty()
        || embedder.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        CompletableFuture.supplyAsync(
            () -> {
              String corrected = corrected(text);
              return new ModelQuestion(corrected, embeddings.get().question(corrected));
            },
            embedder.get()));
  }

  /**
   * {@code text} with its typos spelt as the passages spell the closest index words, as the model
   * reads it ({@link #corrected}); as asked in BM25 mode, which reads no model.
   */
  public String respelt(String text) {
    return embeddings.isPresent() ? corrected(text) : text;
  }

  /**
   * The question as the model should read it: each word no passage has and the model does not know
   * either, spelt as the passages spell the closest index word ("amazn" becomes "amazon", "dalas"
   * "dallas"). BM25 already matches such words by their close spellings; the model would see word
   * pieces.
   */
  String corrected(String text) {
    Embeddings model = embeddings.orElseThrow();
    return index.asWritten(text, word -> !model.knowsWord(word));
  }

  private static Thread embeddingThread(Runnable task) {
    Thread thread = new Thread(task, "briefbot-question-embedding");
    thread.setDaemon(true);
    return thread;
  }

  /** Passage ids in ranking order, for tests and evaluation. */
  public static List<String> ids(List<Match> matches) {
    return matches.stream().map(Match::passage).map(Passage::id).toList();
  }
}
