/**
 * Measuring answers: gold question files (hit@1, hit@3, MRR, decline accuracy) and BEIR-layout
 * benchmarks (nDCG@10, Recall@100, MRR@10, P@1, latency), each into a report record.
 *
 * <p>Imports {@code answer}, {@code retrieval}, {@code index} and {@code knowledge}, and Jackson to
 * read the files.
 */
package org.briefbot.eval;
