package org.briefbot.retrieval;

import org.briefbot.knowledge.Passage;

/**
 * A ranked passage.
 *
 * @param passage the passage
 * @param score the ranking score; comparable within one question only
 * @param confidence estimated probability, in [0,1], that this passage answers the question;
 *     comparable across questions and modes
 */
public record Match(Passage passage, double score, double confidence) {}
