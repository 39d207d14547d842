package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.briefbot.TestKnowledge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The optional "Link:" line and the entity notes of a real second article (see
 * src/test/resources/articles/README.md).
 */
class ArticleLinkAndNotesTest {
  static final Path ECB = TestKnowledge.ECB_ARTICLE;
  private static final Instant FILE_TIME = Instant.parse("2025-06-05T12:00:00Z");

  private final ArticleParser parser = new ArticleParser();

  private ArticleParseResult parse(Path file) throws IOException {
    return parser.parse(file, Files.readString(file, StandardCharsets.UTF_8), FILE_TIME);
  }

  private Article ecb() throws IOException {
    ArticleParseResult result = parse(ECB);
    assertThat(result.problems()).isEmpty();
    return result.article().orElseThrow();
  }

  private static EntityNote note(Article article, String name) {
    return article.entityNotes().stream()
        .filter(n -> n.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readsTheLinkLineBesideTheHashtags() throws IOException {
    assertThat(ecb().link()).contains(URI.create("https://example.com/news/ecb-rate-cut-june"));
  }

  @Test
  void anArticleWithoutLinkHasNone() throws IOException {
    ArticleParseResult seed = parse(Path.of("knowledge/articles/aws-openai-trainium.txt"));
    assertThat(seed.article().orElseThrow().link()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Link: https://example.com/a?b=1 | https://example.com/a?b=1",
        "link:<https://example.com/a> | https://example.com/a",
        "URL: [the story](http://example.com/a) | http://example.com/a",
      })
  void acceptsALinkAsEditorsPasteIt(String line, String expected) {
    Article article = withHeaderLine(line).article().orElseThrow();
    assertThat(article.link()).contains(URI.create(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Link: ftp://example.com/a | ftp://example.com/a",
        "Link: see website | see website"
      })
  void anUnreadableLinkIsAWarningAndTheArticleStillLoads(String line, String value) {
    ArticleParseResult result = withHeaderLine(line);
    assertThat(result.article().orElseThrow().link()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.fatal()).isFalse();
              assertThat(p.line()).isEqualTo(2);
              assertThat(p.reason())
                  .isEqualTo(
                      "unreadable link '" + value + "', expected e.g. https://example.com/story");
            });
  }

  @Test
  void aNoteThatOpensWithAPageHeadingNeverDoublesTheName() throws IOException {
    String fed = note(ecb(), "Federal Reserve").summary();
    assertThat(fed)
        .startsWith(
            "The Federal Reserve System (often shortened to the Fed) is the central banking system"
                + " of the United States.")
        .doesNotContain("Federal Reserve The Federal")
        .doesNotContain("#")
        .doesNotContain("**");
  }

  @Test
  void keepsTheDescriptorLineAsTheNotesKind() throws IOException {
    Article article = ecb();
    assertThat(note(article, "Christine Lagarde").kind())
        .isEqualTo("President of the European Central Bank");
    assertThat(note(article, "Federal Reserve").kind())
        .isEqualTo("Central banking system of the United States");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "# OpenAI **OpenAI** is a lab. | OpenAI | OpenAI is a lab.",
        "# Federal Reserve **The Federal Reserve** is a bank. | Federal Reserve | The Federal Reserve is a bank.",
        "Federal Reserve The Federal Reserve is a bank. | Federal Reserve | The Federal Reserve is a bank.",
        "OpenAI OpenAI is a lab. | OpenAI | OpenAI is a lab.",
        "OpenAI is a lab. | OpenAI | OpenAI is a lab.",
        "# Markets **Stocks** fell. | OpenAI | Markets Stocks fell.",
      })
  void cleaningANoteKeepsOneName(String raw, String name, String clean) {
    assertThat(EntityNotesReader.cleanNote(raw, name)).isEqualTo(clean);
  }

  private ArticleParseResult withHeaderLine(String line) {
    String content = "A title\n" + line + "\nKey Takeaways\n- The one passage.\n";
    return parser.parse(Path.of("a.txt"), content, FILE_TIME);
  }
}
