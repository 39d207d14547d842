/**
 * The only package that imports Lucene. Owns text analysis ({@link
 * org.briefbot.index.TextAnalysis}), the passage document schema ({@link
 * org.briefbot.index.Fields}), writing the index with its passage and sentence vectors, query
 * planning (entity aliases as one concept, typo tolerance) and searching: {@link
 * org.briefbot.index.PassageIndex} returns {@link org.briefbot.index.Candidate}s with every signal
 * ranking needs (BM25 score, coverage, vector and sentence cosines).
 *
 * <p>Imports {@code knowledge} and Lucene only; ranking and confidence are {@code retrieval}s.
 */
package org.briefbot.index;
