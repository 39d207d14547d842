package org.briefbot.desk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The cookies of a request's Cookie headers; the first of a repeated name wins. */
final class Cookies {
  private Cookies() {}

  static Map<String, String> parse(List<String> headers) {
    Map<String, String> cookies = new HashMap<>();
    if (headers == null) {
      return cookies;
    }
    for (String header : headers) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          cookies.putIfAbsent(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
    }
    return cookies;
  }
}
