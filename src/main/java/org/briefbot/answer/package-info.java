/**
 * A question into an {@link org.briefbot.answer.Answer}: the best passage with its key sentence, a
 * confidence, entity cards and {@link org.briefbot.answer.Alternative}s (other passages, or topics
 * when declined), or a decline. Pure: no I/O, no threads of its own.
 *
 * <p>Imports {@code retrieval}, {@code index} (requests and candidates), {@code entities}, {@code
 * knowledge} and {@code memo}; no third-party library.
 */
package org.briefbot.answer;
