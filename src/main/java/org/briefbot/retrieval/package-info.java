/**
 * Ranking modes over the passage index: BM25 alone, passage vectors alone, or both fused, with a
 * confidence calibrated to the probability that the first passage answers the question. Pure
 * arithmetic over {@link org.briefbot.index.Candidate} signals; the model stays behind {@link
 * org.briefbot.retrieval.Embeddings}, so this package loads no model classes itself.
 */
package org.briefbot.retrieval;
