package org.briefbot.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.briefbot.TestKnowledge;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.synthetic.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An update adjusts what the catalog counted by the changed articles alone; after any sequence of
 * new, changed and removed articles it must give what counting everything again gives ({@link
 * RebuildingCatalog}), entity by entity and link by link.
 */
class EntityCatalogUpdateTest {
  private static final int STEPS = 45;

  private final KnowledgeLoader loader = new KnowledgeLoader();
  private final Random random = new Random(13);

  private Path articlesDir;
  private final List<Path> waiting = new ArrayList<>();

  /** The archive as the bot keeps it between updates: articles without their passages. */
  private Knowledge kept;

  @Test
  void agreesWithCountingEverythingAgainAfterEachNewChangedAndRemovedArticle(@TempDir Path dir)
      throws IOException {
    archive(dir);
    Knowledge loaded = loader.load(dir);
    EntityCatalog catalog = EntityCatalog.build(loaded);
    RebuildingCatalog reference = RebuildingCatalog.build(loaded);
    assertSame(catalog, reference, "built");
    kept = loaded.indexed();
    Set<List<String>> relatedSeen = new HashSet<>();
    for (int step = 0; step < STEPS; step++) {
      List<Article> fresh = new ArrayList<>();
      String what = change(step, fresh);
      Knowledge now = knowledgeWith(fresh);
      EntityCatalog readBack = EntityCatalog.of(catalog.all(), catalog.links());
      if (step % 5 == 4) {
        // As when the commit after an update fails: the same catalog is updated again later.
        catalog.update(now, fresh);
      }
      catalog = catalog.update(now, fresh);
      reference = reference.update(now, fresh);
      assertSame(catalog, reference, "step " + step + ", " + what);
      assertSame(readBack.update(now, fresh), reference, "read back, step " + step + ", " + what);
      catalog.all().forEach(e -> relatedSeen.add(e.related()));
      kept = now.indexed();
    }
    assertThat(relatedSeen).as("the steps change related lists").hasSizeGreaterThan(100);
  }

  @Test
  void anEntityThatGoesLeavesTheRelatedListsOfTheEntitiesItWasCountedWith(@TempDir Path dir)
      throws IOException {
    Met met = twoNewEntitiesMetInOneArticle(dir);
    assertThat(catalog.find("Quarnix Dynamics").orElseThrow().related()).contains("Zorblax Works");

    String zorblaxText = Files.readString(met.noted());
    Files.delete(met.noted());
    apply(List.of());
    assertThat(catalog.find("Zorblax Works"))
        .as("no note names it, though the links of the other article still do")
        .isEmpty();
    assertThat(catalog.find("Quarnix Dynamics").orElseThrow().related())
        .doesNotContain("Zorblax Works");

    Files.writeString(met.noted(), zorblaxText);
    apply(List.of(parse(met.noted())));
    assertThat(catalog.find("Quarnix Dynamics").orElseThrow().related()).contains("Zorblax Works");
  }

  @Test
  void aNameThatChangesOnlyInCaseAgreesWithCountingEverythingAgain(@TempDir Path dir)
      throws IOException {
    Met met = twoNewEntitiesMetInOneArticle(dir);

    // Names are keyed without case: the entity keeps its key while its spelling changes, first in
    // the article whose note names it, then in the article that only mentions it.
    for (Path file : List.of(met.noted(), met.together())) {
      Files.writeString(file, Files.readString(file).replace("Zorblax Works", "ZORBLAX WORKS"));
      apply(List.of(parse(file)));
    }

    assertThat(catalog.find("zorblax works")).isPresent();
    assertThat(catalog.find("Quarnix Dynamics").orElseThrow().related())
        .anyMatch(name -> name.equalsIgnoreCase("Zorblax Works"));
  }

  /** The article whose note names Zorblax Works, and the one naming it beside Quarnix Dynamics. */
  private record Met(Path noted, Path together) {}

  /**
   * Both catalogs over the archive, then two new entities (two waiting articles' first notes
   * renamed) and an article that names them together, each step applied and compared.
   */
  private Met twoNewEntitiesMetInOneArticle(Path dir) throws IOException {
    archive(dir);
    Knowledge loaded = loader.load(dir);
    catalog = EntityCatalog.build(loaded);
    reference = RebuildingCatalog.build(loaded);
    kept = loaded.indexed();
    Path zorblax = renamedFirstNote(waiting.get(0), "Zorblax Works");
    Path quarnix = renamedFirstNote(waiting.get(1), "Quarnix Dynamics");
    apply(List.of(parse(zorblax), parse(quarnix)));
    Path other = articleFiles().get(0);
    Files.writeString(
        other,
        Files.readString(other)
            .replace(
                "What Happens Next\n",
                "What Happens Next\nZorblax Works and Quarnix Dynamics met again this week.\n"));
    apply(List.of(parse(other)));
    return new Met(zorblax, other);
  }

  private EntityCatalog catalog;
  private RebuildingCatalog reference;

  /** One update of both catalogs, compared. */
  private void apply(List<Article> fresh) throws IOException {
    Knowledge now = knowledgeWith(fresh);
    catalog = catalog.update(now, fresh);
    reference = reference.update(now, fresh);
    assertSame(catalog, reference, "after " + fresh.stream().map(Article::id).toList());
    kept = now.indexed();
  }

  /** A copy of the article in the folder, its first note's entity renamed wherever it is named. */
  private Path renamedFirstNote(Path article, String name) throws IOException {
    String noted = parse(article).entityNotes().get(0).name();
    Path file = articlesDir.resolve(article.getFileName());
    Files.writeString(file, Files.readString(article).replace(noted, name));
    return file;
  }

  private static void assertSame(EntityCatalog catalog, RebuildingCatalog reference, String when) {
    assertThat(catalog.all()).as(when).hasSameSizeAs(reference.entities());
    for (int i = 0; i < reference.entities().size(); i++) {
      Entity expected = reference.entities().get(i);
      Entity actual = catalog.all().get(i);
      assertThat(actual).as(when + ": " + expected.name()).isEqualTo(expected);
    }
    assertThat(catalog.links()).as(when).isEqualTo(reference.links());
  }

  /**
   * The shipped knowledge (curated entries, aliases) and a generated archive whose few entities
   * most articles share; a third of the generated articles wait to be added.
   */
  private void archive(Path dir) throws IOException {
    TestKnowledge.copyShippedWithEcb(dir);
    articlesDir = dir.resolve("articles");
    Path pool = dir.resolveSibling(dir.getFileName() + "-pool");
    new ArchiveGenerator(5, 40).generate(60, pool);
    try (Stream<Path> files = Files.list(pool.resolve("articles"))) {
      List<Path> generated = files.sorted().toList();
      for (int i = 0; i < generated.size(); i++) {
        if (i % 3 == 2) {
          waiting.add(generated.get(i));
        } else {
          Files.copy(generated.get(i), articlesDir.resolve(generated.get(i).getFileName()));
        }
      }
    }
  }

  /** Adds, changes or removes an article file; the articles read again go to {@code fresh}. */
  private String change(int step, List<Article> fresh) throws IOException {
    List<Path> files = articleFiles();
    Path file = files.get(random.nextInt(files.size()));
    switch (step % 3) {
      case 0 -> {
        Path added = waiting.isEmpty() ? file : waiting.remove(0);
        file = Files.copy(added, articlesDir.resolve(added.getFileName()));
        fresh.add(parse(file));
        return "new " + file.getFileName();
      }
      case 1 -> {
        Files.writeString(file, edit(Files.readString(file), step));
        fresh.add(parse(file));
        return "changed " + file.getFileName();
      }
      default -> {
        Files.delete(file);
        return "removed " + file.getFileName();
      }
    }
  }

  /**
   * An editor's change that moves counts: a name replaced by another entity's or a new one, an
   * acronym given to a name (an alias that may take a name from another entity), or a passage
   * naming two entities together.
   */
  private String edit(String text, int step) {
    List<String> names =
        kept.articles().stream()
            .flatMap(a -> a.entityNotes().stream())
            .map(n -> n.name())
            .distinct()
            .sorted()
            .toList();
    List<String> inText = names.stream().filter(text::contains).toList();
    String name = inText.isEmpty() ? names.get(0) : inText.get(random.nextInt(inText.size()));
    String other = names.get(random.nextInt(names.size()));
    return switch (random.nextInt(3)) {
      case 0 -> text.replace(name, random.nextBoolean() ? other : "Zorblax Works " + step);
      case 1 -> text.replace(name + " is ", name + " (" + acronym(other) + ") is ");
      default ->
          text.replace(
              "What Happens Next\n",
              "What Happens Next\n" + name + " and " + other + " met again this week.\n");
    };
  }

  private static String acronym(String name) {
    StringBuilder letters = new StringBuilder();
    for (String word : name.split(" ")) {
      letters.append(word.charAt(0));
    }
    return letters.toString().toUpperCase();
  }

  private Article parse(Path file) {
    return loader.parseArticles(List.of(file)).get(0).article().orElseThrow();
  }

  /** The archive as it is now: the kept articles still in the folder and the fresh ones. */
  private Knowledge knowledgeWith(List<Article> fresh) throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path file : articleFiles()) {
      ids.add(file.getFileName().toString().replaceFirst("\\.txt$", ""));
    }
    Set<String> freshIds = new HashSet<>();
    fresh.forEach(a -> freshIds.add(a.id()));
    List<Article> articles = new ArrayList<>(fresh);
    kept.articles().stream()
        .filter(a -> ids.contains(a.id()) && !freshIds.contains(a.id()))
        .forEach(articles::add);
    articles.sort(Comparator.comparing(Article::id));
    return new Knowledge(articles, kept.faqItems(), kept.entities(), kept.report());
  }

  private List<Path> articleFiles() throws IOException {
    try (Stream<Path> files = Files.list(articlesDir)) {
      return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
  }
}
