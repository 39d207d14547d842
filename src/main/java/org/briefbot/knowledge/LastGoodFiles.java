package org.briefbot.knowledge;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The last good parse of each knowledge file, so that when a live reload meets a file an editor
 * broke, the previous version of that file keeps serving until it is fixed. Files that are gone
 * from the folder are forgotten, so a removed article never comes back.
 *
 * <p>Not thread-safe: one loader uses it at a time (reloads are serialized).
 */
public final class LastGoodFiles {
  private final Map<Path, Article> articles = new HashMap<>();
  private final Map<Path, List<FaqItem>> faq = new HashMap<>();
  private final Map<Path, List<EntityEntry>> entities = new HashMap<>();

  Optional<Article> article(Path file) {
    return Optional.ofNullable(articles.get(file));
  }

  void keepArticle(Path file, Article article) {
    articles.put(file, article);
  }

  Optional<List<FaqItem>> faq(Path file) {
    return Optional.ofNullable(faq.get(file));
  }

  void keepFaq(Path file, List<FaqItem> items) {
    faq.put(file, List.copyOf(items));
  }

  Optional<List<EntityEntry>> entities(Path file) {
    return Optional.ofNullable(entities.get(file));
  }

  void keepEntities(Path file, List<EntityEntry> items) {
    entities.put(file, List.copyOf(items));
  }

  /** Forgets every file not in {@code present}. */
  void retainOnly(Collection<Path> present) {
    Set<Path> keep = new HashSet<>(present);
    articles.keySet().retainAll(keep);
    faq.keySet().retainAll(keep);
    entities.keySet().retainAll(keep);
  }
}
