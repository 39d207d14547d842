package org.briefbot.index;

import org.briefbot.knowledge.Passage;

/**
 * A passage found by BM25, by its vector, or by both, with every signal fusion and calibration use.
 * Each signal is computed for every candidate, whichever retriever found it, so fusion never
 * guesses a missing value (except {@code lexical}, which BM25 gives only to its own top).
 *
 * @param passage the passage
 * @param lexicalRank 1-based rank in the BM25 list, 0 when BM25 did not return it
 * @param lexical BM25 score relative to the best BM25 score of this question, in [0,1]; 0 when not
 *     ranked
 * @param coverage share of the question's IDF the passage matches (see {@link Hit#coverage()}), in
 *     [0,1]
 * @param vectorRank 1-based rank among the nearest vectors, 0 when the vector search did not return
 *     it
 * @param similarity cosine of question and passage vectors, in [-1,1]; 0 without vectors
 * @param sentenceSimilarity the highest cosine of the question with one of the passage's sentences;
 *     {@code similarity} for a passage of one sentence
 * @param sentenceSimilarities the cosine of the question with each sentence, in {@link
 *     Passage#sentences()} order; empty when the passage has no sentence vectors. Shared, not
 *     copied: do not modify.
 * @param wording the passage's words, to tell its copies in other articles
 */
public record Candidate(
    Passage passage,
    int lexicalRank,
    double lexical,
    double coverage,
    int vectorRank,
    double similarity,
    double sentenceSimilarity,
    double[] sentenceSimilarities,
    Wording wording) {}
