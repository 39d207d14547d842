package org.briefbot.store;

import java.util.Locale;

/** Where a reader asked: each channel records its exchanges, and the desk shows them all. */
public enum Channel {
  TELEGRAM,
  CONSOLE,
  WEB;

  /** The value in the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The channel stored as {@code key}; rows written before channels were recorded are Telegram. */
  static Channel ofKey(String key) {
    return key == null ? TELEGRAM : valueOf(key.toUpperCase(Locale.ROOT));
  }
}
