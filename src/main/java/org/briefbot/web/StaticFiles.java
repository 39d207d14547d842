package org.briefbot.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The chat page and its files, read once from the class path ({@code org/briefbot/web/}): plain
 * HTML, CSS and JavaScript, no build step. Anything else under {@code /} is a JSON 404.
 */
final class StaticFiles implements HttpHandler {
  /** Served path to file name and content type. */
  private static final Map<String, String[]> FILES =
      Map.of(
          "/", new String[] {"index.html", "text/html; charset=utf-8"},
          "/index.html", new String[] {"index.html", "text/html; charset=utf-8"},
          "/chat.css", new String[] {"chat.css", "text/css; charset=utf-8"},
          "/chat.js", new String[] {"chat.js", "text/javascript; charset=utf-8"},
          "/embed.js", new String[] {"embed.js", "text/javascript; charset=utf-8"},
          "/api/openapi.json", new String[] {"openapi.json", Exchanges.JSON_TYPE});

  /**
   * The page loads nothing from elsewhere; it may be framed anywhere (that is what embed.js does).
   */
  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self' data:; base-uri 'none'; form-action 'self'";

  private final Map<String, byte[]> contents = new HashMap<>();

  StaticFiles() {
    FILES.values().forEach(file -> contents.computeIfAbsent(file[0], StaticFiles::read));
  }

  private static byte[] read(String name) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource org/briefbot/web/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read resource " + name, e);
    }
  }

  /** True when this serves {@code path}. */
  static boolean serves(String path) {
    return FILES.containsKey(path);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String[] file = FILES.get(path);
    if (file == null) {
      throw new Problem(404, "nothing here: " + path);
    }
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    if (file[1].startsWith("text/html")) {
      exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
      exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    }
    if (file[0].equals("embed.js")) {
      // Loaded by other sites' pages, which is the point of it.
      exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
    }
    Exchanges.send(exchange, 200, file[1], contents.get(file[0]));
  }
}
