package org.briefbot.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How entity names are compared: case, accents, punctuation and possessives do not matter. */
final class Names {
  private Names() {}

  /** "Amazon's Web-Services" and "amazon web services" give the same key. */
  static String key(String name) {
    return String.join(" ", tokens(name));
  }

  /** Lower-case word tokens without accents, punctuation or a possessive "'s". */
  static List<String> tokens(String text) {
    // Catalog building runs this over every article's text: plain ASCII, the common case, is
    // done in one pass; anything else takes the general path with Unicode folding.
    return isAscii(text) ? asciiTokens(text) : unicodeTokens(text);
  }

  /** The general path: NFKD without marks, then the same rules as {@link #asciiTokens}. */
  static List<String> unicodeTokens(String text) {
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

  /** Same result as {@link #unicodeTokens} for ASCII text, without regular expressions. */
  static List<String> asciiTokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\'' && isPossessive(text, i)) {
        i++;
      } else if (isLetterOrDigit(c) || c == '&') {
        token.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      } else if (token.length() > 0) {
        tokens.add(token.toString());
        token.setLength(0);
      }
    }
    if (token.length() > 0) {
      tokens.add(token.toString());
    }
    return tokens;
  }

  /** "'s" (either case) followed by the end or a character that is not a word character. */
  private static boolean isPossessive(String text, int quote) {
    if (quote + 1 >= text.length() || Character.toLowerCase(text.charAt(quote + 1)) != 's') {
      return false;
    }
    return quote + 2 == text.length() || !isWordChar(text.charAt(quote + 2));
  }

  private static boolean isWordChar(char c) {
    return isLetterOrDigit(c) || c == '_';
  }

  private static boolean isLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
