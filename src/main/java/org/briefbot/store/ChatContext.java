package org.briefbot.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last answer in a chat, for follow-ups ("tell me more", "why?").
 *
 * @param chatId the chat
 * @param articleId the article the answer came from
 * @param passageId the passage shown
 * @param state the channel's whole context for the chat, as it serialized it (JSON text); empty in
 *     rows saved before there was a state column
 * @param savedAt when it was shown
 */
public record ChatContext(
    long chatId, String articleId, String passageId, Optional<String> state, Instant savedAt) {
  public ChatContext {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(savedAt, "savedAt");
  }
}
