/**
 * The only package that imports Lucene: analysis, field names, building the passage index and
 * searching it. Everything outside sees {@link org.briefbot.index.PassageIndex}, its request and
 * hit records, and {@link org.briefbot.index.TextAnalysis}.
 */
package org.briefbot.index;
