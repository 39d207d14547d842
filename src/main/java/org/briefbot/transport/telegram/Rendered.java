package org.briefbot.transport.telegram;

import java.util.List;
import java.util.Objects;

/**
 * A reply formatted for Telegram, before it is split into messages.
 *
 * @param html the text, Telegram HTML with everything escaped
 * @param keyboard rows of inline buttons, shown under the last message; may be empty
 */
record Rendered(String html, List<List<Button>> keyboard) {
  Rendered {
    Objects.requireNonNull(html, "html");
    keyboard = keyboard.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
  }

  static Rendered text(String html) {
    return new Rendered(html, List.of());
  }
}
