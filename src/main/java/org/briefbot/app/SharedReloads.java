package org.briefbot.app;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.ServingStatus;

/**
 * The live library as {@code serve} hands it to its channels: reloads are told to the metrics and
 * to whichever channel listens (Telegram tells its admins), where {@link LiveLibrary} itself keeps
 * one listener only.
 */
final class SharedReloads implements Library {
  private final LiveLibrary library;
  private final AtomicReference<Consumer<Reloaded>> channel = new AtomicReference<>(r -> {});

  SharedReloads(LiveLibrary library, Consumer<Reloaded> always) {
    this.library = Objects.requireNonNull(library, "library");
    Objects.requireNonNull(always, "always");
    library.onReload(
        result -> {
          always.accept(result);
          channel.get().accept(result);
        });
  }

  @Override
  public Conversation current() {
    return library.current();
  }

  @Override
  public Reloaded reloadNow() {
    return library.reloadNow();
  }

  @Override
  public Loaded loaded() {
    return library.loaded();
  }

  @Override
  public ServingStatus status() {
    return library.status();
  }

  @Override
  public void onReload(Consumer<Reloaded> listener) {
    channel.set(Objects.requireNonNull(listener, "listener"));
  }
}
