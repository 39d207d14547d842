package org.briefbot.conversation.telegram;

/**
 * A chat messages go to.
 *
 * @param id Telegram's chat id (negative for groups)
 * @param group whether it is a group or supergroup, which Telegram limits harder
 */
record ChatRef(long id, boolean group) {}
