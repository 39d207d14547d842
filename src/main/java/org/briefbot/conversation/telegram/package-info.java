/**
 * The Telegram channel and the only package that imports TelegramBots (and its OkHttp client): long
 * polling or a webhook (the JDK HTTP server of its own, or a {@link
 * org.briefbot.conversation.telegram.WebhookHost} such as {@code serve}'s web server), updates into
 * conversation turns, replies into HTML messages with buttons, retries and rate limits on the way
 * out, votes and admin commands.
 *
 * <p>Imports {@code conversation}, {@code answer}, {@code knowledge}, {@code store} and {@code
 * config}; the rest of briefbot never sees a TelegramBots type.
 */
package org.briefbot.conversation.telegram;
