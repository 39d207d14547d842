package org.briefbot.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.EntityEntry;
import org.briefbot.knowledge.EntityNote;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.Passage;

/**
 * Every entity briefbot knows: curated entries merged with the notes of all articles, so an entity
 * that several articles mention is one entity that knows them all and the entities seen beside it.
 * Immutable once built.
 */
public final class EntityCatalog {
  /** "Amazon Web Services, Inc. (AWS) is ..." names its acronym right after the name. */
  private static final Pattern ACRONYM =
      Pattern.compile("^[^()]{0,60}?\\(([A-Z][A-Za-z0-9.&-]{1,9})\\)");

  private final Map<String, Entity> byName;
  private final Map<String, String> canonicalByKey;

  /**
   * Each key's tokens with its canonical name, in key order: a lenient look-up compares the asked
   * words with every name, and tokenising every name for every question cost a 3,000-entity catalog
   * more than the rest of the answer.
   */
  private final List<KeyTokens> keyTokens;

  private final EntityLinker linker;

  private record KeyTokens(List<String> tokens, String canonical) {}

  private EntityCatalog(
      Map<String, Entity> byName, Map<String, String> canonicalByKey, EntityLinker linker) {
    this.byName = byName;
    this.canonicalByKey = canonicalByKey;
    this.keyTokens =
        canonicalByKey.entrySet().stream()
            .map(e -> new KeyTokens(Names.tokens(e.getKey()), e.getValue()))
            .toList();
    this.linker = linker;
  }

  /** Builds the catalog from curated entries first, then each article's notes and mentions. */
  public static EntityCatalog build(Knowledge knowledge) {
    Builder builder = new Builder();
    knowledge.entities().forEach(builder::addCurated);
    knowledge.articles().forEach(builder::addNotes);
    return builder.build(knowledge.articles());
  }

  /**
   * A catalog of entities that {@link #build} merged before, e.g. read back from disk: the same
   * lookups and links as the catalog they came from, without reading any article again.
   */
  public static EntityCatalog of(List<Entity> entities) {
    Map<String, Entity> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> canonicalByKey = new TreeMap<>();
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Entity entity : entities) {
      byName.put(entity.name(), entity);
      entity.names().forEach(n -> canonicalByKey.putIfAbsent(Names.key(n), entity.name()));
      names.put(entity.name(), entity.names());
    }
    return new EntityCatalog(byName, Map.copyOf(canonicalByKey), new EntityLinker(names));
  }

  /** All entities, sorted by name. */
  public List<Entity> all() {
    return List.copyOf(byName.values());
  }

  public int size() {
    return byName.size();
  }

  /** The entity with this name or alias, spelt right up to case and punctuation. */
  public Optional<Entity> find(String nameOrAlias) {
    return Optional.ofNullable(canonicalByKey.get(Names.key(nameOrAlias))).map(byName::get);
  }

  /** Like {@link #find}, but also accepts one typo per long word ("anapurna labs"). */
  public Optional<Entity> findLenient(String nameOrAlias) {
    Optional<Entity> exact = find(nameOrAlias);
    if (exact.isPresent()) {
      return exact;
    }
    List<String> tokens = Names.tokens(nameOrAlias);
    return keyTokens.stream()
        .filter(k -> sameTokens(tokens, k.tokens()))
        .map(k -> byName.get(k.canonical()))
        .findFirst();
  }

  /** Entities mentioned in an article's or passage's text. */
  public List<Entity> mentionedIn(String text) {
    return linker.link(text).stream().map(byName::get).toList();
  }

  /** Entities a question names, allowing a typo in long words. */
  public List<Entity> mentionedInQuestion(String question) {
    return linker.linkQuestion(question).stream().map(byName::get).toList();
  }

  /** Each entity's names, for the search index to treat as synonyms. */
  public List<List<String>> synonymGroups() {
    return byName.values().stream().map(Entity::names).filter(n -> n.size() > 1).toList();
  }

  private static boolean sameTokens(List<String> words, List<String> name) {
    if (words.size() != name.size() || words.isEmpty()) {
      return false;
    }
    for (int i = 0; i < words.size(); i++) {
      if (!EntityLinker.same(words.get(i), name.get(i), true)) {
        return false;
      }
    }
    return true;
  }

  /** Collects entities while knowledge is read; merges by any shared name or alias. */
  private static final class Builder {
    /** Related entities kept per entity. */
    static final int MAX_RELATED = 20;

    private final Map<String, Draft> drafts = new LinkedHashMap<>();
    private final Map<String, String> canonicalByKey = new TreeMap<>();

    /** Per article, the entities whose notes or mention lists name it. */
    private final Map<String, Set<String>> notedIn = new HashMap<>();

    void addCurated(EntityEntry entry) {
      Draft draft = draftFor(entry.name());
      entry.aliases().forEach(alias -> alias(draft, alias));
      draft.kind = entry.kind().isBlank() ? draft.kind : entry.kind();
      draft.summary = entry.summary().isBlank() ? draft.summary : entry.summary();
    }

    void addNotes(Article article) {
      for (EntityNote note : article.entityNotes()) {
        Draft draft = draftFor(note.name());
        acronym(note).ifPresent(a -> alias(draft, a));
        if (draft.kind.isBlank()) {
          draft.kind = note.kind();
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

    EntityCatalog build(List<Article> articles) {
      Map<String, List<String>> names = new LinkedHashMap<>();
      drafts.values().forEach(d -> names.put(d.name, new ArrayList<>(d.names())));
      EntityLinker linker = new EntityLinker(names);
      Map<String, Set<String>> entitiesByArticle = new TreeMap<>();
      for (Article article : articles) {
        Set<String> mentioned = new TreeSet<>();
        linker.link(fullText(article)).forEach(mentioned::add);
        mentioned.addAll(notedIn.getOrDefault(article.id(), Set.of()));
        mentioned.forEach(name -> drafts.get(Names.key(name)).articles.add(article.id()));
        entitiesByArticle.put(article.id(), mentioned);
      }
      Map<String, Map<String, Integer>> together = coOccurrences(entitiesByArticle.values());
      Map<String, Entity> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Draft draft : drafts.values()) {
        byName.put(
            draft.name, draft.toEntity(related(together.getOrDefault(draft.name, Map.of()))));
      }
      return new EntityCatalog(byName, Map.copyOf(canonicalByKey), linker);
    }

    private static String fullText(Article article) {
      StringBuilder text = new StringBuilder(article.title()).append('\n');
      article.hashtags().forEach(t -> text.append(t).append('\n'));
      for (Passage passage : article.passages()) {
        text.append(passage.text()).append('\n');
      }
      return text.toString();
    }

    /**
     * For each entity, how many articles it shares with each other entity: one pass over the
     * articles, so the cost grows with the archive, not with archive times catalog.
     */
    private static Map<String, Map<String, Integer>> coOccurrences(
        Iterable<Set<String>> entitiesByArticle) {
      Map<String, Map<String, Integer>> together = new HashMap<>();
      for (Set<String> entities : entitiesByArticle) {
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

    /**
     * The entities seen in the same articles, most shared articles first, then by name; at most
     * {@value #MAX_RELATED}, as in a large archive nearly every entity meets every other once.
     */
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

    private static Optional<String> acronym(EntityNote note) {
      if (note.summary().indexOf('(') < 0) {
        return Optional.empty(); // the pattern needs "(ABC)"; most notes have no bracket at all
      }
      Matcher m = ACRONYM.matcher(note.summary());
      if (!m.find()) {
        return Optional.empty();
      }
      String acronym = m.group(1);
      return acronym.equalsIgnoreCase(initials(note.name()))
          ? Optional.of(acronym)
          : Optional.empty();
    }
  }

  /**
   * "Amazon Web Services" gives "AWS": an acronym must stand for the name, not for a word of the
   * note.
   */
  private static String initials(String name) {
    StringBuilder initials = new StringBuilder();
    for (String token : Names.tokens(name)) {
      initials.append(token.charAt(0));
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }

  private static final class Draft {
    final String name;
    final Set<String> aliases = new LinkedHashSet<>();
    final Set<String> articles = new TreeSet<>();
    String kind = "";
    String summary = "";

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
      return new Entity(name, List.copyOf(aliases), kind, summary, List.copyOf(articles), related);
    }
  }
}
