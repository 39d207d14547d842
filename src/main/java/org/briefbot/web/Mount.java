package org.briefbot.web;

import com.sun.net.httpserver.HttpHandler;
import java.util.Objects;

/**
 * A handler the server serves under a path: {@code /desk} gets {@code /desk} and everything under
 * {@code /desk/}, not {@code /desktop}. The handler is called on the server's threads; an exception
 * it throws becomes a 500 with a JSON error, and never stops the server.
 *
 * @param pathPrefix where it is served, starting with '/' and not ending with one (except "/"
 *     alone)
 * @param handler what answers there
 */
public record Mount(String pathPrefix, HttpHandler handler) {
  public Mount {
    Objects.requireNonNull(pathPrefix, "pathPrefix");
    Objects.requireNonNull(handler, "handler");
    if (!pathPrefix.startsWith("/") || (pathPrefix.length() > 1 && pathPrefix.endsWith("/"))) {
      throw new IllegalArgumentException(
          "pathPrefix must start with '/' and not end with one: " + pathPrefix);
    }
  }

  /** True when {@code path} is this mount's prefix or under it. */
  boolean covers(String path) {
    return pathPrefix.equals("/") || path.equals(pathPrefix) || path.startsWith(pathPrefix + "/");
  }
}
