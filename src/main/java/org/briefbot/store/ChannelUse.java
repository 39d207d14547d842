package org.briefbot.store;

/**
 * How much one channel was used in a period.
 *
 * @param channel the channel
 * @param questions questions replied to (answered or declined)
 * @param answered of those, the ones answered
 * @param smallTalk chit-chat messages, counted apart from questions
 */
public record ChannelUse(Channel channel, long questions, long answered, long smallTalk) {}
