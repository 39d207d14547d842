package org.briefbot.conversation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.briefbot.store.AnswerRecord;
import org.briefbot.store.Channel;
import org.briefbot.store.ResilientStore;

/**
 * What every channel records of an exchange, the same way: each reply to a question (answered,
 * declined or unsure, with the passage text as the reader saw it), so the editors' desk sees every
 * channel; chit-chat goes to its own table, so it never pads the unanswered list. Never throws:
 * while the store is down ({@link ResilientStore} logs it) nothing is recorded and replies go on.
 */
public final class Recorder {
  private final ResilientStore store;
  private final Channel channel;
  private final double lowConfidence;

  /**
   * @param channel the channel recording through this recorder
   * @param lowConfidence answers below this confidence also go to the unanswered log
   */
  public Recorder(ResilientStore store, Channel channel, double lowConfidence) {
    this.store = Objects.requireNonNull(store, "store");
    this.channel = Objects.requireNonNull(channel, "channel");
    if (lowConfidence < 0 || lowConfidence > 1) {
      throw new IllegalArgumentException("lowConfidence not in [0,1]: " + lowConfidence);
    }
    this.lowConfidence = lowConfidence;
  }

  public Channel channel() {
    return channel;
  }

  /**
   * Records one exchange: an answer, or chit-chat when {@code message} was small talk; anything
   * else (a command's listing, a help text) is not recorded.
   *
   * @param conversation the conversation that replied, which tells small talk apart
   * @return the id of the recorded answer, for vote buttons; empty when none was recorded
   */
  public OptionalLong record(
      long chatId, long userId, String message, Conversation conversation, Turn turn) {
    if (turn.reply() instanceof Reply.Answered answered) {
      return answer(chatId, userId, answered);
    }
    if (conversation.isSmallTalk(message)) {
      smallTalk(chatId, message);
    }
    return OptionalLong.empty();
  }

  /** Records a reply to a question; its id is what votes carry, empty while the store is down. */
  public OptionalLong answer(long chatId, long userId, Reply.Answered answered) {
    Optional<String> shown =
        answered.answer().answered() ? Optional.of(answered.shown()) : Optional.empty();
    return store.recordAnswer(
        AnswerRecord.of(channel, chatId, userId, answered.answer(), shown, lowConfidence));
  }

  /** Records a chit-chat message apart from questions. */
  public void smallTalk(long chatId, String message) {
    store.recordSmallTalk(channel, chatId, message);
  }
}
