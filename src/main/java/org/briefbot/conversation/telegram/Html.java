package org.briefbot.conversation.telegram;

/** The little HTML that Telegram's {@code parse_mode=HTML} understands, always escaped. */
final class Html {
  private Html() {}

  /** Text safe inside Telegram HTML: the four characters it reserves, as entities. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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

  static String bold(String text) {
    return "<b>" + escape(text) + "</b>";
  }

  static String italic(String text) {
    return "<i>" + escape(text) + "</i>";
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
