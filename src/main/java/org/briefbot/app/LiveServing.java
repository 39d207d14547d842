package org.briefbot.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.transport.Conversation;
import org.briefbot.transport.telegram.Serving;

/**
 * The {@link LiveCore} as the Telegram channel sees it ({@link Serving}): the conversation of the
 * core serving now, {@code /reload}, what is loaded, and reloads reported to whoever listens (the
 * bot, which tells its admins about broken files). Closing it closes the live core.
 */
public final class LiveServing implements Serving, AutoCloseable {
  private static final Consumer<Reloaded> NOBODY = result -> {};

  private final LiveCore live;
  private final String retrievalMode;
  private final AtomicReference<Consumer<Reloaded>> listener;

  private LiveServing(
      LiveCore live, String retrievalMode, AtomicReference<Consumer<Reloaded>> listener) {
    this.live = live;
    this.retrievalMode = retrievalMode;
    this.listener = listener;
  }

  /** Loads the knowledge folder; call {@link #watch()} to follow it. */
  public static LiveServing load(BriefbotConfig config, Path knowledgeDir) {
    Objects.requireNonNull(config, "config");
    // The listener must exist before the live core: the core's watcher may call it at any time
    // after.
    AtomicReference<Consumer<Reloaded>> listener = new AtomicReference<>(NOBODY);
    LiveCore live =
        LiveCore.load(config, knowledgeDir, result -> listener.get().accept(summary(result)));
    return new LiveServing(live, config.retrieval().mode(), listener);
  }

  /** Starts following the knowledge folder (see {@link LiveCore#watch()}). */
  public LiveServing watch() {
    live.watch();
    return this;
  }

  /** The core serving now, for start-up logs and tests. */
  public Core core() {
    return live.current();
  }

  @Override
  public Conversation current() {
    return live.current().conversation();
  }

  @Override
  public Reloaded reloadNow() {
    return summary(live.reloadNow());
  }

  @Override
  public Loaded loaded() {
    Core core = live.current();
    return new Loaded(
        core.knowledge().articles().size(),
        core.knowledge().passages().size(),
        core.knowledge().report().errorCount(),
        retrievalMode);
  }

  @Override
  public void onReload(Consumer<Reloaded> listener) {
    this.listener.set(Objects.requireNonNull(listener, "listener"));
  }

  static Reloaded summary(ReloadResult result) {
    return new Reloaded(
        result.swapped(),
        result.articles(),
        result.passages(),
        result.errors(),
        result.failure(),
        result.took());
  }

  @Override
  public void close() {
    listener.set(NOBODY);
    live.close();
  }
}
