/**
 * JMH benchmarks (built only with {@code -Pbench}; run them all with {@code bench/run}): answer
 * latency of the whole pipeline against the raw Lucene floor on the same index, throughput,
 * loading, and the memory a loaded archive keeps. See docs/performance.md.
 */
package org.briefbot.bench;
