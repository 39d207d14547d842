package org.briefbot.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the desk answers a request with.
 *
 * @param status the HTTP status
 * @param html the page; empty for a redirect
 * @param location where a redirect leads
 * @param cookies Set-Cookie values
 */
record Response(int status, String html, Optional<String> location, List<String> cookies) {
  static Response page(int status, String html) {
    return new Response(status, html, Optional.empty(), List.of());
  }

  static Response redirect(String location) {
    return new Response(303, "", Optional.of(location), List.of());
  }

  Response withCookie(String cookie) {
    List<String> more = new ArrayList<>(cookies);
    more.add(cookie);
    return new Response(status, html, location, more);
  }
}
