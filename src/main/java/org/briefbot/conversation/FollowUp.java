package org.briefbot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that only makes sense after an answer: "tell me more", "why?", "what about Microsoft?".
 *
 * @param kind which follow-up
 * @param subject what "what about X" asks about; empty for the others
 */
record FollowUp(Kind kind, String subject) {
  enum Kind {
    /** Another passage on the same topic. */
    MORE,
    /** Why the last answer matters. */
    WHY,
    /** The last question, about something else. */
    ABOUT
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

  /** The follow-up {@code message} is, if it is one. */
  static Optional<FollowUp> of(String message) {
    String text = message.strip();
    if (MORE.matcher(text).matches()) {
      return Optional.of(new FollowUp(Kind.MORE, ""));
    }
    if (WHY.matcher(text).matches()) {
      return Optional.of(new FollowUp(Kind.WHY, ""));
    }
    Matcher about = ABOUT.matcher(text);
    return about.matches()
        ? Optional.of(new FollowUp(Kind.ABOUT, about.group(1).strip()))
        : Optional.empty();
  }
}
