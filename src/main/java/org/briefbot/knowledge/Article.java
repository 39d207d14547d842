package org.briefbot.knowledge;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One parsed article.
 *
 * @param id file name without extension, e.g. "aws-openai-trainium"
 * @param title first line of the file
 * @param hashtags tags without '#', e.g. "AI training"
 * @param themes from the Themes section
 * @param published when the article was published (file modification time unless it says)
 * @param source the file it came from
 * @param passages takeaways, background, analysis, FAQ answers and entity notes, in file order;
 *     empty in {@link Knowledge#indexed()}, once the index holds them
 * @param entityNotes the notes from "Related People &amp; Topics"
 * @param mentionedEntities names listed under "Mentioned Entities" or the intersection graph
 * @param link where readers can read the article, from its optional "Link:" line
 */
public record Article(
    String id,
    String title,
    List<String> hashtags,
    List<String> themes,
    Instant published,
    Path source,
    List<Passage> passages,
    List<EntityNote> entityNotes,
    List<String> mentionedEntities,
    Optional<URI> link) {

  public Article {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(source, "source");
    hashtags = List.copyOf(hashtags);
    themes = List.copyOf(themes);
    passages = List.copyOf(passages);
    entityNotes = List.copyOf(entityNotes);
    mentionedEntities = List.copyOf(mentionedEntities);
  }

  /** An article without a link. */
  public Article(
      String id,
      String title,
      List<String> hashtags,
      List<String> themes,
      Instant published,
      Path source,
      List<Passage> passages,
      List<EntityNote> entityNotes,
      List<String> mentionedEntities) {
    this(
        id,
        title,
        hashtags,
        themes,
        published,
        source,
        passages,
        entityNotes,
        mentionedEntities,
        Optional.empty());
  }

  /**
   * This article as kept once its passages are indexed: without them, each of its entity notes
   * replaced by the equal one {@code notes} holds already (and added there when new), so that a
   * note many articles repeat is held once.
   */
  public Article withoutPassages(Map<EntityNote, EntityNote> notes) {
    return new Article(
        id,
        title,
        hashtags,
        themes,
        published,
        source,
        List.of(),
        entityNotes.stream().map(n -> notes.computeIfAbsent(n, k -> k)).toList(),
        mentionedEntities,
        link);
  }
}
