package org.briefbot.index;

import org.briefbot.knowledge.Passage;

/**
 * A passage that matched.
 *
 * @param passage the passage, rebuilt from stored fields
 * @param score the ranking score (BM25 plus boosts); comparable within one search only
 * @param coverage share of the question's weight (IDF of each word or entity) this passage matches,
 *     in [0,1]; comparable across questions, the basis of confidence
 * @param wording the passage's words, to tell its copies in other articles
 */
public record Hit(Passage passage, double score, double coverage, Wording wording) {}
