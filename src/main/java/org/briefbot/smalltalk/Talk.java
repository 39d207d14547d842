package org.briefbot.smalltalk;

import java.util.Objects;
import java.util.Optional;

/** A message that is small talk rather than a question about the articles. */
public sealed interface Talk {

  /** What a social message is for. */
  enum Kind {
    GREETING,
    THANKS,
    /** "ok", "got it", "interesting": the reader read the answer and asks nothing. */
    ACKNOWLEDGE,
    WHO_ARE_YOU,
    WHAT_CAN_YOU_DO,
    /** "what's new?", "latest news", "headlines": the newest stories, not a search. */
    LATEST,
    GOODBYE
  }

  /** "hi", "thanks!", "ok", "who are you?", "what can you do?", "what's new?", "help", "bye". */
  record Social(Kind kind) implements Talk {
    public Social {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /**
   * A message in another language than English.
   *
   * @param language its name in English ("Spanish"), when the detector is sure which it is
   */
  record OtherLanguage(Optional<String> language) implements Talk {
    public OtherLanguage {
      Objects.requireNonNull(language, "language");
    }
  }
}
