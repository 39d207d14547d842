package org.briefbot.store;

import java.util.Locale;

/** Whose context a group chat keeps: a reader's own last answer, or an answer message's. */
public enum ContextOwner {
  /** Keyed by the reader's user id: their last answer in the group. */
  READER,
  /** Keyed by the id of the message the bot sent: what that answer was about. */
  MESSAGE;

  /** The value stored in {@code group_context.owner}. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
