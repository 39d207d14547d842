package org.briefbot.conversation.telegram;

/** The little HTML that Telegram's {@code parse_mode=HTML} understands, always escaped. */
final class Html {
  private Html() {}

  /**
   * Text safe inside Telegram HTML: the four characters it reserves, as entities; control
   * characters other than tab and line breaks, and halves of surrogate pairs (which are not UTF-8,
   * so Telegram refuses the whole message), left out.
   */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsendable(text, i)) {
        continue;
      }
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean unsendable(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
  }

  static String bold(String text) {
    return "<b>" + escape(text) + "</b>";
  }

  static String italic(String text) {
    return "<i>" + escape(text) + "</i>";
  }

  /** {@code html} (already escaped) as a link to {@code href}. */
  static String link(String href, String html) {
    return "<a href=\"" + escape(href) + "\">" + html + "</a>";
  }

  /**
   * {@code text} escaped, with the first occurrence of {@code key} in bold; plain when the key is
   * the whole text or not in it (emphasising everything emphasises nothing).
   */
  static String emphasise(String text, String key) {
    int at = key.isBlank() || key.equals(text) ? -1 : text.indexOf(key);
    if (at < 0) {
      return escape(text);
    }
    return escape(text.substring(0, at)) + bold(key) + escape(text.substring(at + key.length()));
  }

  /** At most {@code max} characters, cut at a word where possible, with "…" when cut. */
  static String shorten(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= max) {
      return oneLine;
    }
    int cut = oneLine.lastIndexOf(' ', max - 1);
    int end = cut > max / 2 ? cut : max - 1;
    if (Character.isHighSurrogate(oneLine.charAt(end - 1))) {
      end--; // never leave half of an emoji
    }
    return oneLine.substring(0, end).stripTrailing() + "…";
  }
}
