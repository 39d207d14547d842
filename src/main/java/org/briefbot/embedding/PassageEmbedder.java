package org.briefbot.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds passages through the cache (each distinct text once, ever) and questions directly
 * (they are new each time). Thread-safe.
 */
public final class PassageEmbedder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PassageEmbedder.class);
  /** Vectors are written to the cache in batches this size, so an interrupted run keeps its work. */
  private static final int FLUSH_EVERY = 256;

  private final SentenceEncoder encoder;
  private final EmbeddingCache cache;

  public PassageEmbedder(SentenceEncoder encoder, EmbeddingCache cache) {
    this.encoder = encoder;
    this.cache = cache;
  }

  /** Loads the model and opens its cache in {@code cacheDir}. */
  public static PassageEmbedder open(java.nio.file.Path cacheDir) {
    SentenceEncoder encoder = SentenceEncoder.load();
    return new PassageEmbedder(encoder, EmbeddingCache.open(cacheDir, SentenceEncoder.MODEL_ID, SentenceEncoder.DIMENSIONS));
  }

  /** Vectors of {@code texts}, in their order; only texts the cache lacks are embedded. */
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> vectors = new ArrayList<>(texts.size());
    Map<String, float[]> fresh = new LinkedHashMap<>();
    int embedded = 0;
    for (String text : texts) {
      Optional<float[]> cached = cache.find(text);
      float[] vector = cached.isPresent() ? cached.get() : fresh.computeIfAbsent(text, encoder::embed);
      if (cached.isEmpty() && fresh.size() >= FLUSH_EVERY) {
        embedded += flush(fresh, texts.size());
      }
      vectors.add(vector);
    }
    embedded += flush(fresh, texts.size());
    if (embedded > 0) {
      log.info("Embedded {} of {} passages ({} were cached)", embedded, texts.size(), texts.size() - embedded);
    }
    return vectors;
  }

  /** The vector of a question. */
  public float[] embedQuery(String question) {
    return encoder.embed(question);
  }

  /** Whether the model knows {@code word} as a whole word (see {@link SentenceEncoder#knowsWord}). */
  public boolean knowsWord(String word) {
    return encoder.knowsWord(word);
  }

  /** Texts the model has embedded since it was loaded (cache hits do not count). */
  public long textsEmbedded() {
    return encoder.textsEmbedded();
  }

  @Override
  public void close() {
    encoder.close();
  }

  private int flush(Map<String, float[]> fresh, int total) {
    int count = fresh.size();
    if (count > 0) {
      cache.putAll(fresh);
      fresh.clear();
      log.debug("Cached {} new passage vectors (corpus of {})", count, total);
    }
    return count;
  }
}
