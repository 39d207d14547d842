package org.briefbot.conversation.telegram;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.briefbot.store.Vote;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * Puts a {@link Rendered} reply into a chat: split into messages that fit, buttons under the last
 * one, all through the {@link Outbox}.
 */
final class Replies {
  static final String UP = "👍";
  static final String DOWN = "👎";
  private static final LinkPreviewOptions NO_PREVIEW =
      LinkPreviewOptions.builder().isDisabled(true).build();

  private final Outbox outbox;
  private final MessageSplitter splitter;
  private final CallbackData callbacks;

  Replies(Outbox outbox, MessageSplitter splitter, CallbackData callbacks) {
    this.outbox = outbox;
    this.splitter = splitter;
    this.callbacks = callbacks;
  }

  /**
   * New messages; in groups the first one quotes {@code replyTo} so the thread stays readable.
   * Completes with the id of the last message, the one carrying the buttons, once it is sent.
   */
  CompletableFuture<Integer> send(ChatRef chat, Rendered reply, Optional<Integer> replyTo) {
    return send(chat, splitter.split(reply.html()), keyboard(chat, reply), replyTo);
  }

  private CompletableFuture<Integer> send(
      ChatRef chat,
      List<String> parts,
      Optional<InlineKeyboardMarkup> keyboard,
      Optional<Integer> replyTo) {
    CompletableFuture<Integer> last = new CompletableFuture<>();
    for (int i = 0; i < parts.size(); i++) {
      SendMessage.SendMessageBuilder<?, ?> message =
          SendMessage.builder()
              .chatId(chat.id())
              .text(parts.get(i))
              .parseMode(ParseMode.HTML)
              .linkPreviewOptions(NO_PREVIEW);
      if (i == 0 && replyTo.isPresent()) {
        message.replyParameters(
            ReplyParameters.builder()
                .messageId(replyTo.get())
                .allowSendingWithoutReply(true)
                .build());
      }
      if (i == parts.size() - 1) {
        keyboard.ifPresent(message::replyMarkup);
      }
      CompletableFuture<Message> sent = outbox.send(chat, message.build());
      if (i == parts.size() - 1) {
        sent.whenComplete(
            (m, failed) -> {
              if (m != null) {
                last.complete(m.getMessageId());
              } else {
                last.completeExceptionally(
                    failed != null ? failed : new IllegalStateException("no message"));
              }
            });
      }
    }
    return last;
  }

  /**
   * Replaces message {@code messageId} with the reply's first part; any further parts follow it.
   */
  void edit(ChatRef chat, int messageId, Rendered reply) {
    List<String> parts = splitter.split(reply.html());
    EditMessageText.EditMessageTextBuilder<?, ?> edit =
        EditMessageText.builder()
            .chatId(chat.id())
            .messageId(messageId)
            .text(parts.get(0))
            .parseMode(ParseMode.HTML)
            .linkPreviewOptions(NO_PREVIEW);
    if (parts.size() == 1) {
      keyboard(chat, reply).ifPresent(edit::replyMarkup);
    }
    outbox.send(chat, edit.build());
    if (parts.size() > 1) {
      send(chat, parts.subList(1, parts.size()), keyboard(chat, reply), Optional.empty());
    }
  }

  /**
   * The rendered buttons as Telegram's inline keyboard for {@code chat}, votes last; empty when
   * there are none.
   */
  Optional<InlineKeyboardMarkup> keyboard(ChatRef chat, Rendered reply) {
    if (reply.keyboard().isEmpty() && reply.votesOn().isEmpty()) {
      return Optional.empty();
    }
    InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
    for (List<Button> row : reply.keyboard()) {
      markup.keyboardRow(new InlineKeyboardRow(row.stream().map(b -> button(chat, b)).toList()));
    }
    reply.votesOn().ifPresent(answerId -> markup.keyboardRow(votes(answerId)));
    return Optional.of(markup.build());
  }

  private static InlineKeyboardRow votes(long answerId) {
    return new InlineKeyboardRow(
        InlineKeyboardButton.builder()
            .text(UP)
            .callbackData(CallbackData.vote(answerId, Vote.UP))
            .build(),
        InlineKeyboardButton.builder()
            .text(DOWN)
            .callbackData(CallbackData.vote(answerId, Vote.DOWN))
            .build());
  }

  private InlineKeyboardButton button(ChatRef chat, Button button) {
    return InlineKeyboardButton.builder()
        .text(button.label())
        .callbackData(callbacks.encode(button, chat.id()))
        .build();
  }
}
