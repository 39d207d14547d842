/**
 * Knowledge files into values: articles in the newsroom format ({@link
 * org.briefbot.knowledge.ArticleParser}), curated FAQ and entity YAML files, each into {@link
 * org.briefbot.knowledge.Passage}s, {@link org.briefbot.knowledge.FaqItem}s and entity entries; an
 * {@link org.briefbot.knowledge.IngestReport} with path, line and reason for every file that could
 * not be read, while the rest loads; the folder watcher.
 *
 * <p>The bottom of the stack: imports no other briefbot package, only Jackson (YAML) and SLF4J.
 */
package org.briefbot.knowledge;
