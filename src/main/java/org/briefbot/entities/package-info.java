/**
 * The entity catalog (names, aliases, kinds, notes and which entities share passages) merged from
 * article notes and entity files, and the linker that finds entity mentions in text. The catalog
 * keeps what linking found in each article ({@link org.briefbot.entities.ArticleLinks}), so that a
 * changed article is linked again on its own ({@link org.briefbot.entities.EntityCatalog#update}).
 *
 * <p>Imports {@code knowledge} and Apache Commons Text (edit distance and Jaro-Winkler similarity
 * for misspelt names).
 */
package org.briefbot.entities;
