package org.briefbot.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.WebConfig;
import org.briefbot.store.ResilientStore;

/**
 * A real web server over a copy of the shipped knowledge (hybrid retrieval, the tests' shared
 * model) and a SQLite store, both in a folder of the test's: what {@code serve} runs, on a free
 * port. Closing stops the server, then the library.
 */
final class WebFixture implements AutoCloseable {
  final BriefbotConfig config;
  final LiveLibrary library;
  final ResilientStore store;
  final WebMetrics metrics = new WebMetrics();
  final WebServer server;
  final HttpClient http = HttpClient.newHttpClient();

  private WebFixture(BriefbotConfig config, Path knowledge) {
    this.config = config;
    this.library = TestConfig.live(config, knowledge);
    this.store = ResilientStore.open(config.store().url(), Clock.systemUTC());
    library.onReload(metrics::reloaded); // as serve does
    try {
      this.server =
          WebServer.start(
              config.web(), WebApp.mounts(library, store, config, metrics, Clock.systemUTC()));
    } catch (RuntimeException e) {
      library.close();
      throw e;
    }
  }

  /** The server with {@code web} settings (its port ignored: any free one). */
  static WebFixture start(Path folder, WebConfig web) {
    try {
      Path knowledge = TestKnowledge.copyShipped(folder.resolve("knowledge"));
      BriefbotConfig defaults = TestConfig.defaults();
      BriefbotConfig config =
          new BriefbotConfig(
              defaults.knowledge(),
              defaults.retrieval(),
              defaults.answer(),
              defaults.telegram(),
              defaults.admins(),
              new BriefbotConfig.StoreConfig(
                  "jdbc:sqlite:" + folder.resolve("briefbot.db"), defaults.store().lowConfidence()),
              web.onPort(0));
      return new WebFixture(config, knowledge);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** No rate limit to speak of, and one CORS origin. */
  static WebConfig generous() {
    WebConfig d = BriefbotConfig.defaults().web();
    return new WebConfig(
        d.host(), 0, d.threads(), List.of("https://news.example.org"), 10_000, d.contextMinutes());
  }

  URI url(String path) {
    return server.url().resolve(path);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(url(path)));
  }

  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  @Override
  public void close() {
    try {
      server.close();
    } finally {
      library.close();
    }
  }
}
