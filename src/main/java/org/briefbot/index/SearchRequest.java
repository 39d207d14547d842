package org.briefbot.index;

import java.util.Objects;
import java.util.Optional;
import org.briefbot.knowledge.Section;

/**
 * One search.
 *
 * @param text the question, already stripped of routing phrases such as "why does it matter"
 * @param preferSection a section the question asks for, boosted
 * @param preferArticle an article the conversation is about, boosted
 * @param topK how many hits to return
 */
public record SearchRequest(
    String text, Optional<Section> preferSection, Optional<String> preferArticle, int topK) {
  public SearchRequest {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(preferSection, "preferSection");
    Objects.requireNonNull(preferArticle, "preferArticle");
    if (topK < 1) {
      throw new IllegalArgumentException("topK < 1: " + topK);
    }
  }

  public static SearchRequest of(String text, int topK) {
    return new SearchRequest(text, Optional.empty(), Optional.empty(), topK);
  }
}
