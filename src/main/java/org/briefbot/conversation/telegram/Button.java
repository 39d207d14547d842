package org.briefbot.conversation.telegram;

import java.util.Objects;

/**
 * An inline button: what it says and the command tapping it runs, as if the reader had typed it.
 *
 * @param label the text on the button
 * @param command e.g. "/passage aws-openai-trainium#background#1" or "/entity OpenAI"
 * @param tap whether the reply replaces the message the button is under or comes as a new one
 */
record Button(String label, String command, Tap tap) {
  enum Tap {
    /** A new message below: the answer the button is under stays readable. */
    SEND,
    /** Replace the message: a "sorry, I don't know" is worth nothing once a topic is chosen. */
    EDIT
  }

  Button {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(tap, "tap");
    if (!command.startsWith("/")) {
      throw new IllegalArgumentException("a button runs a command: " + command);
    }
  }
}
