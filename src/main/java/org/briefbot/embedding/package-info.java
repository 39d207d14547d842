/**
 * The only package that imports the neural models: the sentence-embedding model (langchain4j's
 * quantized all-MiniLM-L6-v2 on ONNX Runtime): {@link org.briefbot.embedding.SentenceEncoder} turns
 * text into unit vectors, {@link org.briefbot.embedding.EmbeddingCache} keeps passage vectors on
 * disk keyed by their text, and {@link org.briefbot.embedding.PassageEmbedder} combines the two so
 * a passage is embedded once. {@link org.briefbot.embedding.CrossEncoderJudge} runs the answer
 * judge, a cross-encoder on the same runtime and vocabulary, from a file outside the jar. Nothing
 * here is loaded unless {@code retrieval.semantic} is true.
 */
package org.briefbot.embedding;
