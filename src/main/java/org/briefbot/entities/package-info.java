/**
 * The entity catalog (names, aliases, kinds, notes and which entities appear together) merged from
 * article notes and entity files, and the linker that finds entity mentions in text.
 *
 * <p>Imports {@code knowledge} and Apache Commons Text (edit distance for misspelt names).
 */
package org.briefbot.entities;
