package org.briefbot.desk;

import org.briefbot.conversation.Conversation;
import org.briefbot.memo.RecentMemo;

/**
 * Remembers which logged questions are chit-chat, so reloading the unanswered list does not run the
 * language detector over the whole log again; forgotten when the knowledge is reloaded (what reads
 * as a question depends on the words the articles know) and beyond {@value #SIZE} questions.
 */
final class ChitChat {
  static final int SIZE = 20_000;

  private RecentMemo<String, Boolean> verdicts = new RecentMemo<>(SIZE);

  /** The conversation the verdicts were made with; compared by identity, never called. */
  private Conversation judgedBy;

  synchronized boolean is(Conversation conversation, String question) {
    if (conversation != judgedBy) {
      verdicts = new RecentMemo<>(SIZE);
      judgedBy = conversation;
    }
    return verdicts.get(question, conversation::isSmallTalk);
  }
}
