package org.briefbot.conversation.telegram;

import com.sun.net.httpserver.HttpHandler;

/**
 * Where the webhook is served when the bot shares a server ({@code serve}'s web server) instead of
 * listening on {@code telegram.webhook.port} itself.
 */
@FunctionalInterface
public interface WebhookHost {
  /**
   * Serves {@code handler} at {@code path} until the returned handle is closed.
   *
   * @throws RuntimeException when the path cannot be served
   */
  AutoCloseable serve(String path, HttpHandler handler);
}
