package org.briefbot.store;

/** What a tap on a vote button did; the callback answer can say so ("Thanks!", "Vote changed"). */
public enum VoteOutcome {
  /** The reader's first vote on this answer. */
  RECORDED,
  /** The reader had voted the other way; the vote now counts this way. */
  CHANGED,
  /** The same vote again: nothing changed. */
  UNCHANGED,
  /** No answer has this id (a button from another database, or a row removed by hand). */
  UNKNOWN_ANSWER,
  /** The answer was given in another chat: a forged button, not counted. */
  OTHER_CHAT
}
