package org.briefbot.conversation.telegram;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.MessageEntity;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Decides which messages are for the bot, and what they say once the bot's name is taken out. In a
 * private chat, everything. In a group: commands (but not {@code /cmd@otherbot}), messages that
 * mention the bot, and replies to the bot's own messages; the rest is people talking.
 */
final class Addressing {
  private static final Pattern COMMAND =
      Pattern.compile("^/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?=\\s|$)");

  private final long botId;
  private final String username;

  Addressing(long botId, String username) {
    this.botId = botId;
    this.username = username;
  }

  /** The text to answer, or empty when the message is not for the bot. */
  Optional<String> textFor(Message message) {
    if (!message.hasText()) {
      return Optional.empty();
    }
    String text = message.getText();
    Chat chat = message.getChat();
    Matcher command = COMMAND.matcher(text);
    if (command.find()) {
      return forUs(command) ? Optional.of(withoutAddress(text, command)) : Optional.empty();
    }
    if (chat.isUserChat()) {
      return Optional.of(text);
    }
    if (!chat.isGroupChat() && !chat.isSuperGroupChat()) {
      return Optional.empty(); // channels: the bot does not talk there
    }
    Optional<String> mentioned = withoutMention(text, message.getEntities());
    if (mentioned.isPresent()) {
      return mentioned;
    }
    return isReplyToBot(message) ? Optional.of(text) : Optional.empty();
  }

  private boolean forUs(Matcher command) {
    return command.group(2) == null || command.group(2).equalsIgnoreCase(username);
  }

  /** "/ask@briefbot_bot x" → "/ask x". */
  private static String withoutAddress(String text, Matcher command) {
    return "/" + command.group(1) + text.substring(command.end());
  }

  /** The text with the bot's @mention (or a text mention of it) cut out, if it has one. */
  private Optional<String> withoutMention(String text, List<MessageEntity> entities) {
    if (entities == null) {
      return Optional.empty();
    }
    for (MessageEntity entity : entities) {
      int start = entity.getOffset();
      int end = Math.min(text.length(), start + entity.getLength());
      if (start < 0 || start >= end) {
        continue;
      }
      if (isMentionOfUs(entity, text.substring(start, end))) {
        return Optional.of(
            (text.substring(0, start) + " " + text.substring(end)).replaceAll("\\s+", " ").strip());
      }
    }
    return Optional.empty();
  }

  private boolean isMentionOfUs(MessageEntity entity, String covered) {
    String type = entity.getType();
    if ("mention".equals(type)) {
      return covered.toLowerCase(Locale.ROOT).equals("@" + username.toLowerCase(Locale.ROOT));
    }
    User user = entity.getUser();
    return "text_mention".equals(type) && user != null && user.getId() == botId;
  }

  private boolean isReplyToBot(Message message) {
    Message original = message.getReplyToMessage();
    return original != null && original.getFrom() != null && original.getFrom().getId() == botId;
  }
}
