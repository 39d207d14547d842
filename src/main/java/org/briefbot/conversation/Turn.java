package org.briefbot.conversation;

import java.util.Objects;
import java.util.Optional;

/**
 * One exchange: the reply to a message, and the context the chat keeps for the next one.
 *
 * @param reply what to say
 * @param context what the chat was last told after this reply; empty when nothing was answered yet
 */
public record Turn(Reply reply, Optional<Context> context) {
  public Turn {
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(context, "context");
  }
}
