package org.briefbot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.briefbot.index.Candidate;
import org.briefbot.index.Hit;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.index.Typo;
import org.briefbot.knowledge.Passage;

/**
 * Ranks passages for a question in one {@link Mode}. In semantic and hybrid mode the question
 * is embedded on a named thread while BM25 runs on the caller's. Deterministic: ties are broken
 * by passage id. Safe for concurrent use; closing it stops its thread (not the index).
 */
public final class Retriever implements AutoCloseable {
  private final PassageIndex index;
  private final Mode mode;
  private final Optional<Embeddings> embeddings;
  private final RetrievalSettings settings;
  private final Optional<ExecutorService> embedder;

  public Retriever(PassageIndex index, Mode mode, Optional<Embeddings> embeddings, RetrievalSettings settings) {
    this.index = Objects.requireNonNull(index, "index");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    this.settings = Objects.requireNonNull(settings, "settings");
    if (mode.needsModel() && (embeddings.isEmpty() || !index.hasVectors())) {
      throw new IllegalArgumentException("mode " + mode.key() + " needs the embedding model and an index with passage vectors");
    }
    this.embedder = mode.needsModel() ? Optional.of(Executors.newSingleThreadExecutor(Retriever::embeddingThread)) : Optional.empty();
  }

  /** Builds an index of {@code input}, with passage vectors when {@code embeddings} is given. */
  public static PassageIndex buildIndex(IndexInput input, IndexSettings settings, TextAnalysis analysis, Optional<Embeddings> embeddings) {
    if (embeddings.isEmpty()) {
      return PassageIndex.build(input, settings, analysis);
    }
    List<String> texts = input.passages().stream().map(PassageTexts::forEmbedding).toList();
    List<float[]> vectors = embeddings.get().passages(texts);
    Map<String, float[]> byId = new LinkedHashMap<>();
    for (int i = 0; i < vectors.size(); i++) {
      byId.put(input.passages().get(i).id(), vectors.get(i));
    }
    return PassageIndex.build(input.withVectors(byId), settings, analysis);
  }

  public Mode mode() {
    return mode;
  }

  public PassageIndex index() {
    return index;
  }

  /** The best passages for a question, best first, at most {@code request.topK()}. */
  public List<Match> search(SearchRequest request) {
    if (mode == Mode.BM25) {
      return index.search(request).stream().map(this::bm25Match).toList();
    }
    List<Candidate> candidates = candidates(request);
    return mode == Mode.SEMANTIC ? semantic(candidates, request.topK()) : hybrid(candidates, request.topK());
  }

  /** Every candidate of both retrievers with its signals, for fusion and for tuning it. */
  public List<Candidate> candidates(SearchRequest request) {
    return index.candidates(request, questionVector(request.text()), settings.vectorDepth());
  }

  @Override
  public void close() {
    embedder.ifPresent(ExecutorService::shutdownNow);
  }

  private Match bm25Match(Hit hit) {
    return new Match(hit.passage(), hit.score(), settings.bm25Calibration().confidence(hit.coverage(), 0));
  }

  private List<Match> semantic(List<Candidate> candidates, int topK) {
    Calibration calibration = settings.semanticCalibration();
    return ranked(candidates.stream().filter(c -> c.vectorRank() > 0), Candidate::similarity, calibration, topK);
  }

  private List<Match> hybrid(List<Candidate> candidates, int topK) {
    return ranked(candidates.stream(), settings.fusion()::score, settings.hybridCalibration(), topK);
  }

  /** Sorts by score (ties by id) and calibrates each from its own signals. */
  private static List<Match> ranked(
      java.util.stream.Stream<Candidate> candidates, java.util.function.ToDoubleFunction<Candidate> score, Calibration calibration, int topK) {
    List<Match> matches = new ArrayList<>();
    candidates.forEach(c -> matches.add(new Match(c.passage(), score.applyAsDouble(c), calibration.confidence(c.coverage(), c.similarity()))));
    matches.sort(Comparator.comparingDouble(Match::score).reversed().thenComparing(m -> m.passage().id()));
    return matches.size() <= topK ? matches : List.copyOf(matches.subList(0, topK));
  }

  /** Starts embedding now; the index asks for the vector only after its BM25 search. */
  private Supplier<Optional<float[]>> questionVector(String text) {
    if (text.isBlank() || embeddings.isEmpty() || embedder.isEmpty()) {
      return Optional::empty;
    }
    CompletableFuture<float[]> vector = CompletableFuture.supplyAsync(() -> embeddings.get().question(corrected(text)), embedder.get());
    return () -> Optional.of(vector.join());
  }

  /**
   * The question with its typos corrected for the model: a word no passage has, that the model
   * does not know either, becomes the closest index word ("amazn" becomes "amazon"). BM25
   * already matches such words by their close spellings; the model would see word pieces.
   */
  String corrected(String text) {
    StringBuilder out = new StringBuilder(text);
    List<Typo> typos = index.typos(text);
    for (int i = typos.size() - 1; i >= 0; i--) {
      Typo typo = typos.get(i);
      if (!embeddings.orElseThrow().knowsWord(typo.word())) {
        out.replace(typo.start(), typo.end(), typo.correction());
      }
    }
    return out.toString();
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
