/**
 * Ranking over the indexs candidates in one {@link org.briefbot.retrieval.Mode} (BM25 alone,
 * passage vectors alone, or both fused), with a confidence calibrated to the probability that the
 * first passage answers the question; the answer cues; which texts of a passage are embedded.
 * Builds no index: {@code app} indexes, with the vectors it asks the model for.
 *
 * <p>Imports {@code index} and {@code knowledge}. The embedding model stays behind {@link
 * org.briefbot.retrieval.Embeddings}, implemented in {@code app}, so no model class is loaded here.
 */
package org.briefbot.retrieval;
