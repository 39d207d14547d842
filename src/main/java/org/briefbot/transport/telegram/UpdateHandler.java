package org.briefbot.transport.telegram;

import java.util.Optional;
import org.briefbot.transport.Context;
import org.briefbot.transport.Conversation;
import org.briefbot.transport.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.inlinequery.InlineQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * One update in, replies out: messages become questions and commands, button taps run their
 * command, inline queries get results. Runs on a worker thread; may throw, the caller logs it.
 */
final class UpdateHandler {
  private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);
  static final String EXPIRED = "This button has expired. Ask me again.";
  static final String FAILED = "Sorry, something went wrong. Please try again.";
  private static final String TEXT_ONLY = "I read text only. Ask me a question about the articles, or type /help.";
  /** How long Telegram clients may cache inline results for the same query. */
  private static final int INLINE_CACHE_SECONDS = 60;

  private final Conversation conversation;
  private final Addressing addressing;
  private final ExpiringMap<Long, Context> contexts;
  private final TelegramFormatter formatter;
  private final Replies replies;
  private final CallbackData callbacks;
  private final InlineAnswers inline;
  private final Outbox outbox;

  UpdateHandler(Conversation conversation, Addressing addressing, ExpiringMap<Long, Context> contexts, TelegramFormatter formatter,
      Replies replies, CallbackData callbacks, InlineAnswers inline, Outbox outbox) {
    this.conversation = conversation;
    this.addressing = addressing;
    this.contexts = contexts;
    this.formatter = formatter;
    this.replies = replies;
    this.callbacks = callbacks;
    this.inline = inline;
    this.outbox = outbox;
  }

  void handle(Update update) {
    if (update.hasMessage()) {
      message(update.getMessage());
    } else if (update.hasCallbackQuery()) {
      callback(update.getCallbackQuery());
    } else if (update.hasInlineQuery()) {
      inline(update.getInlineQuery());
    } else {
      log.debug("Ignoring update {}: not a message, button or inline query", update.getUpdateId());
    }
  }

  private void message(Message message) {
    ChatRef chat = chat(message.getChat());
    Optional<String> text = addressing.textFor(message);
    if (text.isEmpty()) {
      if (message.getChat().isUserChat() && !message.hasText()) {
        replies.send(chat, Rendered.text(Html.escape(TEXT_ONLY)), Optional.empty());
      }
      return;
    }
    Turn turn = converse(chat, text.get());
    Optional<Integer> quote = chat.group() ? Optional.of(message.getMessageId()) : Optional.empty();
    replies.send(chat, formatter.format(turn.reply()), quote);
  }

  /** Runs the button's command; the callback query is answered whatever happens, or the button spins. */
  private void callback(CallbackQuery query) {
    String toast = null;
    try {
      toast = tap(query);
    } catch (RuntimeException e) {
      toast = FAILED;
      throw e;
    } finally {
      AnswerCallbackQuery.AnswerCallbackQueryBuilder<?, ?> answer = AnswerCallbackQuery.builder().callbackQueryId(query.getId());
      if (toast != null) {
        answer.text(toast);
      }
      outbox.call(answer.build());
    }
  }

  /** Returns the toast to show, if any. */
  private String tap(CallbackQuery query) {
    Optional<Button> button = callbacks.decode(query.getData());
    MaybeInaccessibleMessage under = query.getMessage();
    if (button.isEmpty() || under == null) {
      return EXPIRED;
    }
    ChatRef chat = chat(under.getChat());
    Rendered reply = formatter.format(converse(chat, button.get().command()).reply());
    if (button.get().tap() == Button.Tap.EDIT && under instanceof Message) {
      replies.edit(chat, under.getMessageId(), reply);
    } else {
      replies.send(chat, reply, Optional.of(under.getMessageId()));
    }
    return null;
  }

  private void inline(InlineQuery query) {
    outbox.call(
        AnswerInlineQuery.builder()
            .inlineQueryId(query.getId())
            .results(inline.results(query.getQuery()))
            .cacheTime(INLINE_CACHE_SECONDS)
            .isPersonal(false)
            .build());
  }

  /** The conversation's turn for this chat, remembering its context for the next message. */
  private Turn converse(ChatRef chat, String text) {
    Turn turn = conversation.reply(text, contexts.get(chat.id()));
    turn.context().ifPresent(c -> contexts.put(chat.id(), c));
    return turn;
  }

  private static ChatRef chat(Chat chat) {
    return new ChatRef(chat.getId(), chat.isGroupChat() || chat.isSuperGroupChat());
  }
}
