/**
 * The conversation every channel shares: a message and the chats context into a {@link
 * org.briefbot.conversation.Reply} (answers, follow-ups such as "tell me more", commands such as
 * {@code /entity} and {@code /more}), and {@link org.briefbot.conversation.Library}, the loaded
 * knowledge as channels see it. The channels live in the sub-packages {@code telegram} and {@code
 * console}.
 *
 * <p>Imports {@code answer}, {@code entities}, {@code knowledge} and Jackson (context as JSON);
 * never a channels library.
 */
package org.briefbot.conversation;
