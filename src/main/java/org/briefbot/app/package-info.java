/**
 * Main, the commands ({@code chat}, {@code ask}, {@code eval}, {@code check}, {@code report},
 * {@code generate}, {@code serve}) and the wiring: config to knowledge to index to answerer to the
 * channels; {@code serve} is where modules mount their web handlers. {@link
 * org.briefbot.app.LoadedLibrary} is one loaded, wired version of the knowledge and {@link
 * org.briefbot.app.LiveLibrary} follows the folder and swaps versions in.
 *
 * <p>The only package that sees every other one; nothing imports it. Besides briefbot packages it
 * imports picocli (the command line), Logback (log setup) and Jackson (JSON output).
 */
package org.briefbot.app;
