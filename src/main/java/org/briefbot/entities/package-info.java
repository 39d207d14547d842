/**
 * The entity catalog (names, aliases, kinds, notes and which entities share passages) merged from
 * article notes and entity files, and the linker that finds entity mentions in text.
 *
 * <p>Imports {@code knowledge} and Apache Commons Text (edit distance and Jaro-Winkler similarity
 * for misspelt names).
 */
package org.briefbot.entities;
