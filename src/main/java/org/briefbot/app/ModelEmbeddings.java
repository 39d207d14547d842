package org.briefbot.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.embedding.PassageEmbedder;
import org.briefbot.retrieval.Embeddings;

/**
 * The embedding model, wired to retrieval. Only this class names the embedding package, and only
 * when retrieval.semantic is true is it touched: a BM25-only bot never loads the model.
 */
final class ModelEmbeddings implements Embeddings, AutoCloseable {
  private final PassageEmbedder embedder;

  private ModelEmbeddings(PassageEmbedder embedder) {
    this.embedder = embedder;
  }

  static ModelEmbeddings open(Path cacheDir) {
    return new ModelEmbeddings(PassageEmbedder.open(cacheDir));
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
    embedder.close();
  }
}
