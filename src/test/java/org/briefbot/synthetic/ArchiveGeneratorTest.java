package org.briefbot.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveGeneratorTest {
  @TempDir Path dir;

  @Test
  void generatedArticlesParseWithoutAnyProblem() {
    new ArchiveGenerator(7).generate(200, dir);

    Knowledge knowledge = new KnowledgeLoader().load(dir);

    assertThat(knowledge.report().problems()).isEmpty();
    assertThat(knowledge.articles()).hasSize(200);
    assertThat(knowledge.articles())
        .allSatisfy(
            article -> {
              assertThat(article.hashtags()).isNotEmpty();
              assertThat(article.themes()).isNotEmpty();
              assertThat(article.entityNotes())
                  .hasSizeGreaterThanOrEqualTo(3)
                  .allSatisfy(note -> assertThat(note.summary()).isNotBlank());
              assertThat(article.passages())
                  .extracting(p -> p.section())
                  .contains(
                      Section.KEY_TAKEAWAY,
                      Section.BACKGROUND,
                      Section.WHY_IT_MATTERS,
                      Section.WHAT_HAPPENS_NEXT,
                      Section.FAQ,
                      Section.ENTITY_NOTE);
            });
  }

  @Test
  void sameCountAndSeedWriteByteIdenticalFilesWithTheSameTimes() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    new ArchiveGenerator(42).generate(50, first);
    new ArchiveGenerator(42).generate(50, second);

    List<Path> files = list(first.resolve("articles"));
    assertThat(files).hasSize(50);
    assertThat(list(second.resolve("articles")))
        .extracting(Path::getFileName)
        .containsExactlyElementsOf(files.stream().map(Path::getFileName).toList());
    for (Path file : files) {
      Path twin = second.resolve("articles").resolve(file.getFileName());
      assertThat(Files.mismatch(file, twin)).as(file.getFileName().toString()).isEqualTo(-1);
      assertThat(Files.getLastModifiedTime(twin)).isEqualTo(Files.getLastModifiedTime(file));
    }
  }

  @Test
  void anotherSeedWritesAnotherArchive() {
    assertThat(new ArchiveGenerator(1).article(0)).isNotEqualTo(new ArchiveGenerator(2).article(0));
  }

  @Test
  void writesTheSeedsJunkHeadingsAndNoLineEndAfterTheLastLine() {
    String article = new ArchiveGenerator(3).article(5);

    assertThat(article)
        .contains(
            "\nπ Key Takeaways\n",
            "\nπ·οΈ Themes\n",
            "\nπ Related People & Topics\n",
            "\nEntity Intersection Graph\nConnections for ",
            "\nDeep Analysis\nWhy It Matters\n");
    assertThat(article).doesNotEndWith("\n");
  }

  @Test
  void entitiesRecurAcrossArticlesAsOneEntity() {
    new ArchiveGenerator(11).generate(300, dir);
    EntityCatalog catalog = EntityCatalog.build(new KnowledgeLoader().load(dir));

    // Zipf draws: the most written-about entities appear in many articles, yet stay one entity
    // each.
    assertThat(catalog.all())
        .anySatisfy(entity -> assertThat(entity.articleIds()).hasSizeGreaterThan(20));
    assertThat(catalog.size()).isBetween(300, 3000);
  }

  @Test
  void questionsAreDeterministicAndMixKinds() {
    List<String> questions = new ArchiveGenerator(5).questions(16);

    assertThat(questions).isEqualTo(new ArchiveGenerator(5).questions(16));
    assertThat(questions)
        .anyMatch(q -> q.startsWith("Why does the"))
        .anyMatch(q -> q.startsWith("Who is "));
  }

  private static List<Path> list(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }
}
