package org.briefbot.desk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.briefbot.TestConfig;
import org.briefbot.app.LiveLibrary;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.store.ResilientStore;

/**
 * A desk served over real HTTP on 127.0.0.1 and an ephemeral port, over a live library of a
 * knowledge folder and a store: what {@code serve} mounts, without the rest of the server.
 */
final class DeskServer implements AutoCloseable {
  static final String SECRET = "correct horse battery staple";

  final LiveLibrary library;
  final ResilientStore store;
  final Desk desk;
  final URI base;
  private final HttpServer server;
  private final ExecutorService threads;

  private DeskServer(LiveLibrary library, ResilientStore store, Desk desk) {
    this.library = library;
    this.store = store;
    this.desk = desk;
    try {
      this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.threads = Executors.newFixedThreadPool(4, r -> new Thread(r, "desk-test-http"));
    server.setExecutor(threads);
    server.createContext(Desk.PREFIX, desk);
    server.start();
    this.base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The desk over {@code knowledge} and the store at {@code storeUrl}, logged in with SECRET. */
  static DeskServer start(Path knowledge, String storeUrl) {
    return start(knowledge, storeUrl, Optional.of(SECRET), 5);
  }

  static DeskServer start(
      Path knowledge, String storeUrl, Optional<String> secret, int loginAttempts) {
    LiveLibrary library = TestConfig.live(TestConfig.defaults(), knowledge);
    ResilientStore store = ResilientStore.open(storeUrl, Clock.systemUTC());
    DeskSettings settings =
        new DeskSettings(
            "BRIEFBOT_DESK_SECRET",
            secret,
            false,
            Duration.ofHours(8),
            loginAttempts,
            knowledge.resolve("faq"),
            0.5);
    Optional<Embeddings> model = library.model();
    Meanings meanings =
        model.isPresent() ? text -> Optional.of(model.get().question(text)) : Meanings.none();
    return new DeskServer(
        library, store, new Desk(library, store, settings, meanings, Clock.systemUTC()));
  }

  URI uri(String path) {
    return base.resolve(path);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    store.close();
    library.close();
  }
}
