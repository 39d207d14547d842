package org.briefbot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;

/**
 * The library the channels answer from: the knowledge serving now, which a reload (the folder
 * watcher, or {@code /reload}) can swap at any moment. The app implements it ({@code
 * app.LiveLibrary}); channels see only this.
 */
public interface Library {
  /**
   * The conversation over the knowledge serving now. Take it once per update: one reply, one
   * version of the knowledge.
   */
  Conversation current();

  /** Re-reads the knowledge now, on the calling thread, and swaps it in; for {@code /reload}. */
  Reloaded reloadNow();

  /** What is loaded now, for {@code /health}. */
  Loaded loaded();

  /** Which retrieval mode answers now and how far embedding has got, for {@code /health}. */
  default ServingStatus status() {
    Loaded loaded = loaded();
    return ServingStatus.withoutModel(loaded.retrievalMode(), loaded.passages());
  }

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
   * What a reload did, for {@code /reload} and for telling admins about broken files.
   *
   * @param report files read and problems found; a broken file that had a good version before has
   *     its error here and a warning that the previous version is still served
   * @param articles articles serving after the reload
   * @param passages passages indexed after the reload
   * @param swapped true when the new knowledge serves; false when building it failed
   * @param failure why the new knowledge could not be built, when not swapped
   * @param took how long reading and indexing took
   */
  record Reloaded(
      IngestReport report,
      int articles,
      int passages,
      boolean swapped,
      Optional<String> failure,
      Duration took) {
    public Reloaded {
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(failure, "failure");
      Objects.requireNonNull(took, "took");
    }

    /** Files skipped as a whole: a file that had a good version keeps serving that. */
    public List<IngestProblem> errors() {
      return report.problems().stream().filter(IngestProblem::fatal).toList();
    }

    /** True when every file loaded and the new knowledge serves: nothing to tell the admins. */
    public boolean clean() {
      return swapped && errors().isEmpty();
    }
  }
}
