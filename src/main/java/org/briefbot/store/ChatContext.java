package org.briefbot.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The last answer in a chat, for follow-ups ("tell me more", "why?").
 *
 * @param chatId the chat
 * @param articleId the article the answer came from
 * @param passageId the passage shown
 * @param savedAt when it was shown
 */
public record ChatContext(long chatId, String articleId, String passageId, Instant savedAt) {
  public ChatContext {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
