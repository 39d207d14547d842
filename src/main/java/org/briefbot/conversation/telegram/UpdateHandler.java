package org.briefbot.conversation.telegram;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.briefbot.conversation.Command;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * One update in, replies out: messages become questions, commands and admin commands, button taps
 * run their command or count a vote, inline queries get results. Each update is answered from the
 * knowledge serving when it arrives, and the store records what was shown. Runs on a worker thread;
 * may throw, the caller logs it.
 */
final class UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
  static final String EXPIRED = "This button has expired. Ask me again.";
  static final String FAILED = "Sorry, something went wrong. Please try again.";
  private static final String TEXT_ONLY =
      "I read text only. Ask me a question about the articles, or type /help.";

  /** How long Telegram clients may cache inline results for the same query. */
  private static final int INLINE_CACHE_SECONDS = 60;

  /** Commands worth counting for /stats; anything else a reader types after a slash is not. */
  private static final Set<String> COUNTED =
      Stream.concat(
              Conversation.COMMANDS.stream().map(Command::name), Stream.of("start", "passage"))
          .collect(Collectors.toUnmodifiableSet());

  private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z]+)");

  private final Library library;
  private final Addressing addressing;
  private final ChatStore chats;
  private final AdminCommands admin;
  private final TelegramFormatter formatter;
  private final Replies replies;
  private final CallbackData callbacks;
  private final InlineAnswers inline;
  private final Outbox outbox;
  private final AnswerCounts counts;

  UpdateHandler(
      Library library,
      Addressing addressing,
      ChatStore chats,
      AdminCommands admin,
      TelegramFormatter formatter,
      Replies replies,
      CallbackData callbacks,
      InlineAnswers inline,
      Outbox outbox,
      AnswerCounts counts) {
    this.counts = counts;
    this.library = library;
    this.addressing = addressing;
    this.chats = chats;
    this.admin = admin;
    this.formatter = formatter;
    this.replies = replies;
    this.callbacks = callbacks;
    this.inline = inline;
    this.outbox = outbox;
  }

  void handle(Update update) {
    if (!chats.firstDelivery(update.getUpdateId())) {
      log.info(
          "Update {} was delivered again: it was handled the first time", update.getUpdateId());
      return;
    }
    Conversation conversation =
        library.current(); // once: a reload mid-update cannot mix two versions of the knowledge
    if (update.hasMessage()) {
      message(conversation, update.getMessage());
    } else if (update.hasCallbackQuery()) {
      callback(conversation, update.getCallbackQuery());
    } else if (update.hasInlineQuery()) {
      inline(conversation, update.getInlineQuery());
    } else {
      log.debug("Ignoring update {}: not a message, button or inline query", update.getUpdateId());
    }
  }

  private void message(Conversation conversation, Message message) {
    ChatRef chat = chat(message.getChat());
    Optional<String> text = addressing.textFor(message);
    if (text.isEmpty()) {
      if (message.getChat().isUserChat() && !message.hasText()) {
        replies.send(chat, Rendered.text(Html.escape(TEXT_ONLY)), Optional.empty());
      }
      return;
    }
    Optional<Integer> quote = chat.group() ? Optional.of(message.getMessageId()) : Optional.empty();
    Optional<Long> from = Optional.ofNullable(message.getFrom()).map(User::getId);
    Optional<String> adminCommand = AdminCommands.command(text.get());
    if (adminCommand.isPresent()) {
      replies.send(chat, Rendered.text(Html.escape(admin.run(adminCommand.get(), from))), quote);
      return;
    }
    Optional<Integer> repliedTo =
        Optional.ofNullable(message.getReplyToMessage()).map(Message::getMessageId);
    // Anonymous group admins and channel posts have no sender: the chat stands for them.
    Said said = converse(conversation, chat, from.orElse(chat.id()), text.get(), repliedTo);
    rememberWhere(chat, replies.send(chat, said.rendered(), quote), said);
  }

  /**
   * What to show, and the context the answer leaves, to remember under the message that shows it.
   */
  private record Said(Rendered rendered, Optional<Context> context) {}

  /** In a group, the sent answer's context, so that a reply to it follows it. */
  private void rememberWhere(ChatRef chat, CompletableFuture<Integer> sent, Said said) {
    if (chat.group() && said.context().isPresent()) {
      sent.thenAccept(id -> chats.rememberAnswer(chat, id, said.context().get()));
    }
  }

  /**
   * Runs the button's command or counts its vote; the callback query is answered whatever happens,
   * or the button spins.
   */
  private void callback(Conversation conversation, CallbackQuery query) {
    String toast = null;
    try {
      toast = tap(conversation, query);
    } catch (RuntimeException e) {
      toast = FAILED;
      throw e;
    } finally {
      AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer =
          AnswerCallbackQuery.builder().callbackQueryId(query.getId());
      if (toast != null) {
        answer.text(toast);
      }
      outbox.call(answer.build());
    }
  }

  /**
   * Returns the toast to show, if any. A vote is committed before this returns, so before the
   * callback is answered.
   */
  private String tap(Conversation conversation, CallbackQuery query) {
    Optional<CallbackData.VoteTap> vote = CallbackData.decodeVote(query.getData());
    MaybeInaccessibleMessage under = query.getMessage();
    if (vote.isPresent()) {
      // Vote buttons are only ever sent under answers in a chat; one without a message is forged.
      return under == null
          ? ChatStore.OTHER_CHAT
          : chats.vote(
              vote.get().answerId(), under.getChatId(), query.getFrom().getId(), vote.get().vote());
    }
    if (under == null) {
      return EXPIRED;
    }
    Optional<Button> button = callbacks.decode(query.getData(), under.getChatId());
    if (button.isEmpty()) {
      return EXPIRED;
    }
    ChatRef chat = chat(under.getChat());
    Said said =
        converse(
            conversation,
            chat,
            query.getFrom().getId(),
            button.get().command(),
            Optional.of(under.getMessageId()));
    if (button.get().tap() == Button.Tap.EDIT && under instanceof Message) {
      replies.edit(chat, under.getMessageId(), said.rendered());
      said.context().ifPresent(c -> chats.rememberAnswer(chat, under.getMessageId(), c));
    } else {
      rememberWhere(
          chat, replies.send(chat, said.rendered(), Optional.of(under.getMessageId())), said);
    }
    return null;
  }

  private void inline(Conversation conversation, InlineQuery query) {
    outbox.call(
        AnswerInlineQuery.builder()
            .inlineQueryId(query.getId())
            .results(inline.results(conversation, query.getQuery()))
            .cacheTime(INLINE_CACHE_SECONDS)
            .isPersonal(false)
            .build());
  }

  /**
   * The conversation's turn for this chat: its context comes from the store and goes back there
   * when it changed, and an answer is recorded and gets vote buttons.
   */
  private Said converse(
      Conversation conversation,
      ChatRef chat,
      long userId,
      String text,
      Optional<Integer> answerMessage) {
    Optional<Context> before = chats.context(chat, userId, answerMessage);
    Turn turn = conversation.reply(text, before);
    if (turn.context().isPresent() && !turn.context().equals(before)) {
      chats.remember(chat, userId, turn.context().get());
    }
    count(text);
    Rendered rendered = formatter.format(turn.reply());
    if (!(turn.reply() instanceof Reply.Answered answered)) {
      if (conversation.isSmallTalk(text)) {
        chats.recordSmallTalk(chat.id(), text);
      }
      return new Said(rendered, Optional.empty());
    }
    counts.count(answered.answer());
    OptionalLong answerId = chats.record(chat.id(), userId, answered);
    // A decline has nothing to vote on (it is in the unanswered log already); without an id the
    // store is down.
    boolean votes = answered.answer().answered() && answerId.isPresent();
    return new Said(
        votes ? rendered.withVotes(answerId.getAsLong()) : rendered,
        answered.answer().answered() ? turn.context() : Optional.empty());
  }

  private void count(String text) {
    Matcher command = COMMAND.matcher(text);
    if (command.find() && COUNTED.contains(command.group(1).toLowerCase(Locale.ROOT))) {
      chats.countCommand(command.group(1).toLowerCase(Locale.ROOT));
    }
  }

  private static ChatRef chat(Chat chat) {
    return new ChatRef(chat.getId(), chat.isGroupChat() || chat.isSuperGroupChat());
  }
}
