package org.briefbot.store;

import java.util.Locale;

/** What a usage counter counts. */
public enum UsageKind {
  /** An entity a reader asked about (counted by {@link Store#recordAnswer}). */
  ENTITY,
  /** A command a reader used, e.g. "topics". */
  COMMAND;

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
