package org.briefbot.desk;

import java.util.Locale;

/** Text made safe for HTML, and long text made short. */
final class Html {
  /** Questions longer than this are shown shortened, whole behind a "whole message" toggle. */
  static final int SHORT = 160;

  private Html() {}

  /** {@code text} escaped for element content and double-quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** At most {@code max} characters, cut at a word and marked with an ellipsis when cut. */
  static String shorten(String text, int max) {
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= max) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', max - 1);
    return flat.substring(0, cut > max / 2 ? cut : max - 1).stripTrailing() + "…";
  }

  /**
   * A message for a list, shortened: a 1,500-character message takes two lines, not a screen.
   * {@link #whole} shows the rest.
   */
  static String message(String text) {
    return escape(shorten(text, SHORT));
  }

  /** The whole of a message {@link #message} shortened, behind a toggle; "" when it was short. */
  static String whole(String text) {
    if (shorten(text, SHORT).length() == text.strip().replaceAll("\\s+", " ").length()) {
      return "";
    }
    return "<details class=\"whole\"><summary>Whole message ("
        + text.length()
        + " characters)</summary><p>"
        + escape(text)
        + "</p></details>";
  }

  /** Two decimals, whatever the machine's locale. */
  static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  /** A share as a whole percentage. */
  static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
