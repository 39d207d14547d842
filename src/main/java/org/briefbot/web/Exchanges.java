package org.briefbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reading requests and writing responses, the same way for every handler of the server. */
final class Exchanges {
  private static final Logger log = LoggerFactory.getLogger(Exchanges.class);
  static final ObjectMapper JSON = new ObjectMapper();
  static final String JSON_TYPE = "application/json; charset=utf-8";

  private Exchanges() {}

  /**
   * {@code handler} with its failures answered: a {@link Problem} as its status and JSON error, a
   * lost connection not at all (logged at debug), any other exception as a logged 500. Whatever
   * happens, the exchange is closed.
   */
  static HttpHandler guard(HttpHandler handler) {
    return exchange -> {
      try (exchange) {
        try {
          handler.handle(exchange);
        } catch (Problem p) {
          p.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
          error(exchange, p.status(), p.getMessage());
        } catch (IOException e) {
          // Reading the request or writing the response failed: the client left or is too slow,
          // and there is no one to answer.
          log.debug(
              "{} {}: connection lost: {}",
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              e.toString());
        } catch (RuntimeException e) {
          log.error(
              "{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
          error(exchange, 500, "internal error: the server could not answer; try again");
        }
      } catch (IOException | RuntimeException e) {
        // The response was under way (or the client left): nothing more can be said to it.
        log.debug("Could not answer {}: {}", exchange.getRequestURI().getPath(), e.toString());
      }
    };
  }

  /** Sends {@code body} as JSON with {@code status}. */
  static void json(HttpExchange exchange, int status, Object body) throws IOException {
    send(exchange, status, JSON_TYPE, toJson(body));
  }

  /** {@code {"status": 400, "error": "question is missing"}}. */
  static void error(HttpExchange exchange, int status, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("error", message);
    json(exchange, status, body);
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  static byte[] toJson(Object body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("response cannot be written as JSON", e);
    }
  }

  /** Refuses any method but {@code allowed} with 405 and the Allow header. */
  static void requireMethod(HttpExchange exchange, Set<String> allowed) {
    String method = exchange.getRequestMethod();
    if (!allowed.contains(method)) {
      String allow = String.join(", ", allowed.stream().sorted().toList());
      throw new Problem(
          405, "method " + method + " is not allowed here; use " + allow, Map.of("Allow", allow));
    }
  }

  /** Refuses a body that is not JSON with 415. */
  static void requireJson(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new Problem(
          415,
          "Content-Type must be application/json, not "
              + (type == null ? "missing" : "'" + type + "'"));
    }
  }

  /** The request body, refused with 413 when longer than {@code max} bytes. */
  static byte[] body(HttpExchange exchange, int max) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > max) {
      throw tooLarge(max);
    }
    byte[] body = exchange.getRequestBody().readNBytes(max + 1);
    if (body.length > max) {
      throw tooLarge(max);
    }
    return body;
  }

  private static Problem tooLarge(int max) {
    // The rest of the body stays unread: the connection must not be reused.
    return new Problem(
        413, "request body is larger than " + max + " bytes", Map.of("Connection", "close"));
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
