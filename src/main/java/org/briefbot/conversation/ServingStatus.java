package org.briefbot.conversation;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which retrieval mode answers now and how far the model has got embedding the passages: a library
 * whose vectors are missing (a first start, a large new batch) answers with BM25 at once and
 * switches to its configured mode when they are there. For {@code check} and {@code /health}.
 *
 * @param mode the mode answering now: bm25, semantic or hybrid
 * @param configured the mode the configuration asks for
 * @param passages passages indexed
 * @param embedded passages with their vectors (0 without a model), counting those embedded in the
 *     background that are about to serve
 * @param embedding whether passages are still waiting for their vectors to serve
 * @param timeLeft while embedding, the estimated time until every passage has its vector
 * @param answerJudge whether the answer judge reads the first passage of hybrid answers (on disk,
 *     for {@code check}: whether its file is there for a hybrid bot to read)
 */
public record ServingStatus(
    String mode,
    String configured,
    int passages,
    int embedded,
    boolean embedding,
    Optional<Duration> timeLeft,
    boolean answerJudge) {
  public ServingStatus {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(configured, "configured");
    Objects.requireNonNull(timeLeft, "timeLeft");
  }

  /** A library without a model: nothing to embed, the configured mode (bm25) serves. */
  public static ServingStatus withoutModel(String mode, int passages) {
    return new ServingStatus(mode, mode, passages, 0, false, Optional.empty(), false);
  }

  /** The share of passages with their vectors, in whole percent (100 with nothing to embed). */
  public int percentEmbedded() {
    return passages == 0 || !embedding ? 100 : (int) (100L * embedded / passages);
  }

  /**
   * One line for people: "hybrid", or "bm25 until embedded (45%, about 70 s left), then hybrid".
   */
  public String describe() {
    if (!embedding) {
      return mode;
    }
    String left =
        timeLeft
            .map(t -> String.format(Locale.ROOT, ", about %d s left", t.toSeconds()))
            .orElse("");
    String serving = mode.equals(configured) ? mode + " while embedding" : mode + " until embedded";
    return String.format(
        Locale.ROOT,
        "%s (%d%% of %,d passages%s), then %s",
        serving,
        percentEmbedded(),
        passages,
        left,
        configured);
  }
}
