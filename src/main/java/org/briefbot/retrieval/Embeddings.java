package org.briefbot.retrieval;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * What retrieval needs from a sentence-embedding model: unit vectors for passages and questions,
 * and the answer judge when one runs beside it. Closing releases both; whoever opened them closes
 * them.
 */
public interface Embeddings extends AutoCloseable {
  /**
   * Embeds the passage texts the implementation's cache lacks, keeping none of the vectors, so that
   * {@link #passage} then reads each one back: a large archive's vectors need not fit the heap.
   */
  void prepare(Stream<String> texts);

  /** The vector of one passage text, from the cache when {@link #prepare} saw it. */
  float[] passage(String text);

  /**
   * The vector of one passage text when it is already at hand (cached), without embedding it: what
   * an index written before the model has caught up can have.
   */
  Optional<float[]> cached(String text);

  /** The vector of a question. */
  float[] question(String text);

  /** Whether the model's vocabulary has {@code word} whole: an English word to it, not a typo. */
  boolean knowsWord(String word);

  /** The answer judge opened with the model, if one is configured and could be read. */
  default Optional<AnswerJudge> judge() {
    return Optional.empty();
  }

  @Override
  void close();
}
