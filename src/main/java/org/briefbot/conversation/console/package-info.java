/**
 * The terminal chat: reads lines, renders {@link org.briefbot.conversation.Reply}s as plain text
 * (bold key sentences where the terminal supports ANSI).
 *
 * <p>Imports {@code conversation} and {@code answer} only.
 */
package org.briefbot.conversation.console;
