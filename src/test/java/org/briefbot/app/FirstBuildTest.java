package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.TestConfig;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.index.ArticlePassages;
import org.briefbot.index.PassageIndex;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Section;
import org.briefbot.retrieval.Mode;
import org.briefbot.synthetic.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first build parses, indexes and drops a batch of articles at a time, on two writers from 1,000
 * articles, and links entities in the passages read back from the index: what it serves must be
 * what a whole load in memory gives, article for article, passage for passage, link for link.
 */
class FirstBuildTest {
  private static final BriefbotConfig BM25 =
      TestConfig.defaults().withRetrieval(TestConfig.defaults().retrieval().inMode(Mode.BM25));

  @TempDir Path dir;

  @Test
  void servesWhatAWholeLoadGivesOnTwoWritersAndClearsWhatAKilledBuildLeft() throws IOException {
    Path knowledge = dir.resolve("knowledge");
    new ArchiveGenerator(7).generate(1_100, knowledge);
    copySeedFolder(knowledge);
    // A name that sorts before its id's neighbour ("a-b.txt" < "a.txt", "a" < "a-b") and a broken
    // file: batches go in id order, the report in file order.
    Files.copy(Path.of("knowledge/articles/aws-openai-trainium.txt"), articles(knowledge, "a.txt"));
    Files.copy(
        Path.of("knowledge/articles/aws-openai-trainium.txt"), articles(knowledge, "a-b.txt"));
    Files.writeString(articles(knowledge, "broken.txt"), "\n\n");
    Knowledge whole = new KnowledgeLoader().load(knowledge);
    // What a build killed half-way leaves beside the index: its writers' part folders.
    Path left =
        Files.createDirectories(
            LiveArchive.indexDir(dir.resolve("index"), knowledge)
                .resolveSibling("index.part-1-killed"));
    Files.writeString(left.resolve("_0.fdt"), "segment");

    try (LiveArchive archive =
        LiveArchive.open(BM25, dir.resolve("index"), knowledge, Optional.empty())) {
      LoadedLibrary.Loaded built = archive.catchUp();
      assertThat(left).doesNotExist();
      try (var beside = Files.list(left.getParent())) {
        assertThat(beside.map(p -> p.getFileName().toString()))
            .noneMatch(name -> name.startsWith("index.part-"));
      }
      try (PassageIndex index = built.index()) {
        assertThat(whole.articles()).hasSizeGreaterThan(1_000);
        assertThat(built.knowledge()).isEqualTo(whole.indexed());
        assertThat(built.knowledge().report().problems()).isNotEmpty();
        EntityCatalog expected = EntityCatalog.build(whole);
        assertThat(built.catalog().all()).isEqualTo(expected.all());
        assertThat(built.catalog().links()).isEqualTo(expected.links());
        assertThat(index.size()).isEqualTo(whole.passages().size());
        try (ArticlePassages written =
            ArticlePassages.open(LiveArchive.indexDir(dir.resolve("index"), knowledge))) {
          for (Article article : whole.articles()) {
            assertThat(written.of(article.id())).isEqualTo(article.passages());
          }
        }
        assertThat(index.passagesIn(Section.CURATED_FAQ))
            .containsExactlyInAnyOrderElementsOf(
                whole.passages().stream().filter(p -> p.section() == Section.CURATED_FAQ).toList());
      }
    }
  }

  private static Path articles(Path knowledge, String name) {
    return knowledge.resolve("articles").resolve(name);
  }

  private static void copySeedFolder(Path knowledge) throws IOException {
    for (String sub : List.of("faq", "entities")) {
      Path target = Files.createDirectories(knowledge.resolve(sub));
      try (var files = Files.list(Path.of("knowledge").resolve(sub))) {
        for (Path file : files.toList()) {
          Files.copy(file, target.resolve(file.getFileName()));
        }
      }
    }
  }
}
