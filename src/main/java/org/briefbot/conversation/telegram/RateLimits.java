package org.briefbot.conversation.telegram;

import java.time.Duration;

/**
 * Telegram's published limits for bots, which we keep to rather than hit.
 *
 * @param perChat the least time between two messages to one chat
 * @param perGroup how many messages a group may get in a minute
 * @param perSecond how many requests in all per second
 */
record RateLimits(Duration perChat, int perGroup, int perSecond) {
  /** About one message a second per chat, 20 a minute per group, 30 a second in all. */
  static final RateLimits TELEGRAM = new RateLimits(Duration.ofSeconds(1), 20, 30);

  RateLimits {
    if (perChat.isNegative()) {
      throw new IllegalArgumentException("perChat < 0: " + perChat);
    }
    if (perGroup < 1 || perSecond < 1) {
      throw new IllegalArgumentException(
          "perGroup and perSecond must be >= 1: " + perGroup + ", " + perSecond);
    }
  }
}
