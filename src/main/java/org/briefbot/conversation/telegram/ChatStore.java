package org.briefbot.conversation.telegram;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.ContextJson;
import org.briefbot.conversation.Recorder;
import org.briefbot.conversation.Reply;
import org.briefbot.store.Channel;
import org.briefbot.store.ChatContext;
import org.briefbot.store.ContextOwner;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.UsageKind;
import org.briefbot.store.Vote;

/**
 * What the Telegram channel keeps in the store: every reply to a question, through the {@link
 * Recorder} every channel shares (so it can be voted on, and declined or unsure ones land in the
 * unanswered log), chit-chat apart, votes, each chat's follow-up context and command counts.
 * Replicas on one database share all of it. Never throws and never waits long: while the store is
 * down ({@link ResilientStore} logs it), answers go out without vote buttons and a follow-up finds
 * no context.
 */
final class ChatStore {
  static final String THANKS = "Thanks for the feedback";
  static final String CHANGED = "Vote changed";
  static final String UNCHANGED = "Already counted";
  static final String TOO_OLD = "This answer is too old to vote on";
  static final String UNAVAILABLE = "Feedback is unavailable right now";
  static final String OTHER_CHAT = "This vote is not for an answer in this chat";

  private final ResilientStore store;
  private final Duration contextTtl;
  private final Recorder recorder;

  /**
   * @param contextTtl how long a chat's context is good for follow-ups
   * @param lowConfidence answers below this confidence also go to the unanswered log
   */
  ChatStore(ResilientStore store, Duration contextTtl, double lowConfidence) {
    this.store = Objects.requireNonNull(store, "store");
    this.contextTtl = Objects.requireNonNull(contextTtl, "contextTtl");
    this.recorder = new Recorder(store, Channel.TELEGRAM, lowConfidence);
  }

  /** The chat's context if one was saved, by any replica, within the context time-to-live. */
  Optional<Context> context(long chatId) {
    return store
        .loadContext(chatId, contextTtl)
        .flatMap(ChatContext::state)
        .flatMap(ContextJson::read);
  }

  /**
   * The context a message follows. A private chat has one; in a group, a reply to one of the bot's
   * answers follows that answer, and anything else the reader's own last answer, not the chat's.
   *
   * @param answerMessage the bot's message the reader replied to or tapped a button under, if any
   */
  Optional<Context> context(ChatRef chat, long userId, Optional<Integer> answerMessage) {
    if (!chat.group()) {
      return context(chat.id());
    }
    Optional<Context> answered =
        answerMessage.flatMap(id -> groupContext(chat.id(), ContextOwner.MESSAGE, id));
    return answered.isPresent() ? answered : groupContext(chat.id(), ContextOwner.READER, userId);
  }

  private Optional<Context> groupContext(long chatId, ContextOwner owner, long ownerId) {
    return store.loadGroupContext(chatId, owner, ownerId, contextTtl).flatMap(ContextJson::read);
  }

  /** Remembers what the reader was last told: the chat's context, or in a group the reader's. */
  void remember(ChatRef chat, long userId, Context context) {
    if (chat.group()) {
      store.saveGroupContext(chat.id(), ContextOwner.READER, userId, ContextJson.write(context));
    } else {
      remember(chat.id(), context);
    }
  }

  /** In a group, the context of an answer the bot sent, for replies to that message. */
  void rememberAnswer(ChatRef chat, int messageId, Context context) {
    if (chat.group()) {
      store.saveGroupContext(
          chat.id(), ContextOwner.MESSAGE, messageId, ContextJson.write(context));
    }
  }

  void remember(long chatId, Context context) {
    Source shown = context.latest().best().orElseThrow();
    store.saveContext(chatId, shown.articleId(), shown.passageId(), ContextJson.write(context));
  }

  /**
   * Records a reply to a question; its id is what vote buttons carry, empty while the store is
   * down.
   */
  OptionalLong record(long chatId, long userId, Reply.Answered answered) {
    return recorder.answer(chatId, userId, answered);
  }

  /** Records chit-chat apart from questions. */
  void recordSmallTalk(long chatId, String message) {
    recorder.smallTalk(chatId, message);
  }

  /**
   * Records a tap on a vote button under a message in {@code chatId}, committed when this returns;
   * the toast to show the reader.
   */
  String vote(long answerId, long chatId, long userId, Vote vote) {
    return store
        .vote(answerId, chatId, userId, vote)
        .map(
            outcome ->
                switch (outcome) {
                  case RECORDED -> THANKS;
                  case CHANGED -> CHANGED;
                  case UNCHANGED -> UNCHANGED;
                  case UNKNOWN_ANSWER -> TOO_OLD;
                  case OTHER_CHAT -> OTHER_CHAT;
                })
        .orElse(UNAVAILABLE);
  }

  /**
   * False when this update was taken before (by this bot before a restart, or by a replica); true
   * when it is new or the store cannot tell.
   */
  boolean firstDelivery(long updateId) {
    return store.firstDelivery(updateId).orElse(true);
  }

  void countCommand(String name) {
    store.countUsage(UsageKind.COMMAND, name);
  }
}
