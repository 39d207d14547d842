/**
 * Main, the commands ({@code chat}, {@code ask}, {@code eval}, {@code check}, {@code report},
 * {@code generate}, {@code serve}) and the wiring: config to knowledge to index to answerer to the
 * channels; {@code serve} is where modules mount their web handlers. With an index folder, the
 * knowledge folder lives in one on-disk index updated per article ({@code LiveArchive}) that every
 * command serves from: {@link org.briefbot.app.LoadedLibrary} is one loaded, wired version of it
 * ({@code ask} and {@code eval}: caught up and embedded first; {@code check}: caught up), and
 * {@link org.briefbot.app.LiveLibrary} follows the folder and swaps versions in (the bot),
 * embedding what the index lacks vectors for in the background ({@code BackgroundEmbedding}) and
 * answering with BM25 meanwhile. {@code Indexing} adds vectors to what is indexed, and indexes
 * benchmark corpora in memory.
 *
 * <p>The only package that sees every other one; nothing imports it. Besides briefbot packages it
 * imports picocli (the command line), Logback (log setup) and Jackson (JSON output).
 */
package org.briefbot.app;
