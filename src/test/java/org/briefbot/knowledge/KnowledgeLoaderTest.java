package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeLoaderTest {
  private final KnowledgeLoader loader = new KnowledgeLoader();

  @TempDir Path dir;
  private Path articles;
  private Path faq;
  private Path entities;

  @BeforeEach
  void createFolders() throws IOException {
    articles = Files.createDirectories(dir.resolve("articles"));
    faq = Files.createDirectories(dir.resolve("faq"));
    entities = Files.createDirectories(dir.resolve("entities"));
  }

  private static Path write(Path file, String content) throws IOException {
    return Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void loadsShippedKnowledgeFolder() {
    Knowledge knowledge = loader.load(Seed.KNOWLEDGE);

    // A folder-driven test must fail when its folder is empty.
    assertThat(knowledge.articles()).extracting(Article::id).contains("aws-openai-trainium");
    assertThat(knowledge.faqItems()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(knowledge.entities()).hasSizeGreaterThanOrEqualTo(10);
    assertThat(knowledge.report().problems()).isEmpty();
    assertThat(knowledge.report().filesRead()).contains(Seed.ARTICLE, Seed.FAQ, Seed.ENTITIES);
  }

  @Test
  void listsArticlePassagesThenCuratedFaqTitledAfterTheirArticle() {
    Knowledge knowledge = loader.load(Seed.KNOWLEDGE);
    Article article = knowledge.article("aws-openai-trainium").orElseThrow();

    List<Passage> passages = knowledge.passages();

    assertThat(passages).hasSize(article.passages().size() + knowledge.faqItems().size());
    assertThat(passages.subList(0, 21)).isEqualTo(article.passages());
    assertThat(passages.subList(21, passages.size()))
        .allSatisfy(
            passage -> {
              assertThat(passage.section()).isEqualTo(Section.CURATED_FAQ);
              assertThat(passage.articleId()).isEqualTo("aws-openai-trainium");
              assertThat(passage.articleTitle()).isEqualTo(article.title());
            });
    assertThat(passages).extracting(Passage::id).doesNotHaveDuplicates();
    assertThat(loader.load(Seed.KNOWLEDGE).passages()).isEqualTo(passages);
  }

  @Test
  void skipsAFileOverTheSizeLimitNamingTheLimitAndLoadsTheRest() throws IOException {
    Files.copy(Seed.ARTICLE, articles.resolve("aws-openai-trainium.txt"));
    Path huge =
        write(
            articles.resolve("huge.txt"),
            "Huge\n\n" + "x".repeat((int) KnowledgeLoader.MAX_FILE_BYTES));

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.articles()).extracting(Article::id).containsExactly("aws-openai-trainium");
    assertThat(knowledge.report().problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.path()).isEqualTo(huge);
              assertThat(problem.fatal()).isTrue();
              assertThat(problem.reason())
                  .isEqualTo(
                      "too large: 2,097,158 bytes; a knowledge file may have at most 2,097,152"
                          + " bytes (2 MiB)");
            });
  }

  @Test
  void usesFileTimeWhenArticleHasNoDate() throws IOException {
    Path file = write(articles.resolve("deal.txt"), Seed.article());
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-11-03T09:00:00Z")));

    assertThat(loader.load(dir).articles().get(0).published())
        .isEqualTo(Instant.parse("2025-11-03T09:00:00Z"));
  }

  @Test
  void skipsMalformedUtf8FileAndLoadsTheOthers() throws IOException {
    write(articles.resolve("a-good.txt"), Seed.article());
    // "Israeli" saved as Latin-1 "Isra\u00EBli": a lone 0xEB byte where UTF-8 needs a sequence.
    String before =
        Seed.article().substring(0, Seed.article().indexOf("Israeli microelectronics") + 4);
    String after = Seed.article().substring(before.length() + 1);
    ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
    latin1.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    latin1.write(0xEB);
    latin1.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    Files.write(articles.resolve("b-latin1.txt"), latin1.toByteArray());
    write(articles.resolve("c-good.txt"), Seed.article());

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.articles()).extracting(Article::id).containsExactly("a-good", "c-good");
    int offset = before.getBytes(StandardCharsets.UTF_8).length;
    assertThat(knowledge.report().problems())
        .containsExactly(
            new IngestProblem(
                articles.resolve("b-latin1.txt"),
                19,
                "not valid UTF-8: bad byte 0xEB at byte "
                    + offset
                    + ", after \"Annapurna Labs is an Isra\"; save the file as UTF-8 (an editor"
                    + " saving as Windows-1252 or Latin-1 writes accented letters as such bytes)",
                true));
    assertThat(knowledge.report().filesRead()).hasSize(3);
  }

  /** A binary file's report names the bad byte, without the unprintable bytes before it. */
  @Test
  void aBinaryFileIsReportedWithoutItsUnprintableBytes() throws IOException {
    Files.write(articles.resolve("image.txt"), new byte[] {'G', 'I', 'F', 0x01, 0x1B, (byte) 0xB4});

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.report().problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.reason())
                    .startsWith("not valid UTF-8: bad byte 0xB4 at byte 5, after \"GIF\"; save"));
  }

  /** Windows editors save "Unicode" text as UTF-16 with a byte-order mark: that reads as it is. */
  @ParameterizedTest
  @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
  void readsAUtf16FileThatStartsWithItsByteOrderMark(String encoding) throws IOException {
    Files.write(
        articles.resolve("unicode.txt"),
        ("\uFEFF" + Seed.article()).getBytes(java.nio.charset.Charset.forName(encoding)));

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.report().problems()).isEmpty();
    assertThat(knowledge.articles())
        .singleElement()
        .satisfies(a -> assertThat(a.title()).startsWith("Amazon secures"));
    assertThat(knowledge.passages()).anyMatch(p -> p.text().contains("Israeli microelectronics"));
  }

  @Test
  void skipsArticleWithoutTitleAndLoadsTheOthers() throws IOException {
    write(
        articles.resolve("no-title.txt"),
        Seed.article().substring(Seed.article().indexOf('\n') + 1));
    write(articles.resolve("ok.txt"), Seed.article());

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.articles()).extracting(Article::id).containsExactly("ok");
    assertThat(knowledge.report().problems())
        .extracting(IngestProblem::toString)
        .containsExactly(
            "ERROR "
                + articles.resolve("no-title.txt")
                + ":1: no title: the first line is a hashtag line");
    assertThat(knowledge.report().errorCount()).isEqualTo(1);
  }

  @Test
  void failsBrokenFaqAndEntityFilesWithTheirLineWhileTheRestLoads() throws IOException {
    write(articles.resolve("aws-openai-trainium.txt"), Seed.article());
    write(faq.resolve("a-broken.yaml"), "items:\n  - question: \"How much?\n    answer: x\n");
    write(
        faq.resolve("b-good.yml"), "items:\n  - question: How much?\n    answer: $138 billion.\n");
    write(
        entities.resolve("a-broken.yaml"),
        "entities:\n  - name: OpenAI\n    aliases: [ChatGPT maker\n  - name: Microsoft\n");
    write(entities.resolve("b-good.yaml"), "entities:\n  - name: OpenAI\n");

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.faqItems()).extracting(FaqItem::id).containsExactly("b-good#0");
    assertThat(knowledge.entities()).extracting(EntityEntry::name).containsExactly("OpenAI");
    assertThat(knowledge.report().problems())
        .extracting(IngestProblem::path, IngestProblem::line, IngestProblem::fatal)
        .containsExactly(
            tuple(faq.resolve("a-broken.yaml"), 2, true),
            tuple(entities.resolve("a-broken.yaml"), 3, true));
  }

  @Test
  void warnsAboutFaqItemMissingAnswerAndLoadsTheRest() throws IOException {
    write(
        faq.resolve("deal.yaml"),
        "items:\n  - question: How much?\n  - question: Who?\n    answer: OpenAI.\n");

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.faqItems()).extracting(FaqItem::id).containsExactly("deal#1");
    assertThat(knowledge.report().problems())
        .containsExactly(
            new IngestProblem(faq.resolve("deal.yaml"), 2, "item skipped: no 'answer'", false));
    assertThat(knowledge.report().hasErrors()).isFalse();
  }

  @Test
  void titlesFaqPassagesOfUnknownArticlesAsFaqAndWarns() throws IOException {
    write(
        faq.resolve("deal.yaml"),
        "items:\n  - question: How much?\n    answer: $138 billion.\n    article: missing\n");

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.passages())
        .singleElement()
        .extracting(Passage::articleId, Passage::articleTitle)
        .containsExactly("missing", "FAQ");
    assertThat(knowledge.report().problems())
        .containsExactly(
            new IngestProblem(
                faq.resolve("deal.yaml"),
                0,
                "item deal#0 names unknown article 'missing'; it is shown as FAQ",
                false));
  }

  @Test
  void warnsAboutIgnoredFilesButNotDotfiles() throws IOException {
    write(articles.resolve("notes.md"), "# notes");
    write(articles.resolve(".DS_Store"), "junk");
    Files.createDirectories(faq.resolve("drafts"));
    write(entities.resolve("people.json"), "{}");

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.report().problems())
        .extracting(IngestProblem::toString)
        .containsExactly(
            "WARN  " + articles.resolve("notes.md") + ": ignored: only .txt files are read here",
            "WARN  " + faq.resolve("drafts") + ": ignored: only .yaml and .yml files are read here",
            "WARN  "
                + entities.resolve("people.json")
                + ": ignored: only .yaml and .yml files are read here");
  }

  @Test
  void skipsSecondFaqFileWithTheSameName() throws IOException {
    write(faq.resolve("deal.yaml"), "items:\n  - question: How much?\n    answer: $138 billion.\n");
    write(faq.resolve("deal.yml"), "items:\n  - question: Who?\n    answer: OpenAI.\n");

    Knowledge knowledge = loader.load(dir);

    assertThat(knowledge.faqItems()).extracting(FaqItem::answer).containsExactly("$138 billion.");
    assertThat(knowledge.report().problems())
        .containsExactly(
            new IngestProblem(
                faq.resolve("deal.yml"),
                0,
                "another FAQ file has the same name; its item ids would clash",
                true));
  }

  @Test
  void loadsNothingFromMissingSubFolders() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    Knowledge knowledge = loader.load(empty);

    assertThat(knowledge.articles()).isEmpty();
    assertThat(knowledge.passages()).isEmpty();
    assertThat(knowledge.report().problems()).isEmpty();
  }

  @Test
  void reportsMissingKnowledgeFolder() {
    Path missing = dir.resolve("nope");

    Knowledge knowledge = loader.load(missing);

    assertThat(knowledge.report().problems())
        .containsExactly(new IngestProblem(missing, 0, "knowledge folder not found", true));
  }

  @Test
  void sortsArticlesById() throws IOException {
    write(articles.resolve("zeta.txt"), Seed.article());
    write(articles.resolve("alpha.txt"), Seed.article());

    assertThat(loader.load(dir).articles())
        .extracting(Article::id)
        .containsExactly("alpha", "zeta");
  }

  @Test
  void servesTheLastGoodVersionOfFilesThatBreakWhileWarningBesideTheError() throws IOException {
    LastGoodFiles lastGood = new LastGoodFiles();
    Path article = write(articles.resolve("deal.txt"), Seed.article());
    Path items =
        write(
            faq.resolve("deal.yaml"),
            "items:\n  - question: How much?\n    answer: $138 billion.\n");
    Path names = write(entities.resolve("names.yaml"), "entities:\n  - name: OpenAI\n");
    Knowledge before = loader.load(dir, lastGood);

    write(article, Seed.article().substring(Seed.article().indexOf('\n') + 1));
    write(items, "items:\n  - question: \"How much?\n");
    Files.write(names, new byte[] {(byte) 0xEB});
    Knowledge after = loader.load(dir, lastGood);

    assertThat(after.articles()).isEqualTo(before.articles());
    assertThat(after.faqItems()).isEqualTo(before.faqItems());
    assertThat(after.entities()).isEqualTo(before.entities());
    assertThat(after.report().problems())
        .extracting(IngestProblem::path, IngestProblem::fatal, IngestProblem::reason)
        .contains(
            tuple(article, true, "no title: the first line is a hashtag line"),
            tuple(article, false, "serving the previous version of this file until it is fixed"),
            tuple(items, false, "serving the previous version of this file until it is fixed"),
            tuple(names, false, "serving the previous version of this file until it is fixed"));
    assertThat(after.report().errorCount()).isEqualTo(3);
  }

  @Test
  void forgetsTheLastGoodVersionOfARemovedFile() throws IOException {
    LastGoodFiles lastGood = new LastGoodFiles();
    Path article = write(articles.resolve("deal.txt"), Seed.article());
    loader.load(dir, lastGood);
    Files.delete(article);
    assertThat(loader.load(dir, lastGood).articles()).isEmpty();

    write(article, "#only #hashtags\n");

    assertThat(loader.load(dir, lastGood).articles()).isEmpty();
  }

  @Test
  void skipsABrokenFileWithoutALastGoodVersion() throws IOException {
    write(articles.resolve("deal.txt"), "#only #hashtags\n");

    Knowledge knowledge = loader.load(dir, new LastGoodFiles());

    assertThat(knowledge.articles()).isEmpty();
    assertThat(knowledge.report().problems())
        .extracting(IngestProblem::fatal)
        .containsExactly(true);
  }

  @Test
  void loadsInBatchesWhatALoadGivesInIdOrderWithTheReportInFileOrder() throws IOException {
    // "a-b.txt" sorts before "a.txt" by name, "a" before "a-b" by id.
    write(articles.resolve("a.txt"), Seed.article());
    write(articles.resolve("a-b.txt"), Seed.article().replace("$138 billion", "$139 billion"));
    write(articles.resolve("broken.txt"), "#only #hashtags\n");
    write(articles.resolve("notes.md"), "# notes");
    write(articles.resolve("zeta.txt"), Seed.article());
    Files.copy(Seed.FAQ, faq.resolve("deal.yaml"));
    Files.copy(Seed.ENTITIES, entities.resolve("entities.yaml"));
    Knowledge whole = loader.load(dir);

    ArticleBatches batches = loader.inBatches(dir);
    List<Article> handedOver = new ArrayList<>();
    for (int share = 0; share < 2; share++) {
      batches.share(share, 2, batch -> batch).forEachRemaining(handedOver::addAll);
    }

    assertThat(batches.files()).isEqualTo(4);
    assertThat(handedOver).isEqualTo(whole.articles());
    assertThat(handedOver).extracting(Article::id).containsExactly("a", "a-b", "zeta");
    assertThat(batches.knowledge()).isEqualTo(whole.indexed());
    assertThat(batches.knowledge().report().problems())
        .extracting(IngestProblem::path)
        .startsWith(articles.resolve("notes.md"), articles.resolve("broken.txt"));
  }

  @Test
  void batchesOfAMissingFolderReportItAndTheFolderIsNotLoadedBeforeEveryShareIsRead()
      throws IOException {
    Path missing = dir.resolve("nope");
    assertThat(loader.inBatches(missing).knowledge().report().problems())
        .containsExactly(new IngestProblem(missing, 0, "knowledge folder not found", true));

    write(articles.resolve("a.txt"), Seed.article());
    write(articles.resolve("b.txt"), Seed.article());
    ArticleBatches batches = loader.inBatches(dir);
    batches.share(0, 2, batch -> batch).forEachRemaining(batch -> {});

    assertThatThrownBy(batches::knowledge)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("b.txt");
  }
}
