package org.briefbot.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.EntityEntry;
import org.briefbot.knowledge.EntityNote;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.Passage;

/**
 * Every entity briefbot knows: curated entries merged with the notes of all articles, so an entity
 * that several articles mention is one entity that knows them all and the entities seen beside it.
 * Its entities and look-ups are immutable once built; what {@link #update} counted goes on to the
 * catalog the update makes.
 */
public final class EntityCatalog {
  /** A misspelt name is suggested when it is at least this similar (Jaro-Winkler) to one known. */
  private static final double SUGGEST_SIMILARITY = 0.85;

  private static final String THE = "the ";

  private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

  private final Map<String, Entity> byName;
  private final Map<String, String> canonicalByKey;

  /**
   * Each key's tokens with its canonical name, in key order: a lenient look-up compares the asked
   * words with every name, and tokenising every name for every question cost a 3,000-entity catalog
   * more than the rest of the answer.
   */
  private final List<KeyTokens> keyTokens;

  private final EntityLinker linker;

  /** Per article id, what linking found in it; empty for a catalog read back without them. */
  private final Map<String, ArticleLinks> links;

  /**
   * The aliases each note gave its entity, kept for {@link #update}: reading them out of every
   * article's notes again was most of the time an update took.
   */
  private final Map<NoteKey, List<String>> noteAliases;

  /** The keys of names seen, for {@link #update}. */
  private final Map<String, String> keys;

  /**
   * What the links count, for {@link #update} to adjust by the changed articles alone; empty for a
   * catalog read back (its first update counts the links again) and once an update took it.
   */
  private final AtomicReference<Mentions> mentions;

  /** An entity's canonical name and the summary of one note on it. */
  private record NoteKey(String name, String summary) {}

  private record KeyTokens(List<String> tokens, String canonical) {}

  private EntityCatalog(
      Map<String, Entity> byName,
      Map<String, String> canonicalByKey,
      EntityLinker linker,
      Map<String, ArticleLinks> links,
      Map<NoteKey, List<String>> noteAliases,
      Map<String, String> keys,
      Mentions mentions) {
    this.byName = byName;
    this.mentions = new AtomicReference<>(mentions);
    this.links = links;
    this.noteAliases = noteAliases;
    this.keys = keys;
    this.canonicalByKey = canonicalByKey;
    this.keyTokens =
        canonicalByKey.entrySet().stream()
            .map(e -> new KeyTokens(Names.tokens(e.getKey()), e.getValue()))
            .toList();
    this.linker = linker;
  }

  /** Builds the catalog from curated entries first, then each article's notes and mentions. */
  public static EntityCatalog build(Knowledge knowledge) {
    return build(knowledge, Article::passages);
  }

  /**
   * As {@link #build(Knowledge)}, for articles whose passages are elsewhere (an index they were
   * written to and dropped from the heap): {@code passages} gives each article's, asked for once
   * per article in the order of {@link Knowledge#articles()}.
   */
  public static EntityCatalog build(
      Knowledge knowledge, Function<Article, List<Passage>> passages) {
    Builder builder = new Builder(new HashMap<>(), new HashMap<>());
    builder.passages = passages;
    knowledge.entities().forEach(builder::addCurated);
    knowledge.articles().forEach(builder::addNotes);
    return builder.build(knowledge.articles(), Set.of(), Map.of(), new Mentions(), Map.of());
  }

  /**
   * This catalog after {@code parsed} articles were added or changed and others removed: {@code
   * knowledge} is all of it now (its articles may be without passages), {@code parsed} the articles
   * read again, with their passages. Only those are linked; every other article keeps the links
   * found in it before, so a name that is new to the catalog is found in the changed articles and
   * not in older ones until they are linked again (a full {@link #build} does that).
   *
   * <p>What this catalog counted over the links goes to the new catalog, adjusted by the parsed and
   * removed articles alone; a second update of this catalog counts its links again.
   */
  public EntityCatalog update(Knowledge knowledge, List<Article> parsed) {
    Map<String, Article> fresh = new HashMap<>();
    parsed.forEach(article -> fresh.put(article.id(), article));
    List<Article> articles =
        knowledge.articles().stream().map(a -> fresh.getOrDefault(a.id(), a)).toList();
    Builder builder = new Builder(new HashMap<>(noteAliases), new HashMap<>(keys));
    knowledge.entities().forEach(builder::addCurated);
    articles.forEach(builder::addNotes);
    Mentions counted = mentions.getAndSet(null);
    if (counted == null) {
      // Nothing counted to adjust: counting every article's links again makes no related list
      // worth keeping either.
      return builder.build(
          articles, fresh.keySet(), links, Mentions.of(links, builder::key), Map.of());
    }
    return builder.build(articles, fresh.keySet(), links, counted, byName);
  }

  /**
   * This catalog without the links {@link #update} needs: for a catalog that is never updated,
   * whose links would cost heap (a list per passage) for nothing.
   */
  public EntityCatalog withoutLinks() {
    return new EntityCatalog(byName, canonicalByKey, linker, Map.of(), Map.of(), Map.of(), null);
  }

  /** Per article id, what linking found in it, for {@link #of(List, Map)} to take back. */
  public Map<String, ArticleLinks> links() {
    return links;
  }

  /**
   * A catalog of entities that {@link #build} merged before, e.g. read back from disk: the same
   * lookups and links as the catalog they came from, without reading any article again.
   */
  public static EntityCatalog of(List<Entity> entities) {
    return of(entities, Map.of());
  }

  /**
   * As {@link #of(List)}, with the links {@link #links()} gave, so that {@link #update} can take in
   * a changed article later.
   */
  public static EntityCatalog of(List<Entity> entities, Map<String, ArticleLinks> links) {
    Map<String, Entity> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    Map<String, String> canonicalByKey = new TreeMap<>();
    Map<String, List<String>> names = new LinkedHashMap<>();
    for (Entity entity : entities) {
      byName.put(entity.name(), entity);
      entity.names().forEach(n -> canonicalByKey.putIfAbsent(Names.key(n), entity.name()));
      names.put(entity.name(), entity.names());
    }
    return new EntityCatalog(
        byName,
        Map.copyOf(canonicalByKey),
        new EntityLinker(names),
        Map.copyOf(links),
        Map.of(),
        Map.of(),
        null);
  }

  /** All entities, sorted by name. */
  public List<Entity> all() {
    return List.copyOf(byName.values());
  }

  public int size() {
    return byName.size();
  }

  /**
   * The entity with this name or alias, spelt right up to case, punctuation and a leading "the".
   */
  public Optional<Entity> find(String nameOrAlias) {
    String key = Names.key(nameOrAlias);
    String canonical = canonicalByKey.get(key);
    if (canonical == null && key.startsWith(THE)) {
      // "the Fed": readers put the article in front of a name that the notes give without it.
      canonical = canonicalByKey.get(key.substring(THE.length()));
    }
    return Optional.ofNullable(canonical).map(byName::get);
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

  /**
   * The person a single word names as their surname ("Lagarde", "huang"), when exactly one person's
   * name ends with it and no other entity's name or alias has it: articles name people by surname
   * after the first mention, and readers ask for them that way.
   */
  public Optional<Entity> findBySurname(String asked) {
    List<String> words = Names.tokens(asked);
    if (words.size() != 1 || words.get(0).length() < 3) {
      return Optional.empty();
    }
    String word = words.get(0);
    Set<String> owners =
        keyTokens.stream()
            .filter(k -> k.tokens().contains(word))
            .map(KeyTokens::canonical)
            .collect(Collectors.toSet());
    if (owners.size() != 1) {
      return Optional.empty();
    }
    Entity entity = byName.get(owners.iterator().next());
    List<String> name = Names.tokens(entity.name());
    boolean surname = name.size() > 1 && name.get(name.size() - 1).equals(word);
    return surname && EntityKind.PERSON.label().equals(entity.kind())
        ? Optional.of(entity)
        : Optional.empty();
  }

  /**
   * Entities whose name or alias is close to {@code asked} ("nvdia", "reserve", "lagard"): spelt
   * alike, or sharing a whole word of three letters or more, or a long word with one typo; the
   * closest first, then by name.
   */
  public List<Entity> similar(String asked, int limit) {
    String key = Names.key(asked);
    if (key.isEmpty()) {
      return List.of();
    }
    List<String> words = Names.tokens(asked);
    Map<String, Double> best = new HashMap<>();
    for (KeyTokens k : keyTokens) {
      double score = similarity(key, words, k);
      if (score >= SUGGEST_SIMILARITY) {
        best.merge(k.canonical(), score, Math::max);
      }
    }
    return best.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)))
        .limit(limit)
        .map(e -> byName.get(e.getKey()))
        .toList();
  }

  /** Spelling similarity of the keys; a shared long word counts as close. */
  private static double similarity(String key, List<String> words, KeyTokens name) {
    String nameKey = String.join(" ", name.tokens());
    double spelling = SIMILARITY.apply(key, nameKey);
    return sharesWord(words, name.tokens()) ? Math.max(spelling, SUGGEST_SIMILARITY) : spelling;
  }

  /**
   * Whether a word of three letters or more is a word of the name, or a long one is one typo from
   * one.
   */
  private static boolean sharesWord(List<String> words, List<String> tokens) {
    for (String w : words) {
      if (w.length() < 3) {
        continue;
      }
      for (String t : tokens) {
        if (EntityLinker.same(w, t, true)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Entities mentioned in an article's or passage's text. */
  public List<Entity> mentionedIn(String text) {
    return linker.link(text).stream().map(byName::get).toList();
  }

  /**
   * Entities a question names, allowing a typo in a long word that {@code known} does not accept
   * (the knowledge's own words are spelt right: "what" is no "wheat" misspelt).
   */
  public List<Entity> mentionedInQuestion(String question, Predicate<String> known) {
    return linker.linkQuestion(question, known).stream().map(byName::get).toList();
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
    private final Map<NoteKey, List<String>> noteAliases;

    /**
     * Names' keys, kept with the aliases for the next update: every article names its entities
     * again, and normalising the same names was most of an update's catalog time.
     */
    private final Map<String, String> keys;

    /** Where an article's passages are read from, to link them. */
    private Function<Article, List<Passage>> passages = Article::passages;

    Builder(Map<NoteKey, List<String>> noteAliases, Map<String, String> keys) {
      this.noteAliases = noteAliases;
      this.keys = keys;
    }

    String key(String name) {
      return keys.computeIfAbsent(name, Names::key);
    }

    /**
     * Hashed while every note is merged, which looks up each name and alias; sorted once at the
     * end, so the catalog's look-ups hold the keys in the order a sorted map gave them.
     */
    private final Map<String, String> canonicalByKey = new HashMap<>();

    void addCurated(EntityEntry entry) {
      Draft draft = draftFor(entry.name());
      entry.aliases().forEach(alias -> alias(draft, alias));
      if (!entry.kind().isBlank()) {
        draft.kind = EntityKind.of(entry.kind()).label();
        // An editor's own words ("chip designer") say more than the kind read from them.
        draft.description = EntityKind.parse(entry.kind()).isPresent() ? "" : entry.kind().strip();
      }
      draft.summary = entry.summary().isBlank() ? draft.summary : entry.summary();
    }

    void addNotes(Article article) {
      for (EntityNote note : article.entityNotes()) {
        Draft draft = draftFor(note.name());
        noteAliases
            .computeIfAbsent(
                new NoteKey(draft.name, note.summary()), k -> NoteAliases.of(k.name(), k.summary()))
            .forEach(a -> alias(draft, a));
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
      if (draft.articles.isEmpty()
          || !draft.articles.get(draft.articles.size() - 1).equals(article.id())) {
        draft.articles.add(article.id());
      }
    }

    /**
     * The catalog. Articles in {@code before} keep their links unless {@code relink} names them;
     * the others are linked now. {@code counted} holds the counts of {@code before} and is adjusted
     * to the new links; {@code earlier} is the catalog those counts were made for, whose related
     * lists still hold for entities no changed count touches (empty: none is kept).
     */
    EntityCatalog build(
        List<Article> articles,
        Set<String> relink,
        Map<String, ArticleLinks> before,
        Mentions counted,
        Map<String, Entity> earlier) {
      Map<String, List<String>> names = new LinkedHashMap<>();
      drafts.values().forEach(d -> names.put(d.name, new ArrayList<>(d.names())));
      EntityLinker linker = new EntityLinker(names);
      Set<String> touched = new HashSet<>();
      Map<String, ArticleLinks> links =
          linkChanged(articles, relink, before, linker, counted, touched);
      Set<String> canonical = new HashSet<>();
      drafts.values().forEach(d -> canonical.add(d.name));
      Set<String> stale = staleRelated(canonical, earlier, counted, touched);
      Map<String, Entity> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Draft draft : drafts.values()) {
        Entity was = earlier.get(draft.name);
        List<String> related =
            was != null && was.name().equals(draft.name) && !stale.contains(draft.name)
                ? was.related()
                : related(counted.together(draft.name), canonical);
        byName.put(
            draft.name,
            draft.toEntity(
                union(draft.sortedArticles(), counted.articles(key(draft.name))), related));
      }
      return new EntityCatalog(
          byName,
          Map.copyOf(new TreeMap<>(canonicalByKey)),
          linker,
          links,
          noteAliases,
          keys,
          counted);
    }

    /**
     * Every article's links: those kept from {@code before}, the others found now; the counts lose
     * what the replaced and removed links counted and gain what the new ones count.
     */
    private Map<String, ArticleLinks> linkChanged(
        List<Article> articles,
        Set<String> relink,
        Map<String, ArticleLinks> before,
        EntityLinker linker,
        Mentions counted,
        Set<String> touched) {
      Map<String, ArticleLinks> links = new HashMap<>();
      for (Article article : articles) {
        ArticleLinks kept = before.get(article.id());
        if (kept != null && !relink.contains(article.id())) {
          links.put(article.id(), kept);
          continue;
        }
        ArticleLinks found = link(article, linker);
        if (kept != null) {
          counted.remove(article.id(), kept, this::key, touched);
        }
        counted.add(article.id(), found, this::key, touched);
        links.put(article.id(), found);
      }
      before.forEach(
          (id, kept) -> {
            if (!links.containsKey(id)) {
              counted.remove(id, kept, this::key, touched);
            }
          });
      return links;
    }

    /**
     * The entities whose related list may differ from the one {@code earlier} has: those whose
     * counts changed, the names that became or stopped being an entity's, and every entity counted
     * with one of those. All of them when there is nothing earlier.
     */
    private static Set<String> staleRelated(
        Set<String> canonical, Map<String, Entity> earlier, Mentions counted, Set<String> touched) {
      if (earlier.isEmpty()) {
        return canonical;
      }
      Set<String> changed = new HashSet<>();
      for (String name : canonical) {
        Entity was = earlier.get(name);
        if (was == null || !was.name().equals(name)) {
          changed.add(name);
        }
      }
      earlier.values().stream()
          .map(Entity::name)
          .filter(n -> !canonical.contains(n))
          .forEach(changed::add);
      Set<String> stale = new HashSet<>(touched);
      for (String name : changed) {
        stale.add(name);
        stale.addAll(counted.together(name).keySet());
      }
      return stale;
    }

    /** Two sorted lists, each without repeats, as one sorted list, in one pass. */
    private static List<String> union(List<String> a, List<String> b) {
      if (b.isEmpty()) {
        return List.copyOf(a);
      }
      List<String> merged = new ArrayList<>(a.size() + b.size());
      Iterator<String> left = a.iterator();
      Iterator<String> right = b.iterator();
      String l = left.hasNext() ? left.next() : null;
      String r = right.hasNext() ? right.next() : null;
      while (l != null || r != null) {
        int order = l == null ? 1 : r == null ? -1 : l.compareTo(r);
        merged.add(order <= 0 ? l : r);
        if (order <= 0) {
          l = left.hasNext() ? left.next() : null;
        }
        if (order >= 0) {
          r = right.hasNext() ? right.next() : null;
        }
      }
      return merged;
    }

    private ArticleLinks link(Article article, EntityLinker linker) {
      List<String> inTitle =
          new TreeSet<>(linker.link(article.title() + "\n" + String.join("\n", article.hashtags())))
              .stream().toList();
      List<List<String>> inPassages = new ArrayList<>();
      for (Passage passage : passages.apply(article)) {
        Set<String> inPassage = new TreeSet<>(linker.link(passage.text()));
        passage.entities().stream()
            .map(this::canonical)
            .flatMap(Optional::stream)
            .forEach(inPassage::add);
        inPassages.add(List.copyOf(inPassage));
      }
      return new ArticleLinks(inTitle, inPassages);
    }

    private Optional<String> canonical(String name) {
      return Optional.ofNullable(canonicalByKey.get(key(name)));
    }

    /**
     * The entities seen in the same passages, most shared passages first, then by name; at most
     * {@value #MAX_RELATED}, as in a large archive nearly every entity meets every other once.
     * Sharing an article says little (a long article names every entity it has once); sharing a
     * passage says they are spoken of together. Names that are no entity's any more are left out.
     */
    private static List<String> related(Map<String, Integer> counts, Set<String> canonical) {
      return counts.entrySet().stream()
          .filter(e -> canonical.contains(e.getKey()))
          .sorted(
              Map.Entry.<String, Integer>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)))
          .limit(MAX_RELATED)
          .map(Map.Entry::getKey)
          .toList();
    }

    private Draft draftFor(String name) {
      String canonical = canonicalByKey.get(key(name));
      if (canonical != null) {
        return drafts.get(key(canonical));
      }
      Draft draft = new Draft(name.strip());
      drafts.put(key(draft.name), draft);
      canonicalByKey.put(key(draft.name), draft.name);
      return draft;
    }

    private void alias(Draft draft, String alias) {
      String key = key(alias);
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

    /**
     * The articles whose notes name it, in the order they were merged, which is mostly sorted: a
     * list appended to, sorted once, costs less than a sorted set kept for every note.
     */
    final List<String> articles = new ArrayList<>();

    String kind = "";
    String summary = "";
    String description = "";

    Draft(String name) {
      this.name = name;
    }

    /** The articles whose notes name it, sorted, each once. */
    List<String> sortedArticles() {
      return articles.stream().sorted().distinct().toList();
    }

    List<String> names() {
      List<String> names = new ArrayList<>();
      names.add(name);
      names.addAll(aliases);
      return names;
    }

    /** The entity, with the articles linking found it in besides those noting it. */
    Entity toEntity(List<String> allArticles, List<String> related) {
      return new Entity(
          name, List.copyOf(aliases), kind, summary, allArticles, related, description);
    }
  }
}
