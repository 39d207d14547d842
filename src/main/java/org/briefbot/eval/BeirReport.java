package org.briefbot.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Figures of a benchmark run. The first five are the {@code eval --beir --json} contract.
 *
 * @param queries judged queries run
 * @param ndcg10 nDCG@10
 * @param recall100 Recall@100
 * @param mrr10 MRR@10
 * @param p1 precision at 1
 * @param mode retrieval mode
 * @param latencyP50Ms median query latency in milliseconds
 * @param latencyP99Ms 99th percentile query latency in milliseconds
 * @param indexMs time to build the index in milliseconds
 */
public record BeirReport(
    int queries,
    @JsonProperty("ndcg@10") double ndcg10,
    @JsonProperty("recall@100") double recall100,
    @JsonProperty("mrr@10") double mrr10,
    @JsonProperty("p@1") double p1,
    String mode,
    @JsonProperty("latency_p50_ms") double latencyP50Ms,
    @JsonProperty("latency_p99_ms") double latencyP99Ms,
    @JsonProperty("index_ms") long indexMs) {}
