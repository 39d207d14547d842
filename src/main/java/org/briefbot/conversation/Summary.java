package org.briefbot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request for a story's summary: "tldr", "summarize the ECB story", "key points of the AWS deal".
 * Readers ask for the gist in words, not by {@code /more}; searched as a question, "summary" is in
 * no passage and the request was declined.
 *
 * @param story the words naming the story, the filler around them ("the", "story") left out; empty
 *     when the request names none and means the chat's story
 */
record Summary(Optional<String> story) {
  private static final String POLITE = "(?:(?:can|could|would) you |please |pls |just )*";
  private static final String SIZE = "(?:(?:a|the) )?(?:(?:short|quick|brief) )?";
  private static final String GIST =
      "(?:summary|summery|overview|rundown|recap|gist|key points|main points|highlights|tl ?;? ?dr)";
  private static final String END = "(?: please| for me| pls)?[\\s.!?]*$";

  /** The whole message asks for a summary of whatever the chat is about. */
  private static final Pattern OF_THE_CHAT =
      Pattern.compile(
          "^"
              + POLITE
              + "(?:"
              + SIZE
              + GIST
              + "|summari[sz]e(?: (?:it|this|that|the story|the article))?|sum (?:it|this|that) up"
              + "|give me "
              + SIZE
              + GIST
              + "|what(?:'s| is| are) the (?:gist|key points|main points|summary|highlights)"
              + "|in short|in a nutshell)"
              + END,
          Pattern.CASE_INSENSITIVE);

  /** A summary of the story the rest of the message names. */
  private static final Pattern OF_A_STORY =
      Pattern.compile(
          "^"
              + POLITE
              + "(?:summari[sz]e|sum up|recap|brief me on"
              + "|(?:give me |send me |what(?:'s| is| are) )?"
              + SIZE
              + GIST
              + " (?:of|on|about|for))"
              + "\\s+(.+?)"
              + END,
          Pattern.CASE_INSENSITIVE);

  /** Words around a story's name that name no story: "the", "story", "news on". */
  private static final Pattern FILLER =
      Pattern.compile(
          "^(?:the|this|that|your|today'?s)\\s+|\\s+(?:story|article|piece|news|report|item)$",
          Pattern.CASE_INSENSITIVE);

  /** A story named by pointing back at the chat's: "summary of it". */
  private static final Pattern POINTS_BACK =
      Pattern.compile("it|this|that|them|these", Pattern.CASE_INSENSITIVE);

  /** The summary {@code message} asks for, if it asks for one. */
  static Optional<Summary> of(String message) {
    String text = message.strip().replace('\u2019', '\'');
    if (OF_THE_CHAT.matcher(text).matches()) {
      return Optional.of(new Summary(Optional.empty()));
    }
    Matcher story = OF_A_STORY.matcher(text);
    if (!story.matches()) {
      return Optional.empty();
    }
    String named = story.group(1).strip();
    String bare;
    while (!(bare = FILLER.matcher(named).replaceAll("").strip()).equals(named)) {
      named = bare;
    }
    return named.isEmpty() || POINTS_BACK.matcher(named).matches()
        ? Optional.of(new Summary(Optional.empty()))
        : Optional.of(new Summary(Optional.of(named)));
  }
}
