package org.briefbot.store;

import java.util.List;

/**
 * A passage readers voted down, with its votes summed over every question it answered: the passage
 * is what an editor fixes, whichever question showed it.
 *
 * @param passageId the passage ("entity:NAME" for an entity card)
 * @param articleId its article
 * @param downVotes thumbs down
 * @param upVotes thumbs up
 * @param questions questions it was voted down on, at most three, alphabetically
 */
public record DownvotedAnswer(
    String passageId, String articleId, long downVotes, long upVotes, List<String> questions) {
  public DownvotedAnswer {
    questions = List.copyOf(questions);
  }
}
