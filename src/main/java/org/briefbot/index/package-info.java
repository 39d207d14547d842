/**
 * The only package that imports Lucene. Owns text analysis ({@link
 * org.briefbot.index.TextAnalysis}), the passage document schema ({@link
 * org.briefbot.index.Fields}), query planning (entity aliases as one concept, typo tolerance), and
 * writing apart from reading, as Lucene's demo keeps IndexFiles apart from SearchFiles: {@link
 * org.briefbot.index.PassageWriter} writes whole archives with their passage and sentence vectors;
 * {@link org.briefbot.index.LiveIndex} keeps one index on disk up to date article by article (one
 * commit per change, a reader refreshed from it); {@link org.briefbot.index.PassageIndex} searches
 * one version and returns {@link org.briefbot.index.Candidate}s with every signal ranking needs
 * (BM25 score, coverage, vector and sentence cosines).
 *
 * <p>Imports {@code knowledge}, {@code memo} and Lucene only; ranking and confidence are {@code
 * retrieval}s.
 */
package org.briefbot.index;
