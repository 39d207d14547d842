/**
 * The conversation every channel shares: a message and the chats context into a {@link
 * org.briefbot.conversation.Reply} (answers, follow-ups such as "tell me more", commands such as
 * {@code /entity} and {@code /more}, small talk answered with example questions from the articles),
 * and {@link org.briefbot.conversation.Library}, the loaded knowledge as channels see it, with its
 * {@link org.briefbot.conversation.ServingStatus} (which retrieval mode answers, how far embedding
 * has got). The channels live in the sub-packages {@code telegram} and {@code console}.
 *
 * <p>{@link org.briefbot.conversation.Recorder} is how every channel records its exchanges in the
 * store.
 *
 * <p>Imports {@code answer}, {@code entities}, {@code knowledge}, {@code smalltalk}, {@code store}
 * (the recorder) and Jackson (context as JSON); never a channels library.
 */
package org.briefbot.conversation;
