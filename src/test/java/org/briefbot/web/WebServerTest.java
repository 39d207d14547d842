package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.WebConfig;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private static final WebConfig ANY_PORT = BriefbotConfig.defaults().web().onPort(0);
  private final HttpClient http = HttpClient.newHttpClient();

  private static HttpHandler saying(String text) {
    return exchange ->
        Exchanges.send(exchange, 200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(WebServer server, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.url().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesEachPathFromTheLongestMountThatCoversIt() throws Exception {
    try (WebServer server =
        WebServer.start(
            ANY_PORT,
            List.of(
                new Mount("/", saying("root")),
                new Mount("/desk", saying("desk")),
                new Mount("/desk/charts", saying("charts"))))) {
      assertThat(get(server, "/").body()).isEqualTo("root");
      assertThat(get(server, "/desk").body()).isEqualTo("desk");
      assertThat(get(server, "/desk/login").body()).isEqualTo("desk");
      assertThat(get(server, "/desk/charts/day").body()).isEqualTo("charts");
      assertThat(get(server, "/desktop").body()).isEqualTo("root");
    }
  }

  @Test
  void answersAPathNoMountCoversWithJson404() throws Exception {
    try (WebServer server = WebServer.start(ANY_PORT, List.of(new Mount("/desk", saying("d"))))) {
      HttpResponse<String> response = get(server, "/elsewhere");
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type")).hasValue(Exchanges.JSON_TYPE);
      assertThat(response.body())
          .isEqualTo("{\"status\":404,\"error\":\"nothing here: /elsewhere\"}");
    }
  }

  @Test
  void aHandlerThatThrowsGets500AndTheServerGoesOn() throws Exception {
    HttpHandler broken =
        exchange -> {
          throw new UncheckedIOException(new IOException("disk on fire"));
        };
    try (WebServer server =
        WebServer.start(
            ANY_PORT, List.of(new Mount("/broken", broken), new Mount("/ok", saying("ok"))))) {
      HttpResponse<String> failed = get(server, "/broken");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).contains("internal error").doesNotContain("disk on fire");
      assertThat(get(server, "/ok").body()).isEqualTo("ok");
    }
  }

  @Test
  void mountsAddedWhileRunningAreServedUntilClosed() throws Exception {
    try (WebServer server = WebServer.start(ANY_PORT, List.of())) {
      AutoCloseable hook = server.mount(new Mount("/telegram", saying("update taken")));
      assertThat(get(server, "/telegram").body()).isEqualTo("update taken");
      hook.close();
      assertThat(get(server, "/telegram").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aPathNoLongerMountedIs404EvenOnAConnectionThatServedAnEmptyResponse() throws Exception {
    HttpHandler empty =
        exchange -> {
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        };
    try (WebServer server = WebServer.start(ANY_PORT, List.of(new Mount("/page", empty)))) {
      AutoCloseable hook = server.mount(new Mount("/telegram", saying("update taken")));
      assertThat(get(server, "/page").statusCode()).isEqualTo(204);
      hook.close();
      HttpResponse<String> gone =
          http.send(
              HttpRequest.newBuilder(server.url().resolve("/telegram"))
                  .POST(HttpRequest.BodyPublishers.ofString("{}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(gone.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void closingLetsARequestInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    HttpHandler slow =
        exchange -> {
          entered.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          saying("finished").handle(exchange);
        };
    WebServer server = WebServer.start(ANY_PORT, List.of(new Mount("/slow", slow)));
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(
            HttpRequest.newBuilder(server.url().resolve("/slow")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(entered.await(30, TimeUnit.SECONDS)).as("the handler started").isTrue();

    CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
    awaitRefused(server.port()); // closing has begun: the listener is gone
    release.countDown();

    assertThat(response.get(30, TimeUnit.SECONDS).body()).isEqualTo("finished");
    closed.get(30, TimeUnit.SECONDS);
  }

  private static void awaitRefused(int port) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      try {
        new Socket("127.0.0.1", port).close();
      } catch (IOException refused) {
        return;
      }
      Thread.sleep(5);
    }
    throw new AssertionError("port " + port + " still accepts connections");
  }

  @Test
  void refusesTwoMountsOnOnePrefix() {
    try (WebServer server = WebServer.start(ANY_PORT, List.of(new Mount("/desk", saying("a"))))) {
      assertThatThrownBy(() -> server.mount(new Mount("/desk", saying("b"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("already mounted: /desk");
    }
  }

  @Test
  void refusesAPrefixWithoutLeadingSlashOrWithTrailingOne() {
    assertThatThrownBy(() -> new Mount("desk", saying("x")))
        .hasMessage("pathPrefix must start with '/' and not end with one: desk");
    assertThatThrownBy(() -> new Mount("/desk/", saying("x")))
        .hasMessage("pathPrefix must start with '/' and not end with one: /desk/");
  }

  @Test
  void namesTheAddressItCannotListenOn() {
    try (WebServer first = WebServer.start(ANY_PORT, List.of())) {
      WebConfig taken = ANY_PORT.onPort(first.port());
      assertThatThrownBy(() -> WebServer.start(taken, List.of()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith(
              "Cannot listen on 127.0.0.1:" + first.port() + " (web.host, web.port): ");
    }
  }

  @Test
  void saysWhereToOpenThePage() {
    try (WebServer server = WebServer.start(ANY_PORT, List.of())) {
      assertThat(server.url()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
    }
  }
}
