package org.briefbot.transport.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.transport.Conversation;

/**
 * What the bot answers from, as the Telegram channel sees it: the knowledge being served now, which
 * a reload (the folder watcher, or {@code /reload}) can swap at any moment. The app implements it
 * over its live core; this package cannot see that one.
 */
public interface Serving {
  /**
   * The conversation over the knowledge serving now. Take it once per update: one reply, one core.
   */
  Conversation current();

  /** Re-reads the knowledge now, on the calling thread, and swaps it in; for {@code /reload}. */
  Reloaded reloadNow();

  /** What is loaded now, for {@code /health}. */
  Loaded loaded();

  /**
   * Tells {@code listener} about every reload from now on, the watcher's included, on the thread
   * that reloaded; replaces the listener before.
   */
  void onReload(Consumer<Reloaded> listener);

  /**
   * @param articles articles serving
   * @param passages passages indexed
   * @param filesWithErrors knowledge files skipped as a whole at the last load
   * @param retrievalMode bm25, semantic or hybrid
   */
  record Loaded(int articles, int passages, long filesWithErrors, String retrievalMode) {
    public Loaded {
      Objects.requireNonNull(retrievalMode, "retrievalMode");
    }
  }

  /**
   * What a reload did.
   *
   * @param swapped true when the new knowledge serves; false when building it failed
   * @param articles articles serving afterwards
   * @param passages passages indexed afterwards
   * @param errors files skipped as a whole; a file that had a good version keeps serving that
   * @param failure why the new knowledge could not be built, when not swapped
   * @param took how long reading and indexing took
   */
  record Reloaded(
      boolean swapped,
      int articles,
      int passages,
      List<IngestProblem> errors,
      Optional<String> failure,
      Duration took) {
    public Reloaded {
      errors = List.copyOf(errors);
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(took, "took");
    }

    /** True when every file loaded and the new knowledge serves: nothing to tell the admins. */
    public boolean clean() {
      return swapped && errors.isEmpty();
    }
  }
}
