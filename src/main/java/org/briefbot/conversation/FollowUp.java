package org.briefbot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that only makes sense after an answer: "tell me more", "why?", "what about Microsoft?",
 * "when?", "who said that?", "source?".
 *
 * @param kind which follow-up
 * @param subject what "what about X" asks about, or the question word "when?" asks with; empty for
 *     the others
 */
record FollowUp(Kind kind, String subject) {
  enum Kind {
    /** Another passage on the same topic. */
    MORE,
    /** Why the last answer matters. */
    WHY,
    /** The last question, about something else. */
    ABOUT,
    /** Where the last answer comes from: its article, when that was published, its link. */
    SOURCE,
    /** The last question, asked with another question word: "when?", "who?", "how much?". */
    ASKED_AGAIN,
    /** Who said what the last answer says: "who said that?", "according to whom?". */
    SAID_BY
  }

  private static final String END = "[\\s.!?]*$";
  private static final Pattern MORE =
      Pattern.compile(
          "^(?:(?:please )?tell me more|more|more please|go on|continue|keep going|and|anything else|what else|say more"
              + "|more info(?:rmation)?|any more|more details|details)"
              + END,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WHY =
      Pattern.compile(
          "^(?:why|why so|why is that|why's that|how come|why does (?:it|this|that) matter|why is (?:it|this|that) important"
              + "|so what)"
              + END,
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ABOUT =
      Pattern.compile(
          "^(?:(?:and |but )?(?:what|how) about|and|what of)\\s+(.+?)" + END,
          Pattern.CASE_INSENSITIVE);

  /**
   * A question word alone, or with "was that": "when?", "where was that?", "how many?". "why?" is
   * {@link Kind#WHY}, and "what?" is none: readers mean "pardon?".
   */
  private static final Pattern ASKED_AGAIN =
      Pattern.compile(
          "^(?:and |so |but |ok |okay )?"
              + "(when|since when|by when|until when|where|who|how much|how many|how long|what year"
              + "|by how much)"
              + "(?: (?:was|is|did|does|will|would) (?:that|it|this)(?: (?:happen|be|start|end))?)?"
              + END,
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SAID_BY =
      Pattern.compile(
          "^(?:and |so |but |ok |okay )?(?:who (?:said|says|claims|claimed|wrote) (?:that|this|so|it)"
              + "|according to (?:whom|who)|says who|who is quoted|whose words are (?:those|these))"
              + END,
          Pattern.CASE_INSENSITIVE);

  /** The article an answer came from, named: "this article", "the story". */
  private static final String THE_STORY = "(?:this|that|the) (?:article|story|news|piece)";

  /** Or "it", "this", where the verb says an article is meant: "when was it published". */
  private static final String STORY = "(?:" + THE_STORY + "|this|that|it)";

  private static final Pattern SOURCE =
      Pattern.compile(
          "^(?:(?:and |so |ok )?(?:what(?:'s| is) (?:the|your) )?(?:source|sources|link|url)"
              + "(?: (?:please|pls))?"
              + "|where(?:'s| is| does) (?:this|that|it) (?:from|come from)"
              + "|where did you (?:get|find|read) (?:this|that|it)"
              + "|which (?:article|story) (?:is (?:this|that|it) from|says (?:this|that|so))"
              + "|(?:can i |where can i )?read the (?:whole |full )?(?:article|story)"
              + "|when was "
              + STORY
              + " (?:published|written|posted|out)"
              + "|how (?:old|recent|new) is "
              + THE_STORY
              + "|(?:what(?:'s| is) the )?date(?: of "
              + STORY
              + ")?"
              + "|is "
              + THE_STORY
              + " (?:recent|new|old|up to date|current))"
              + END,
          Pattern.CASE_INSENSITIVE);

  /** The follow-up {@code message} is, if it is one. */
  static Optional<FollowUp> of(String message) {
    String text = message.strip();
    if (MORE.matcher(text).matches()) {
      return Optional.of(new FollowUp(Kind.MORE, ""));
    }
    if (WHY.matcher(text).matches()) {
      return Optional.of(new FollowUp(Kind.WHY, ""));
    }
    if (SOURCE.matcher(text.replace('\u2019', '\'')).matches()) {
      return Optional.of(new FollowUp(Kind.SOURCE, ""));
    }
    if (SAID_BY.matcher(text.replace('\u2019', '\'')).matches()) {
      return Optional.of(new FollowUp(Kind.SAID_BY, ""));
    }
    Matcher again = ASKED_AGAIN.matcher(text);
    if (again.matches()) {
      return Optional.of(new FollowUp(Kind.ASKED_AGAIN, again.group(1).toLowerCase(Locale.ROOT)));
    }
    Matcher about = ABOUT.matcher(text);
    return about.matches()
        ? Optional.of(new FollowUp(Kind.ABOUT, about.group(1).strip()))
        : Optional.empty();
  }
}
