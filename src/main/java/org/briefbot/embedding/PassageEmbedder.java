package org.briefbot.embedding;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.briefbot.memo.RecentMemo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds passages through the cache (each distinct text once, ever) and questions directly (they
 * are new each time, bar the last few). Thread-safe.
 */
public final class PassageEmbedder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PassageEmbedder.class);

  /**
   * Vectors are written to the cache in batches this size, so an interrupted run keeps its work.
   */
  private static final int FLUSH_EVERY = 256;

  /** How many of the latest questions keep their vectors. */
  private static final int RECENT_QUESTIONS = 16;

  private final SentenceEncoder encoder;
  private final EmbeddingCache cache;

  /**
   * The latest questions' vectors, least recently asked dropped first: a question declined as typed
   * is asked again with its typos spelt right, and the model read it spelt right the first time.
   */
  private final RecentMemo<String, float[]> recentQuestions = new RecentMemo<>(RECENT_QUESTIONS);

  public PassageEmbedder(SentenceEncoder encoder, EmbeddingCache cache) {
    this.encoder = encoder;
    this.cache = cache;
  }

  /** Loads the model and opens its cache in {@code cacheDir}. */
  public static PassageEmbedder open(java.nio.file.Path cacheDir) {
    SentenceEncoder encoder = SentenceEncoder.load();
    return new PassageEmbedder(
        encoder,
        EmbeddingCache.open(cacheDir, SentenceEncoder.MODEL_ID, SentenceEncoder.DIMENSIONS));
  }

  /**
   * Embeds the texts of {@code texts} the cache lacks, each once, on every core (ONNX sessions are
   * thread-safe and each call uses one thread, see {@link SentenceEncoder#load}), in batches
   * written to the cache as they finish. Keeps no vector: only one batch of missing texts is held
   * at a time, so this fits any archive. Returns how many texts it embedded.
   */
  public int embedMissing(Stream<String> texts) {
    Set<String> batch = new LinkedHashSet<>();
    int seen = 0;
    int embedded = 0;
    for (String text : (Iterable<String>) texts::iterator) {
      seen++;
      // Texts of this batch are not in the cache yet: the set keeps a repeated one from going
      // twice.
      if (!batch.contains(text) && !cache.contains(text)) {
        batch.add(text);
        if (batch.size() == FLUSH_EVERY) {
          embedded += embedAndCache(List.copyOf(batch));
          batch.clear();
        }
      }
    }
    embedded += embedAndCache(List.copyOf(batch));
    if (embedded > 0) {
      log.info(
          "Embedded {} of {} passage texts ({} were cached or repeated)",
          embedded,
          seen,
          seen - embedded);
    }
    return embedded;
  }

  /** The vector of one passage text if the cache has it; nothing is embedded. */
  public Optional<float[]> cached(String text) {
    return cache.find(text);
  }

  /** The vector of one passage text: read from the cache, or embedded and cached when it is new. */
  public float[] embedPassage(String text) {
    return cache
        .find(text)
        .orElseGet(
            () -> {
              float[] vector = encoder.embed(text);
              cache.putAll(Map.of(text, vector));
              return vector;
            });
  }

  private int embedAndCache(List<String> batch) {
    List<float[]> embedded = batch.parallelStream().map(encoder::embed).toList();
    Map<String, float[]> ordered = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      ordered.put(batch.get(i), embedded.get(i));
    }
    cache.putAll(ordered);
    return batch.size();
  }

  /** The vector of a question: embedded, unless it was one of the latest few. */
  public float[] embedQuery(String question) {
    return recentQuestions.get(question, encoder::embed).clone();
  }

  /**
   * Whether the model knows {@code word} as a whole word (see {@link SentenceEncoder#knowsWord}).
   */
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
