package org.briefbot.store;

import java.util.Locale;

/** What an editor decided about a question on the desk; a marked question leaves its lists. */
public enum Mark {
  /** Not something the articles should answer (the weather, the bot's feelings). */
  OUT_OF_SCOPE,
  /** Its wording was added to a curated FAQ item, so it is answered from now on. */
  ADDED_TO_FAQ;

  /** The value in the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Mark ofKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
