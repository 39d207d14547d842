package org.briefbot.index;

/**
 * A word of a question that no passage has, and the closest word the index has.
 *
 * @param start offset of the word in the question
 * @param end offset just after the word
 * @param word the word as written, e.g. "amazn"
 * @param correction the closest index word, an analysed term (a stem), e.g. "amazon"
 */
public record Typo(int start, int end, String word, String correction) {}
