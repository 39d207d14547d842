package org.briefbot.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.embedding.CrossEncoderJudge;
import org.briefbot.embedding.PassageEmbedder;
import org.briefbot.retrieval.AnswerJudge;
import org.briefbot.retrieval.Embeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model, wired to retrieval. Only this class names the embedding package, and only
 * when retrieval.semantic is true is it touched: a BM25-only bot never loads the model.
 */
final class ModelEmbeddings implements Embeddings, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelEmbeddings.class);

  private final PassageEmbedder embedder;
  private final Optional<CrossEncoderJudge> judge;

  /** The judge as retrieval sees it, made once: the bot asks for it on every answer. */
  private final Optional<AnswerJudge> answerJudge;

  private ModelEmbeddings(PassageEmbedder embedder, Optional<CrossEncoderJudge> judge) {
    this.embedder = embedder;
    this.judge = judge;
    this.answerJudge = judge.map(ModelEmbeddings::failingSoftly);
  }

  static ModelEmbeddings open(Path cacheDir) {
    return open(cacheDir, Optional.empty());
  }

  /** The model, and the answer judge at {@code judge} when given. */
  static ModelEmbeddings open(Path cacheDir, Optional<Path> judge) {
    return new ModelEmbeddings(
        PassageEmbedder.open(cacheDir), judge.flatMap(ModelEmbeddings::judge));
  }

  /**
   * The judge at {@code model}, or none with a warning: without it the bot answers as it did before
   * it, on the learned confidence alone, which a broken or missing file must not stop.
   */
  private static Optional<CrossEncoderJudge> judge(Path model) {
    if (!Files.isRegularFile(model)) {
      LOG.warn(
          "No answer judge at {}: answering on the learned confidence alone (retrieval.judge)",
          model.toAbsolutePath());
      return Optional.empty();
    }
    try {
      CrossEncoderJudge judge = CrossEncoderJudge.load(model);
      LOG.info("Answer judge {} loaded", model);
      return Optional.of(judge);
    } catch (RuntimeException e) {
      LOG.warn(
          "Cannot read the answer judge {}: {}; answering on the learned confidence alone",
          model,
          e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public Optional<AnswerJudge> judge() {
    return answerJudge;
  }

  /**
   * {@code judge}, answering with the learned confidence alone when a run fails: one bad pair must
   * not cost the reader the answer.
   */
  private static AnswerJudge failingSoftly(CrossEncoderJudge judge) {
    return (question, passage, learned) -> {
      try {
        return judge.confidence(question, passage, learned);
      } catch (RuntimeException e) {
        LOG.warn("The answer judge failed, answering without it: {}", e.getMessage());
        return learned;
      }
    };
  }

  @Override
  public void prepare(Stream<String> texts) {
    embedder.embedMissing(texts);
  }

  @Override
  public float[] passage(String text) {
    return embedder.embedPassage(text);
  }

  @Override
  public Optional<float[]> cached(String text) {
    return embedder.cached(text);
  }

  @Override
  public float[] question(String text) {
    return embedder.embedQuery(text);
  }

  @Override
  public boolean knowsWord(String word) {
    return embedder.knowsWord(word);
  }

  long textsEmbedded() {
    return embedder.textsEmbedded();
  }

  @Override
  public void close() {
    judge.ifPresent(CrossEncoderJudge::close);
    embedder.close();
  }
}
