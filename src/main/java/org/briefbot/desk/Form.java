package org.briefbot.desk;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of a form post ({@code application/x-www-form-urlencoded}) or of a query string. */
final class Form {
  private final Map<String, List<String>> fields;

  private Form(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  static Form parse(String encoded) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (encoded != null && !encoded.isEmpty()) {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new Form(fields);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return ""; // a broken %-escape reads as an empty field, which every check refuses
    }
  }

  /** The first value of {@code name}, stripped; empty when missing or blank. */
  Optional<String> get(String name) {
    List<String> values = fields.getOrDefault(name, List.of());
    return values.isEmpty() || values.get(0).isBlank()
        ? Optional.empty()
        : Optional.of(values.get(0).strip());
  }

  /** Every non-blank value of {@code name}, stripped. */
  List<String> all(String name) {
    return fields.getOrDefault(name, List.of()).stream()
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }
}
