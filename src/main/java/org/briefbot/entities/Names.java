package org.briefbot.entities;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How entity names are compared: case, accents, punctuation and possessives do not matter. */
final class Names {
  private Names() {}

  /** "Amazon's  Web-Services" and "amazon web services" give the same key. */
  static String key(String name) {
    return String.join(" ", tokens(name));
  }

  /** Lower-case word tokens without accents, punctuation or a possessive "'s". */
  static List<String> tokens(String text) {
    String folded =
        Normalizer.normalize(text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replace('\u2019', '\'')
            .replaceAll("'s\\b", "")
            .replaceAll("[^\\p{L}\\p{N}&]+", " ")
            .trim();
    return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
  }
}
