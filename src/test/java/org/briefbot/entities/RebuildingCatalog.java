package org.briefbot.entities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.EntityEntry;
import org.briefbot.knowledge.EntityNote;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.Passage;

/**
 * The reference an incremental {@link EntityCatalog#update} must agree with: the update as it was
 * before it kept counts between updates, merging every note, walking every article's links and
 * counting every passage again. Test code only, kept as plain as the original.
 *
 * @param entities what {@link EntityCatalog#all()} gives, sorted by name
 * @param links per article id, what {@link EntityCatalog#links()} gives
 */
record RebuildingCatalog(List<Entity> entities, Map<String, ArticleLinks> links) {
  private static final int MAX_RELATED = 20;

  /** Every article linked, as {@link EntityCatalog#build} does. */
  static RebuildingCatalog build(Knowledge knowledge) {
    return new RebuildingCatalog(List.of(), Map.of()).update(knowledge, knowledge.articles());
  }

  /** This catalog after an update: {@code parsed} linked again, every other article as before. */
  RebuildingCatalog update(Knowledge knowledge, List<Article> parsed) {
    Map<String, Article> fresh = new HashMap<>();
    parsed.forEach(article -> fresh.put(article.id(), article));
    List<Article> articles =
        knowledge.articles().stream().map(a -> fresh.getOrDefault(a.id(), a)).toList();
    Drafts drafts = new Drafts();
    knowledge.entities().forEach(drafts::addCurated);
    articles.forEach(drafts::addNotes);
    return drafts.build(articles, fresh.keySet(), links);
  }

  private static final class Drafts {
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, String> canonicalByKey = new TreeMap<>();
    private final Map<String, Set<String>> notedIn = new HashMap<>();

    void addCurated(EntityEntry entry) {
      Draft draft = draftFor(entry.name());
      entry.aliases().forEach(alias -> alias(draft, alias));
      if (!entry.kind().isBlank()) {
        draft.kind = EntityKind.of(entry.kind()).label();
        draft.description = EntityKind.parse(entry.kind()).isPresent() ? "" : entry.kind().strip();
      }
      draft.summary = entry.summary().isBlank() ? draft.summary : entry.summary();
    }

    void addNotes(Article article) {
      for (EntityNote note : article.entityNotes()) {
        Draft draft = draftFor(note.name());
        NoteAliases.of(draft.name, note.summary()).forEach(a -> alias(draft, a));
        if (draft.kind.isBlank() && !note.kind().isBlank()) {
          draft.kind = EntityKind.of(note.kind()).label();
        }
        if (draft.description.isBlank() && EntityKind.parse(note.kind()).isEmpty()) {
          draft.description = note.kind();
        }
        if (draft.summary.isBlank()) {
          draft.summary = note.summary();
        }
        noted(draft, article);
      }
      for (String name : article.mentionedEntities()) {
        noted(draftFor(name), article);
      }
    }

    private void noted(Draft draft, Article article) {
      draft.articles.add(article.id());
      notedIn.computeIfAbsent(article.id(), k -> new TreeSet<>()).add(draft.name);
    }

    RebuildingCatalog build(
        List<Article> articles, Set<String> relink, Map<String, ArticleLinks> before) {
      Map<String, List<String>> names = new LinkedHashMap<>();
      drafts.values().forEach(d -> names.put(d.name, new ArrayList<>(d.names())));
      EntityLinker linker = new EntityLinker(names);
      List<Collection<String>> entitiesByPassage = new ArrayList<>();
      Map<String, ArticleLinks> links = new HashMap<>();
      Set<String> canonical = new HashSet<>();
      drafts.values().forEach(d -> canonical.add(d.name));
      for (Article article : articles) {
        ArticleLinks found =
            relink.contains(article.id()) || !before.containsKey(article.id())
                ? link(article, linker)
                : before.get(article.id());
        links.put(article.id(), found);
        Set<String> mentioned = new TreeSet<>(found.inTitle());
        for (List<String> inPassage : found.inPassages()) {
          mentioned.addAll(inPassage);
          entitiesByPassage.add(inPassage.stream().filter(canonical::contains).toList());
        }
        mentioned.addAll(notedIn.getOrDefault(article.id(), Set.of()));
        mentioned.stream()
            .map(name -> drafts.get(Names.key(name)))
            .filter(Objects::nonNull)
            .forEach(draft -> draft.articles.add(article.id()));
      }
      Map<String, Map<String, Integer>> together = coOccurrences(entitiesByPassage);
      Map<String, Entity> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Draft draft : drafts.values()) {
        byName.put(
            draft.name, draft.toEntity(related(together.getOrDefault(draft.name, Map.of()))));
      }
      return new RebuildingCatalog(List.copyOf(byName.values()), Map.copyOf(links));
    }

    private ArticleLinks link(Article article, EntityLinker linker) {
      List<String> inTitle =
          new TreeSet<>(linker.link(article.title() + "\n" + String.join("\n", article.hashtags())))
              .stream().toList();
      List<List<String>> inPassages = new ArrayList<>();
      for (Passage passage : article.passages()) {
        Set<String> inPassage = new TreeSet<>(linker.link(passage.text()));
        passage.entities().stream()
            .map(name -> Optional.ofNullable(canonicalByKey.get(Names.key(name))))
            .flatMap(Optional::stream)
            .forEach(inPassage::add);
        inPassages.add(List.copyOf(inPassage));
      }
      return new ArticleLinks(inTitle, inPassages);
    }

    private static Map<String, Map<String, Integer>> coOccurrences(
        Iterable<Collection<String>> entitiesByPassage) {
      Map<String, Map<String, Integer>> together = new HashMap<>();
      for (Collection<String> entities : entitiesByPassage) {
        for (String name : entities) {
          Map<String, Integer> counts = together.computeIfAbsent(name, k -> new HashMap<>());
          for (String other : entities) {
            if (!other.equals(name)) {
              counts.merge(other, 1, Integer::sum);
            }
          }
        }
      }
      return together;
    }

    private static List<String> related(Map<String, Integer> counts) {
      return counts.entrySet().stream()
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)))
          .limit(MAX_RELATED)
          .map(Map.Entry::getKey)
          .toList();
    }

    private Draft draftFor(String name) {
      String canonical = canonicalByKey.get(Names.key(name));
      if (canonical != null) {
        return drafts.get(Names.key(canonical));
      }
      Draft draft = new Draft(name.strip());
      drafts.put(Names.key(draft.name), draft);
      canonicalByKey.put(Names.key(draft.name), draft.name);
      return draft;
    }

    private void alias(Draft draft, String alias) {
      String key = Names.key(alias);
      if (key.isEmpty() || canonicalByKey.containsKey(key)) {
        return;
      }
      draft.aliases.add(alias.strip());
      canonicalByKey.put(key, draft.name);
    }
  }

  private static final class Draft {
    final String name;
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> articles = new TreeSet<>();
    String kind = "";
    String summary = "";
    String description = "";

    Draft(String name) {
      this.name = name;
    }

    List<String> names() {
      List<String> names = new ArrayList<>();
      names.add(name);
      names.addAll(aliases);
      return names;
    }

    Entity toEntity(List<String> related) {
      return new Entity(
          name, List.copyOf(aliases), kind, summary, List.copyOf(articles), related, description);
    }
  }
}
