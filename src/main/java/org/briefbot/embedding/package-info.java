/**
 * The only package that imports the sentence-embedding model (langchain4j's quantized
 * all-MiniLM-L6-v2 on ONNX Runtime): {@link org.briefbot.embedding.SentenceEncoder} turns text into
 * unit vectors, {@link org.briefbot.embedding.EmbeddingCache} keeps passage vectors on disk keyed
 * by their text, and {@link org.briefbot.embedding.PassageEmbedder} combines the two so a passage
 * is embedded once. Nothing here is loaded unless {@code retrieval.semantic} is true.
 */
package org.briefbot.embedding;
