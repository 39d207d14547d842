package org.briefbot.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.ContextJson;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.Recorder;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.briefbot.store.Channel;
import org.briefbot.store.ChatContext;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.Vote;
import org.briefbot.store.VoteOutcome;

/**
 * Web conversations, kept the way Telegram keeps chats: each conversation id is a chat in the store
 * (its context there for follow-ups, for {@code web.contextMinutes}; its answers recorded, so they
 * can be voted on and declines reach the unanswered log), so replicas on one database share them.
 * Never throws for a store outage: answers then go out without an id to vote with.
 */
final class WebChat {
  /** What a client may name a conversation: an id it made up, or one the server gave it. */
  static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /**
   * Web conversations are store chats with ids from 2^62 up: Telegram's chat and user ids stay
   * below 2^53 in magnitude, so the two never share a chat.
   */
  static final long FIRST_CHAT_ID = 1L << 62;

  private final Library library;
  private final ResilientStore store;
  private final Duration contextTtl;
  private final Recorder recorder;
  private final SecureRandom random = new SecureRandom();

  WebChat(Library library, ResilientStore store, Duration contextTtl, double lowConfidence) {
    this.library = Objects.requireNonNull(library, "library");
    this.store = Objects.requireNonNull(store, "store");
    this.contextTtl = Objects.requireNonNull(contextTtl, "contextTtl");
    this.recorder = new Recorder(store, Channel.WEB, lowConfidence);
  }

  /**
   * What the API says to a question.
   *
   * @param answer the answer, as {@code ask --json} prints it
   * @param conversation the conversation to follow up in
   * @param answerId what a vote on it names; empty for a decline, or while the store is down
   * @param alsoAsked the message's other questions when it asked several, in the order asked
   */
  record Asked(Answer answer, String conversation, OptionalLong answerId, List<String> alsoAsked) {
    Asked {
      alsoAsked = List.copyOf(alsoAsked);
    }
  }

  /** A fresh conversation id: 128 random bits, URL-safe. */
  private String newConversation() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /**
   * What the conversation says to {@code question} in {@code conversation} (empty: a new one), as
   * on Telegram: an answer, a list, a story's key points or a message.
   *
   * @param answerId what a vote on it names; empty but for an answer, or while the store is down
   */
  record Replied(Reply reply, String conversation, OptionalLong answerId) {}

  /**
   * Replies to {@code question} in {@code conversation}: a follow-up ("tell me more") follows the
   * conversation's last answer, "tldr" its story. Recorded as every channel records: an answer with
   * the text shown, chit-chat apart.
   */
  Replied reply(String question, Optional<String> conversation) {
    String id = conversation.orElseGet(this::newConversation);
    long chat = chatId(id);
    Conversation current = library.current();
    // A new conversation has nothing to follow up on: no need to ask the store.
    Optional<Context> before =
        conversation.isEmpty()
            ? Optional.empty()
            : store
                .loadContext(chat, contextTtl)
                .flatMap(ChatContext::state)
                .flatMap(ContextJson::read);
    Turn turn = current.reply(question, before);
    OptionalLong answerId = recorder.record(chat, chat, question, current, turn);
    if (turn.context().isPresent() && !turn.context().equals(before)) {
      remember(chat, turn.context().get());
    }
    boolean answered = turn.reply() instanceof Reply.Answered a && a.answer().answered();
    return new Replied(turn.reply(), id, answered ? answerId : OptionalLong.empty());
  }

  /**
   * Answers {@code question} as {@link #reply} does. A message the conversation does not answer
   * with a passage or an entity (a greeting, a command, "which story?") gets what {@code ask
   * --json} says to it, and is not recorded as a question, as on Telegram (chit-chat is counted
   * apart).
   */
  Asked ask(String question, Optional<String> conversation) {
    Replied replied = reply(question, conversation);
    if (replied.reply() instanceof Reply.Answered answered) {
      return new Asked(
          answered.answer(), replied.conversation(), replied.answerId(), answered.alsoAsked());
    }
    return new Asked(
        library.current().answerer().answer(question),
        replied.conversation(),
        OptionalLong.empty(),
        List.of());
  }

  private void remember(long chat, Context context) {
    Source shown = context.latest().best().orElseThrow();
    store.saveContext(chat, shown.articleId(), shown.passageId(), ContextJson.write(context));
  }

  /** A vote on an answer given in {@code conversation}; empty while the store is down. */
  Optional<VoteOutcome> vote(long answerId, String conversation, Vote vote) {
    long chat = chatId(conversation);
    return store.vote(answerId, chat, chat, vote);
  }

  /** The store chat of a conversation: a hash of its id, in the web's range. */
  static long chatId(String conversation) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(conversation.getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        bits = (bits << 8) | (hash[i] & 0xff);
      }
      return FIRST_CHAT_ID | (bits & (FIRST_CHAT_ID - 1));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
