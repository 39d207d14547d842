package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.briefbot.testing.HostileText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arbitrary Unicode, huge and malformed files fed to the article parser and the YAML readers: each
 * either parses or says, with a line and a reason, why not. Never an exception. The files come from
 * {@link HostileText} with fixed seeds (905 in all); a failure names the seed that reproduces it.
 */
class HostileFilesTest {
  private static final Path ARTICLE = Path.of("knowledge/articles/hostile.txt");
  private static final Path FAQ = Path.of("knowledge/faq/hostile.yaml");
  private static final Path ENTITIES = Path.of("knowledge/entities/hostile.yaml");

  private static final List<String> ARTICLE_LINES =
      List.of(
          "Amazon secures landmark $138B AWS deal",
          "#AI #Cloud #AWS",
          "## Key Takeaways",
          "## Why It Matters",
          "## FAQ",
          "**Q: What is Trainium?**",
          "A: A chip.",
          "- bullet",
          "Published: 2026-11-03",
          "Source: https://example.org",
          "## Entity Notes",
          "* **OpenAI** (company): an AI lab",
          "",
          "\u200b",
          "\ufeff#");

  private static final List<String> YAML_LINES =
      List.of(
          "items:",
          "entities:",
          "  - question: What is Trainium?",
          "    questions: [a, b]",
          "    answer: \"A chip\"",
          "    article: aws-openai-trainium",
          "  - name: OpenAI",
          "    aliases: [Open AI, 7, null, {a: b}]",
          "    kind: company",
          "    summary: ''",
          "&anchor [*anchor]",
          "!!binary |",
          "---",
          "- *undefined",
          "key: : value",
          "\t- tab",
          "");

  /** Repeated to 100,000-200,000 characters, each once. */
  private static final List<String> HUGE_UNITS =
      List.of(
          "Title\n\n## Key Takeaways\n",
          "items:\n  - question: q\n    answer: ",
          "[[[[[[[[[[",
          "a",
          "\u200b");

  private final ArticleParser articles = new ArticleParser();
  private final FaqFileParser faq = new FaqFileParser();
  private final EntityFileParser entities = new EntityFileParser();

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("articleSeeds")
  void anArticleParsesOrSaysWhyNot(long seed) {
    String content = articleText(seed);

    ArticleParseResult result = articles.parse(ARTICLE, content, Instant.EPOCH);

    assertThat(result.article().isPresent() || !result.problems().isEmpty())
        .as("an article or a reason")
        .isTrue();
    result.problems().forEach(HostileFilesTest::assertExplained);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("faqSeeds")
  void aFaqFileParsesOrSaysWhyNot(long seed) {
    FileParseResult<FaqItem> result = faq.parse(FAQ, yamlText(seed));

    result.problems().forEach(HostileFilesTest::assertExplained);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("entitySeeds")
  void anEntityFileParsesOrSaysWhyNot(long seed) {
    FileParseResult<EntityEntry> result = entities.parse(ENTITIES, yamlText(seed));

    result.problems().forEach(HostileFilesTest::assertExplained);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("hugeSeeds")
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void hugeFilesParseOrSayWhyNot(long seed) {
    String content = hugeText(seed);

    articles
        .parse(ARTICLE, content, Instant.EPOCH)
        .problems()
        .forEach(HostileFilesTest::assertExplained);
    faq.parse(FAQ, content).problems().forEach(HostileFilesTest::assertExplained);
    entities.parse(ENTITIES, content).problems().forEach(HostileFilesTest::assertExplained);
  }

  /** Found by the generated files: this took the article parser 128 s before the fix. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLineOf100000OpeningBracketsParsesOrSaysWhyNot() {
    ArticleParseResult result = articles.parse(ARTICLE, "[".repeat(100_000), Instant.EPOCH);

    assertThat(result.article().isPresent() || !result.problems().isEmpty())
        .as("an article or a reason")
        .isTrue();
    result.problems().forEach(HostileFilesTest::assertExplained);
  }

  private static void assertExplained(IngestProblem problem) {
    assertThat(problem.reason()).as("reason").isNotBlank();
    assertThat(problem.line()).as("line").isNotNegative();
  }

  static LongStream articleSeeds() {
    return LongStream.range(1_000, 1_300);
  }

  static LongStream faqSeeds() {
    return LongStream.range(2_000, 2_300);
  }

  static LongStream entitySeeds() {
    return LongStream.range(3_000, 3_300);
  }

  static LongStream hugeSeeds() {
    return LongStream.range(4_000, 4_000 + HUGE_UNITS.size());
  }

  /** Markdown-like lines and arbitrary text, or arbitrary text alone. */
  private static String articleText(long seed) {
    HostileText text = new HostileText(seed);
    return text.oneIn(2) ? text.lines(ARTICLE_LINES, 40, 80) : text.anyString(2_000);
  }

  /** YAML-like lines and arbitrary text, or arbitrary text alone. */
  private static String yamlText(long seed) {
    HostileText text = new HostileText(seed);
    return text.oneIn(2) ? text.lines(YAML_LINES, 30, 60) : text.anyString(1_000);
  }

  /** One of {@link #HUGE_UNITS} per seed, repeated to 100,000-200,000 characters. */
  private static String hugeText(long seed) {
    String unit = HUGE_UNITS.get((int) (seed % HUGE_UNITS.size()));
    int length = new HostileText(seed).between(100_000, 200_000);
    return unit.repeat(Math.max(1, length / unit.length()));
  }
}
