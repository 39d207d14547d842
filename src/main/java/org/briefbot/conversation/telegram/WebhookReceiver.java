package org.briefbot.conversation.telegram;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives updates that Telegram posts to the webhook, behind an HTTPS proxy, on a JDK server of
 * its own (the bot alone); under {@code serve} the {@link WebhookHandler} is mounted on the web
 * server instead. Our own JDK server rather than TelegramBots' webhook module, whose handler never
 * sees the request headers.
 */
final class WebhookReceiver implements AutoCloseable {
  static final String SECRET_HEADER = WebhookHandler.SECRET_HEADER;
  private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

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
  private final Duration grace;

  /**
   * Starts listening on all interfaces at {@code port} (0: any free one); closing gives requests
   * still being read {@code grace}, in whole seconds.
   */
  WebhookReceiver(int port, String path, String secret, Duration grace, UpdateIntake intake) {
    this.grace = grace;
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
    server.createContext(path, new WebhookHandler(path, secret, intake));
    server.start();
  }

  /** The port listened on, e.g. when 0 was asked for. */
  int port() {
    return server.getAddress().getPort();
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
