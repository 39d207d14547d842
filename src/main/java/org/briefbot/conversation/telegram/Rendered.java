package org.briefbot.conversation.telegram;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A reply formatted for Telegram, before it is split into messages.
 *
 * @param html the text, Telegram HTML with everything escaped
 * @param keyboard rows of inline buttons, shown under the last message; may be empty
 * @param votesOn the recorded answer that 👍/👎 buttons below the keyboard vote on, if any
 */
record Rendered(String html, List<List<Button>> keyboard, OptionalLong votesOn) {
  Rendered {
    Objects.requireNonNull(html, "html");
    keyboard = keyboard.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
    Objects.requireNonNull(votesOn, "votesOn");
  }

  Rendered(String html, List<List<Button>> keyboard) {
    this(html, keyboard, OptionalLong.empty());
  }

  /** This reply with vote buttons for the answer the store recorded as {@code answerId}. */
  Rendered withVotes(long answerId) {
    return new Rendered(html, keyboard, OptionalLong.of(answerId));
  }

  static Rendered text(String html) {
    return new Rendered(html, List.of());
  }
}
