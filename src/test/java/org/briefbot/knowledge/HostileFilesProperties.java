package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Arbitrary Unicode, huge and malformed files fed to the article parser and the YAML readers: each
 * either parses or says, with a line and a reason, why not. Never an exception.
 */
class HostileFilesProperties {
  private static final Path ARTICLE = Path.of("knowledge/articles/hostile.txt");
  private static final Path FAQ = Path.of("knowledge/faq/hostile.yaml");
  private static final Path ENTITIES = Path.of("knowledge/entities/hostile.yaml");

  private final ArticleParser articles = new ArticleParser();
  private final FaqFileParser faq = new FaqFileParser();
  private final EntityFileParser entities = new EntityFileParser();

  @Property(tries = 300)
  void anArticleParsesOrSaysWhyNot(@ForAll("articleTexts") String content) {
    ArticleParseResult result = articles.parse(ARTICLE, content, Instant.EPOCH);

    assertThat(result.article().isPresent() || !result.problems().isEmpty())
        .as("an article or a reason")
        .isTrue();
    result.problems().forEach(HostileFilesProperties::assertExplained);
  }

  @Property(tries = 300)
  void aFaqFileParsesOrSaysWhyNot(@ForAll("yamlTexts") String content) {
    FileParseResult<FaqItem> result = faq.parse(FAQ, content);

    result.problems().forEach(HostileFilesProperties::assertExplained);
  }

  @Property(tries = 300)
  void anEntityFileParsesOrSaysWhyNot(@ForAll("yamlTexts") String content) {
    FileParseResult<EntityEntry> result = entities.parse(ENTITIES, content);

    result.problems().forEach(HostileFilesProperties::assertExplained);
  }

  @Property(tries = 5)
  void hugeFilesParseOrSayWhyNot(@ForAll("hugeTexts") String content) {
    articles
        .parse(ARTICLE, content, Instant.EPOCH)
        .problems()
        .forEach(HostileFilesProperties::assertExplained);
    faq.parse(FAQ, content).problems().forEach(HostileFilesProperties::assertExplained);
    entities.parse(ENTITIES, content).problems().forEach(HostileFilesProperties::assertExplained);
  }

  private static void assertExplained(IngestProblem problem) {
    assertThat(problem.reason()).as("reason").isNotBlank();
    assertThat(problem.line()).as("line").isNotNegative();
  }

  @Provide
  Arbitrary<String> articleTexts() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
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
                "\ufeff#"),
            Arbitraries.strings().all().ofMaxLength(80));
    return Arbitraries.oneOf(
        line.list().ofMaxSize(40).map(lines -> String.join("\n", lines)),
        Arbitraries.strings().all().ofMaxLength(2_000));
  }

  @Provide
  Arbitrary<String> yamlTexts() {
    Arbitrary<String> line =
        Arbitraries.oneOf(
            Arbitraries.of(
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
                ""),
            Arbitraries.strings().all().ofMaxLength(60));
    return Arbitraries.oneOf(
        line.list().ofMaxSize(30).map(lines -> String.join("\n", lines)),
        Arbitraries.strings().all().ofMaxLength(1_000));
  }

  @Provide
  Arbitrary<String> hugeTexts() {
    return Arbitraries.of(
            "Title\n\n## Key Takeaways\n",
            "items:\n  - question: q\n    answer: ",
            "[[[[[[[[[[",
            "a",
            "\u200b")
        .flatMap(
            unit ->
                Arbitraries.integers()
                    .between(100_000, 200_000)
                    .map(n -> unit.repeat(Math.max(1, n / unit.length()))));
  }
}
