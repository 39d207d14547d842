package org.briefbot.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import org.briefbot.conversation.Conversation;

/**
 * Remembers which logged questions are chit-chat, so reloading the unanswered list does not run the
 * language detector over the whole log again; forgotten when the knowledge is reloaded (what reads
 * as a question depends on the words the articles know) and beyond {@value #SIZE} questions.
 */
final class ChitChat {
  static final int SIZE = 20_000;

  private final Map<String, Boolean> verdicts =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > SIZE;
        }
      };

  /** The conversation the verdicts were made with; compared by identity, never called. */
  private Conversation judgedBy;

  synchronized boolean is(Conversation conversation, String question) {
    if (conversation != judgedBy) {
      verdicts.clear();
      judgedBy = conversation;
    }
    return verdicts.computeIfAbsent(question, conversation::isSmallTalk);
  }
}
