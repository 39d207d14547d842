package org.briefbot.embedding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * Vectors of {@code texts}, in their order; only texts the cache lacks are embedded, each once,
   * on every core (ONNX sessions are thread-safe and each call uses one thread, see
   * {@link SentenceEncoder#load}), in batches written to the cache as they finish.
   */
  public List<float[]> embedAll(List<String> texts) {
    Map<String, float[]> byText = new HashMap<>();
    Set<String> fresh = new LinkedHashSet<>();
    for (String text : texts) {
      if (!byText.containsKey(text) && !fresh.contains(text)) {
        cache.find(text).ifPresentOrElse(v -> byText.put(text, v), () -> fresh.add(text));
      }
    }
    List<String> missing = List.copyOf(fresh);
    for (int from = 0; from < missing.size(); from += FLUSH_EVERY) {
      List<String> batch = missing.subList(from, Math.min(missing.size(), from + FLUSH_EVERY));
      List<float[]> embedded = batch.parallelStream().map(encoder::embed).toList();
      Map<String, float[]> ordered = new LinkedHashMap<>();
      for (int i = 0; i < batch.size(); i++) {
        ordered.put(batch.get(i), embedded.get(i));
      }
      cache.putAll(ordered);
      byText.putAll(ordered);
    }
    if (!missing.isEmpty()) {
      log.info("Embedded {} of {} passage texts ({} were cached or repeated)", missing.size(), texts.size(), texts.size() - missing.size());
    }
    List<float[]> vectors = new ArrayList<>(texts.size());
    texts.forEach(text -> vectors.add(byText.get(text)));
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
    cache.close();
    encoder.close();
  }
}
