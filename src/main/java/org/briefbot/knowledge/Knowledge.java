package org.briefbot.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything loaded from the knowledge folder, and what could not be loaded.
 *
 * @param articles parsed articles, sorted by id
 * @param faqItems curated FAQ items by file name, then in file order (ids are {@code
 *     file#position})
 * @param entities curated entity entries, in file order
 * @param report files read and problems found
 */
public record Knowledge(
    List<Article> articles,
    List<FaqItem> faqItems,
    List<EntityEntry> entities,
    IngestReport report) {
  public Knowledge {
    articles = List.copyOf(articles);
    faqItems = List.copyOf(faqItems);
    entities = List.copyOf(entities);
  }

  /**
   * This knowledge as kept once its passages are indexed: articles without their passages (the
   * index holds the text, off the heap), and each distinct entity note held once, however many
   * articles repeat it. What a large archive costs in memory after loading.
   */
  public Knowledge indexed() {
    Map<EntityNote, EntityNote> notes = new HashMap<>();
    List<Article> light = articles.stream().map(a -> a.withoutPassages(notes)).toList();
    return new Knowledge(light, faqItems, entities, report);
  }

  /** The article with this id, if loaded. */
  public Optional<Article> article(String id) {
    return articles.stream().filter(article -> article.id().equals(id)).findFirst();
  }

  /**
   * Everything to index, in a stable order: each article's passages (articles by id, passages in
   * file order), then the curated FAQ items, titled after their article when it is loaded.
   */
  public List<Passage> passages() {
    Map<String, String> titles =
        articles.stream().collect(Collectors.toMap(Article::id, Article::title, (a, b) -> a));
    Stream<Passage> fromArticles =
        articles.stream().flatMap(article -> article.passages().stream());
    Stream<Passage> curated =
        faqItems.stream()
            .map(
                item ->
                    item.toPassage(
                        item.article().map(titles::get).orElse(FaqItem.NO_ARTICLE_TITLE)));
    return Stream.concat(fromArticles, curated).toList();
  }
}
