package org.briefbot.knowledge;

import java.util.Locale;

/** Where in an article (or in the curated knowledge) a passage comes from. */
public enum Section {
  KEY_TAKEAWAY("Key Takeaways"),
  BACKGROUND("Context & Background"),
  WHY_IT_MATTERS("Why It Matters"),
  WHAT_HAPPENS_NEXT("What Happens Next"),
  FAQ("Frequently Asked Questions"),
  ENTITY_NOTE("Related People & Topics"),
  CURATED_FAQ("FAQ"),
  /** A document of an external benchmark corpus, indexed as one passage. */
  DOCUMENT("Document");

  private final String label;

  Section(String label) {
    this.label = label;
  }

  /** The heading readers see, e.g. "Why It Matters". */
  public String label() {
    return label;
  }

  /** Stable lower-case key used in indexes and JSON, e.g. "why_it_matters". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
