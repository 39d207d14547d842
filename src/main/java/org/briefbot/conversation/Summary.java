package org.briefbot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request for a story's summary: "tldr", "summarize the ECB story", "key points of the AWS deal",
 * or for the news on something: "anything about boeing?", "nvidia news". Readers ask for the gist
 * in words, not by {@code /more}; searched as a question, "summary" is in no passage and the
 * request was declined.
 *
 * @param story the words naming the story, the filler around them ("the", "story") left out; empty
 *     when the request names none and means the chat's story
 * @param latest the request asks for the latest ("what's the latest on boeing", "latest nvidia
 *     news"): of several stories it names, the newest, as a running story's readers want its last
 *     update
 */
record Summary(Optional<String> story, boolean latest) {
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

  /**
   * A request for the news on what the rest of the message names: "anything about boeing?", "any
   * news on the ECB", "what's the latest on nvidia", "what's going on with google". Searched as a
   * question, "anything about boeing?" found no passage that answers "anything" and was declined
   * though a Boeing story was loaded. Not "what happened to ...": that asks for a fact.
   */
  private static final Pattern NEWS_ON =
      Pattern.compile(
          "^"
              + POLITE
              + "(?:(?:is there |do you have |have you got |got |are there )?"
              + "(?:anything|something|any news|news|any stories|stories|an? (?:article|story)|any articles|articles)"
              + "(?: new)? (?:about|on|regarding|from|for)"
              + "|(?:what(?:'s|s| is) )?(?:the )?(?:latest|latest news|news|story) (?:on|about|with|from|for|regarding)"
              + "|(?:what(?:'s|s| is) )?(?:going on|happening|new) (?:with|at))"
              + "\\s+(.+?)"
              + END,
          Pattern.CASE_INSENSITIVE);

  /** "nvidia news", "latest boeing news": a name of a few words before "news". */
  private static final Pattern NAME_NEWS =
      Pattern.compile(
          "^(?:(?:the |any )?latest |any )?((?:[\\p{L}\\p{N}&.'-]+ ){1,3})news" + END,
          Pattern.CASE_INSENSITIVE);

  /** Words a name before "news" never is: "is this good news", "what is the bad news". */
  private static final Pattern NOT_A_NAME =
      Pattern.compile(
          "\\b(?:what|who|which|why|how|when|where|is|are|was|the|this|that|good|bad|big|fake|any)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Words around a story's name that name no story: "the", "story", "news on". */
  private static final Pattern FILLER =
      Pattern.compile(
          "^(?:the|this|that|your|today'?s)\\s+|\\s+(?:story|article|piece|news|report|item)$",
          Pattern.CASE_INSENSITIVE);

  /** The request asks for the latest on something, not for any story about it. */
  private static final Pattern LATEST =
      Pattern.compile("\\b(?:latest|newest|most recent)\\b", Pattern.CASE_INSENSITIVE);

  /** "latest" before a story's name: "summarize the latest boeing story". */
  private static final Pattern LATEST_FIRST =
      Pattern.compile("^(?:latest|newest|most recent)\\s+", Pattern.CASE_INSENSITIVE);

  /** A story named by pointing back at the chat's: "summary of it". */
  private static final Pattern POINTS_BACK =
      Pattern.compile("it|this|that|them|these", Pattern.CASE_INSENSITIVE);

  /** The summary {@code message} asks for, if it asks for one. */
  static Optional<Summary> of(String message) {
    String text = message.strip().replace('\u2019', '\'');
    if (OF_THE_CHAT.matcher(text).matches()) {
      return Optional.of(new Summary(Optional.empty(), false));
    }
    boolean latest = LATEST.matcher(text).find();
    return named(OF_A_STORY, text)
        .or(() -> named(NEWS_ON, text))
        .or(() -> named(NAME_NEWS, text).filter(n -> !NOT_A_NAME.matcher(n).find()))
        .map(named -> naming(named, latest));
  }

  private static Optional<String> named(Pattern request, String text) {
    Matcher story = request.matcher(text);
    return story.matches() ? Optional.of(story.group(1).strip()) : Optional.empty();
  }

  /** {@code named} without one layer of the words around a name: "the", "story", "latest". */
  private static String bare(String named) {
    return LATEST_FIRST.matcher(FILLER.matcher(named).replaceAll("").strip()).replaceAll("");
  }

  /** A summary of the story {@code named}, the words around its name left out. */
  private static Summary naming(String named, boolean latest) {
    for (String bare = bare(named); !bare.equals(named); bare = bare(named)) {
      named = bare;
    }
    return named.isEmpty() || POINTS_BACK.matcher(named).matches()
        ? new Summary(Optional.empty(), latest)
        : new Summary(Optional.of(named), latest);
  }
}
