package org.briefbot.conversation;

/**
 * A command readers can type; channels list them in their help (and Telegram's command menu).
 *
 * @param name without the slash, e.g. "entity"
 * @param arguments e.g. "NAME", or empty
 * @param description one line
 */
public record Command(String name, String arguments, String description) {
  public String usage() {
    return "/" + name + (arguments.isEmpty() ? "" : " " + arguments);
  }
}
