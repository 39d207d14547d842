package org.briefbot.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.store.ResilientStore;
import org.briefbot.web.Mount;
import org.briefbot.web.WebApp;
import org.briefbot.web.WebMetrics;
import org.briefbot.web.WebServer;

/**
 * One replica as {@code serve} runs it: the real web server on a free port with the page, the API,
 * {@code /health}, {@code /metrics} and the desk mounted at {@code /desk}, over its own copy of the
 * knowledge and the store at a given URL.
 */
final class ServedReplica implements AutoCloseable {
  final LiveLibrary library;
  final ResilientStore store;
  final WebServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  private ServedReplica(Path knowledge, String storeUrl) {
    BriefbotConfig d = TestConfig.defaults();
    BriefbotConfig config =
        new BriefbotConfig(
            d.knowledge(),
            d.retrieval(),
            d.answer(),
            d.telegram(),
            d.admins(),
            new BriefbotConfig.StoreConfig(storeUrl, d.store().lowConfidence()),
            d.web().onPort(0));
    library = TestConfig.live(config, knowledge);
    store = ResilientStore.open(storeUrl, Clock.systemUTC());
    Desk desk =
        new Desk(
            library,
            store,
            DeskSettings.from(config, Map.of("BRIEFBOT_DESK_SECRET", DeskServer.SECRET), knowledge),
            text -> library.model().map(m -> m.question(text)),
            Clock.systemUTC());
    List<Mount> mounts =
        new ArrayList<>(WebApp.mounts(library, store, config, new WebMetrics(), Clock.systemUTC()));
    mounts.add(new Mount(Desk.PREFIX, desk));
    server = WebServer.start(config.web(), mounts);
  }

  /** A replica over a fresh copy of the shipped knowledge in {@code folder}. */
  static ServedReplica start(Path folder, String storeUrl) {
    try {
      return new ServedReplica(TestKnowledge.copyShipped(folder), storeUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI base() {
    return server.url().resolve("/");
  }

  /** Posts {@code json} to the API, as the chat page does. */
  HttpResponse<String> postJson(String path, String json) {
    try {
      return http.send(
          HttpRequest.newBuilder(server.url().resolve(path))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      store.close();
      library.close();
    }
  }
}
