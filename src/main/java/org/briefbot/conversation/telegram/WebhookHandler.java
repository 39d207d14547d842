package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook's requests, on whichever server listens: every request without the right {@code
 * X-Telegram-Bot-Api-Secret-Token} gets 401 and goes no further. An accepted update is queued and
 * answered 200 at once; the reply goes out through the Bot API.
 */
final class WebhookHandler implements HttpHandler {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  /** Updates are a few kilobytes; anything this big is not from Telegram. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String path;
  private final byte[] secret;
  private final UpdateIntake intake;

  WebhookHandler(String path, String secret, UpdateIntake intake) {
    this.path = Objects.requireNonNull(path, "path");
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.intake = Objects.requireNonNull(intake, "intake");
  }

  @Override
  public void handle(HttpExchange exchange) {
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
}
