package org.briefbot.web;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin calls to the API from the pages of {@code web.corsOrigins}: those origins get the
 * CORS headers (and their preflight requests a 204); any other origin gets none, so the browser
 * keeps the response from its page, and its preflight a 403 naming the setting.
 */
final class Cors {
  /** What a client reads beyond the body: ids to follow up and vote with, when to retry. */
  static final String EXPOSED =
      String.join(
          ", ",
          Api.CONVERSATION_HEADER,
          Api.ANSWER_ID_HEADER,
          Api.KEY_SENTENCE_HEADER,
          Api.ALSO_ASKED_HEADER,
          "Retry-After");

  private final Set<String> origins;

  Cors(List<String> origins) {
    this.origins = Set.copyOf(origins);
  }

  /**
   * Adds the CORS headers for an allowed origin; answers a preflight (OPTIONS with
   * Access-Control-Request-Method) and returns true when it did.
   */
  boolean apply(HttpExchange exchange) throws java.io.IOException {
    Headers request = exchange.getRequestHeaders();
    String origin = request.getFirst("Origin");
    boolean allowed = origin != null && origins.contains(origin);
    Headers response = exchange.getResponseHeaders();
    if (allowed) {
      response.set("Access-Control-Allow-Origin", origin);
      response.set("Access-Control-Expose-Headers", EXPOSED);
    }
    response.add("Vary", "Origin");
    boolean preflight =
        exchange.getRequestMethod().equals("OPTIONS")
            && request.getFirst("Access-Control-Request-Method") != null;
    if (!preflight) {
      return false;
    }
    if (!allowed) {
      throw new Problem(
          403,
          "origin "
              + (origin == null ? "(none)" : origin)
              + " may not call this API from a browser; add it to web.corsOrigins");
    }
    response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    response.set("Access-Control-Allow-Headers", "Content-Type");
    response.set("Access-Control-Max-Age", "600");
    exchange.sendResponseHeaders(204, -1);
    return true;
  }
}
