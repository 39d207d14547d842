/**
 * The web: one JDK HTTP server ({@link org.briefbot.web.WebServer}) that other modules mount
 * handlers on ({@link org.briefbot.web.Mount}), the JSON API under {@code /api/}, the chat page at
 * {@code /} with its embed script, {@code /health} and {@code /metrics}.
 *
 * <p>Owns the server's threads, the web conversations (their contexts live in the store, keyed by
 * conversation id, as Telegram's chats do) and the metrics registry. Imports {@code conversation},
 * {@code answer}, {@code entities}, {@code knowledge}, {@code store} and {@code config}, the JDK's
 * {@code com.sun.net.httpserver}, Jackson and the Prometheus simpleclient; never a channel's
 * library, never {@code app}.
 */
package org.briefbot.web;
