package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates that Telegram posts to the webhook, behind an HTTPS proxy. Our own JDK server
 * rather than TelegramBots' webhook module, whose handler never sees the request headers: every
 * request without the right {@code X-Telegram-Bot-Api-Secret-Token} gets 401 and goes no further.
 * An accepted update is queued and answered 200 at once; the reply goes out through the Bot API.
 */
final class WebhookReceiver implements AutoCloseable {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

  /** Updates are a few kilobytes; anything this big is not from Telegram. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Requests are read on these threads, so a few slow clients must not take them all; Telegram
   * itself sends at most {@code max_connections} (40 by default) at once.
   */
  static final int THREADS = 16;

  /**
   * The JDK server's limit on receiving one request, headers and body, in seconds: a client slower
   * than this is disconnected and its thread freed. A system property the server reads once, when
   * the first server of the process starts; set here unless already set.
   */
  static final String MAX_REQUEST_SECONDS = "sun.net.httpserver.maxReqTime";

  static final long DEFAULT_MAX_REQUEST_SECONDS = 10;

  private final ExecutorService threads =
      Executors.newFixedThreadPool(THREADS, new NamedThreads("webhook"));
  private final HttpServer server;
  private final String path;
  private final byte[] secret;
  private final UpdateIntake intake;
  private final Duration grace;

  /**
   * Starts listening on all interfaces at {@code port} (0: any free one); closing gives requests
   * still being read {@code grace}, in whole seconds.
   */
  WebhookReceiver(int port, String path, String secret, Duration grace, UpdateIntake intake) {
    this.path = path;
    this.grace = grace;
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.intake = intake;
    if (System.getProperty(MAX_REQUEST_SECONDS) == null) {
      System.setProperty(MAX_REQUEST_SECONDS, String.valueOf(DEFAULT_MAX_REQUEST_SECONDS));
    }
    try {
      this.server = HttpServer.create(new InetSocketAddress(port), 0);
    } catch (IOException e) {
      threads.shutdownNow();
      throw new UncheckedIOException(
          "Cannot listen for the Telegram webhook on port " + port + ": " + e.getMessage(), e);
    }
    server.setExecutor(threads);
    server.createContext(path, this::handle);
    server.start();
  }

  /** The port listened on, e.g. when 0 was asked for. */
  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      respond(exchange, status(exchange));
    } catch (IOException | RuntimeException e) {
      log.warn("Webhook request failed: {}", e.toString());
    }
  }

  /** Checks the request, queues its update, and says how it went as an HTTP status. */
  private int status(HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(path)) {
      return 404;
    }
    if (!exchange.getRequestMethod().equals("POST")) {
      return 405;
    }
    if (!hasSecret(exchange.getRequestHeaders().getFirst(SECRET_HEADER))) {
      log.warn(
          "Rejected a webhook request from {}: wrong or missing secret token",
          exchange.getRemoteAddress());
      return 401;
    }
    byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
    if (body.length > MAX_BODY_BYTES) {
      return 413;
    }
    Update update;
    try {
      update = JSON.readValue(body, Update.class);
    } catch (IOException e) {
      log.warn(
          "Rejected a webhook request that is not an update: {}", e.getClass().getSimpleName());
      return 400;
    }
    intake.accept(update);
    return 200;
  }

  /** Constant-time, so the secret cannot be guessed a character at a time. */
  private boolean hasSecret(String header) {
    return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), secret);
  }

  private static byte[] readAtMost(InputStream in, int max) throws IOException {
    return in.readNBytes(max + 1);
  }

  /**
   * Answers without reading what is left of the body: a client that sends it slowly (or never) must
   * not hold a thread. The server closes a connection whose request was not read to its end.
   */
  private static void respond(HttpExchange exchange, int status) throws IOException {
    if (status != 200) {
      exchange.getResponseHeaders().set("Connection", "close");
    }
    exchange.sendResponseHeaders(status, -1);
  }

  /** Stops taking requests (those being read get the grace to finish), then stops the threads. */
  @Override
  public void close() {
    server.stop((int) grace.toSeconds());
    threads.shutdown();
    try {
      if (!threads.awaitTermination(Duration.ofSeconds(2).toMillis(), TimeUnit.MILLISECONDS)) {
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      threads.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
