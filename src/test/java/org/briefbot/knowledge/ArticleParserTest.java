package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleParserTest {
  private static final Path FILE = Path.of("knowledge/articles/aws-openai-trainium.txt");
  private static final Instant FILE_TIME = Instant.parse("2025-11-04T08:00:00Z");
  private static final String TITLE =
      "Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium";

  private final ArticleParser parser = new ArticleParser();

  private ArticleParseResult parse(String content) {
    return parser.parse(FILE, content, FILE_TIME);
  }

  private Article article(String content) {
    ArticleParseResult result = parse(content);
    assertThat(result.problems()).noneMatch(IngestProblem::fatal);
    return result.article().orElseThrow();
  }

  private static List<Passage> passages(Article article, Section section) {
    return article.passages().stream().filter(passage -> passage.section() == section).toList();
  }

  private static List<String> texts(Article article, Section section) {
    return passages(article, section).stream().map(Passage::text).toList();
  }

  // ---- the seed as it is: junk before headings, empty sections, FAQ answers without questions

  @Test
  void parsesSeedWithoutAnyProblemDespiteJunkBeforeHeadings() {
    ArticleParseResult result = parse(Seed.article());

    assertThat(result.problems()).isEmpty();
    assertThat(result.article()).isPresent();
  }

  @Test
  void parsesSeedTitleHashtagsAndThemes() {
    Article article = article(Seed.article());

    assertThat(article.id()).isEqualTo("aws-openai-trainium");
    assertThat(article.title()).isEqualTo(TITLE);
    assertThat(article.hashtags())
        .containsExactly(
            "Amazon", "AWS", "OpenAI", "Trainium", "AI training", "cloud deal", "hardware");
    assertThat(article.themes()).containsExactly("Cloud Computing", "Artificial Intelligence");
    assertThat(article.published()).isEqualTo(FILE_TIME);
    assertThat(article.source()).isEqualTo(FILE);
  }

  @ParameterizedTest(name = "{0}: {1} passages")
  @CsvSource({
    "KEY_TAKEAWAY, 4",
    "BACKGROUND, 5",
    "WHY_IT_MATTERS, 1",
    "WHAT_HAPPENS_NEXT, 1",
    "FAQ, 6",
    "ENTITY_NOTE, 4",
  })
  void countsSeedPassagesPerSection(Section section, int count) {
    assertThat(passages(article(Seed.article()), section)).hasSize(count);
  }

  @Test
  void parsesSeedKeyTakeaways() {
    List<Passage> takeaways = passages(article(Seed.article()), Section.KEY_TAKEAWAY);

    assertThat(takeaways)
        .extracting(Passage::id, Passage::position, Passage::text)
        .containsExactly(
            tuple(
                "aws-openai-trainium#key_takeaway#0",
                0,
                "Amazon secures a $138 billion AWS deal with OpenAI."),
            tuple(
                "aws-openai-trainium#key_takeaway#1",
                1,
                "OpenAI will use AWS's Trainium chips for AI model training."),
            tuple(
                "aws-openai-trainium#key_takeaway#2",
                2,
                "The deal marks a major partnership in cloud and AI infrastructure."),
            tuple(
                "aws-openai-trainium#key_takeaway#3",
                3,
                "It highlights growing demand for specialized AI hardware."));
    assertThat(takeaways)
        .allSatisfy(
            passage -> {
              assertThat(passage.articleId()).isEqualTo("aws-openai-trainium");
              assertThat(passage.articleTitle()).isEqualTo(TITLE);
            });
  }

  @Test
  void parsesSeedBackgroundBulletsWithoutTheirDashes() {
    assertThat(texts(article(Seed.article()), Section.BACKGROUND))
        .hasSize(5)
        .first()
        .isEqualTo(
            "AWS (Amazon Web Services) has been the dominant cloud provider since its 2006 launch, but faces "
                + "increasing competition from Microsoft Azure and Google Cloud in the AI infrastructure space");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Amazon Web Services | On-demand cloud computing provider",
        "OpenAI              | Artificial intelligence research organization",
        "Annapurna Labs      | Israel-based microelectronics company",
        "Machine learning    | Study of algorithms that improve automatically through experience",
      })
  void parsesSeedEntityNoteNameAndKind(String name, String kind) {
    Map<String, EntityNote> notes =
        article(Seed.article()).entityNotes().stream()
            .collect(Collectors.toMap(EntityNote::name, Function.identity()));

    assertThat(notes).hasSize(4);
    assertThat(notes.get(name).kind()).isEqualTo(kind);
    assertThat(notes.get(name).summary()).startsWith(name);
  }

  @Test
  void dropsTheSentenceANoteWasCutOffInsideAParenthesis() {
    EntityNote aws = article(Seed.article()).entityNotes().get(0);

    // Seed: "... pay-as-you-go basis. Clients often use this in combination with autoscaling (a
    // process that allows a client to use more compu..."
    assertThat(aws.summary())
        .isEqualTo(
            "Amazon Web Services, Inc. (AWS) is a subsidiary of Amazon that provides on-demand cloud computing "
                + "platforms and APIs to individuals, companies, and governments, on a metered, pay-as-you-go basis.");
  }

  @Test
  void removesMarkdownAndRepeatedNameFromNote() {
    EntityNote openAi = article(Seed.article()).entityNotes().get(1);

    // Seed: "# OpenAI **OpenAI** is an American ... hybrid structure, comprising ... **OpenAI,
    // Inc.** and ... (a..."
    assertThat(openAi.summary())
        .isEqualTo(
            "OpenAI is an American artificial intelligence (AI) research organization headquartered in San Francisco, California.");
  }

  @Test
  void keepsCompleteNoteAsItIs() {
    EntityNote annapurna = article(Seed.article()).entityNotes().get(2);

    assertThat(annapurna.summary())
        .isEqualTo(
            "Annapurna Labs is an Israeli microelectronics company. Since January 2015 it has been a wholly owned subsidiary of Amazon.com.");
  }

  @Test
  void keepsCutOffNoteWithoutCompleteSentenceAndEndsItWithEllipsis() {
    String seed =
        Seed.replace(
            Seed.article(),
            "Annapurna Labs is an Israeli microelectronics company. Since January 2015 "
                + "it has been a wholly owned subsidiary of Amazon.com.",
            "Annapurna Labs is an Israeli microelectronics company "
                + "that Amazon.com has owned since January 2015 and that designs the chips...");

    assertThat(article(seed).entityNotes().get(2).summary())
        .isEqualTo(
            "Annapurna Labs is an Israeli microelectronics company "
                + "that Amazon.com has owned since January 2015 and that designs the chips…");
  }

  @Test
  void removesMarkdownLinksCodeAndUnderlineFromNote() {
    String seed =
        Seed.replace(
            Seed.article(),
            "Annapurna Labs is an Israeli microelectronics company.",
            "## Annapurna Labs __Annapurna Labs__ is an [Israeli](https://en.wikipedia.org/wiki/Israel) `microelectronics` company.");

    assertThat(article(seed).entityNotes().get(2).summary())
        .isEqualTo(
            "Annapurna Labs is an Israeli microelectronics company. Since January 2015 it has been a wholly owned subsidiary of Amazon.com.");
  }

  @Test
  void makesEachEntityNoteAPassageAboutThatEntity() {
    Article article = article(Seed.article());

    assertThat(passages(article, Section.ENTITY_NOTE))
        .extracting(Passage::id, Passage::entities, Passage::text)
        .containsExactlyElementsOf(
            article.entityNotes().stream()
                .map(
                    note ->
                        tuple(
                            "aws-openai-trainium#entity_note#"
                                + article.entityNotes().indexOf(note),
                            List.of(note.name()),
                            note.summary()))
                .toList());
  }

  @Test
  void readsEntityWhoseKindLineIsMissing() {
    String seed = Seed.replace(Seed.article(), "Israel-based microelectronics company\n", "");

    EntityNote annapurna = article(seed).entityNotes().get(2);

    assertThat(annapurna.name()).isEqualTo("Annapurna Labs");
    assertThat(annapurna.kind()).isEmpty();
    assertThat(annapurna.summary()).startsWith("Annapurna Labs is an Israeli");
  }

  @Test
  void keepsEntityWhoseNoteIsMissingWithoutGivingItTheNextNote() {
    String awsNote =
        Seed.article()
            .lines()
            .filter(line -> line.startsWith("Amazon Web Services, Inc."))
            .findFirst()
            .orElseThrow();
    Article article = article(Seed.replace(Seed.article(), awsNote + "\n", ""));

    assertThat(article.entityNotes())
        .extracting(EntityNote::name, EntityNote::kind)
        .containsExactly(
            tuple("Amazon Web Services", "On-demand cloud computing provider"),
            tuple("OpenAI", "Artificial intelligence research organization"),
            tuple("Annapurna Labs", "Israel-based microelectronics company"),
            tuple(
                "Machine learning",
                "Study of algorithms that improve automatically through experience"));
    assertThat(article.entityNotes().get(0).summary()).isEmpty();
    assertThat(article.entityNotes().get(1).summary()).startsWith("OpenAI is an American");
    assertThat(passages(article, Section.ENTITY_NOTE)).hasSize(3);
  }

  @Test
  void readsSeedFaqAnswersWhoseQuestionsWereLost() {
    List<Passage> faq = passages(article(Seed.article()), Section.FAQ);

    assertThat(faq).hasSize(6).allSatisfy(passage -> assertThat(passage.questions()).isEmpty());
    assertThat(faq.get(0).text()).startsWith("OpenAI likely secured better pricing");
    assertThat(faq.get(5).text())
        .endsWith("competitive position in the rapidly evolving AI market.");
  }

  @Test
  void attachesQuestionLinesToTheAnswerAfterThem() {
    String seed =
        Seed.replace(
            Seed.article(),
            "OpenAI likely secured",
            "Why did OpenAI choose AWS?\nA: OpenAI likely secured");
    seed =
        Seed.replace(
            seed,
            "Smaller AI companies may",
            "**Q: What does the deal mean for smaller AI companies**\nSmaller AI companies may");

    List<Passage> faq = passages(article(seed), Section.FAQ);

    assertThat(faq).hasSize(6);
    assertThat(faq.get(0).questions()).containsExactly("Why did OpenAI choose AWS?");
    assertThat(faq.get(0).text()).startsWith("OpenAI likely secured better pricing");
    assertThat(faq.get(1).questions())
        .containsExactly("What does the deal mean for smaller AI companies");
    assertThat(faq.subList(2, 6)).allSatisfy(passage -> assertThat(passage.questions()).isEmpty());
  }

  @Test
  void warnsAboutQuestionWithoutAnswer() {
    ArticleParseResult result = parse(Seed.article() + "\nWhat happens to Microsoft?\n");

    assertThat(result.problems())
        .extracting(IngestProblem::toString)
        .containsExactly("WARN  " + FILE + ":44: question without an answer is ignored");
    assertThat(passages(result.article().orElseThrow(), Section.FAQ)).hasSize(6);
  }

  @Test
  void collectsMentionedEntitiesFromTheIntersectionGraph() {
    assertThat(article(Seed.article()).mentionedEntities()).containsExactly("Amazon Web Services");
  }

  @Test
  void collectsMentionedEntitiesListedInEitherSection() {
    String seed =
        Seed.replace(
            Seed.article(),
            "Connections for Amazon Web Services:\n",
            "Connections for Amazon Web Services:\n- OpenAI\n- Annapurna Labs, Amazon\nConnections for OpenAI: Microsoft\n");
    seed =
        Seed.replace(
            seed,
            "Mentioned Entities\n",
            "Mentioned Entities\nNVIDIA, Microsoft Azure\nGoogle Cloud\n");

    assertThat(article(seed).mentionedEntities())
        .containsExactly(
            "Amazon Web Services",
            "OpenAI",
            "Annapurna Labs",
            "Amazon",
            "Microsoft",
            "NVIDIA",
            "Microsoft Azure",
            "Google Cloud");
  }

  // ---- defects of generated files

  @Test
  void toleratesMissingSections() {
    String seed = Seed.article();
    seed = seed.replace(Seed.section("Themes", "Related People"), "");
    seed = seed.replace(Seed.section("Related People", "Entity Intersection Graph"), "");
    seed = seed.replace(Seed.section("What Happens Next", "Frequently Asked Questions"), "");

    ArticleParseResult result = parse(seed);

    assertThat(result.problems()).isEmpty();
    Article article = result.article().orElseThrow();
    assertThat(article.themes()).isEmpty();
    assertThat(article.entityNotes()).isEmpty();
    assertThat(passages(article, Section.WHAT_HAPPENS_NEXT)).isEmpty();
    assertThat(passages(article, Section.KEY_TAKEAWAY)).hasSize(4);
    assertThat(passages(article, Section.FAQ)).hasSize(6);
  }

  @Test
  void toleratesSectionsInAnotherOrder() {
    String header = Seed.article().substring(0, Seed.lineStart(Seed.article(), "Key Takeaways"));
    String reordered =
        header
            + Seed.section("Frequently Asked Questions", "")
            + "\n"
            + Seed.section("Context & Background", "What Happens Next")
            + Seed.section("Key Takeaways", "Themes")
            + Seed.section("What Happens Next", "Frequently Asked Questions")
            + Seed.section("Deep Analysis", "Context & Background")
            + Seed.section("Themes", "Deep Analysis");

    Article original = article(Seed.article());
    Article article = article(reordered);

    assertThat(article.passages()).containsExactlyInAnyOrderElementsOf(original.passages());
    assertThat(article.passages().get(0).section()).isEqualTo(Section.FAQ);
    assertThat(article.entityNotes()).isEqualTo(original.entityNotes());
    assertThat(article.themes()).isEqualTo(original.themes());
  }

  @Test
  void toleratesEmptySections() {
    String seed = Seed.article();
    seed = seed.replace(Seed.section("Key Takeaways", "Themes"), "π Key Takeaways\n\n");
    seed = seed.replace(Seed.section("Why It Matters", "Context & Background"), "Why It Matters\n");

    ArticleParseResult result = parse(seed);

    assertThat(result.problems()).isEmpty();
    Article article = result.article().orElseThrow();
    assertThat(passages(article, Section.KEY_TAKEAWAY)).isEmpty();
    assertThat(passages(article, Section.WHY_IT_MATTERS)).isEmpty();
    assertThat(passages(article, Section.BACKGROUND)).hasSize(5);
  }

  @ParameterizedTest(name = "line ends {0}")
  @ValueSource(strings = {"CRLF", "CR"})
  void parsesWindowsAndOldMacLineEnds(String lineEnd) {
    String seed = Seed.article().replace("\n", lineEnd.equals("CRLF") ? "\r\n" : "\r");

    assertThat(parse(seed)).isEqualTo(parse(Seed.article()));
  }

  @Test
  void ignoresByteOrderMark() {
    assertThat(parse("\uFEFF" + Seed.article())).isEqualTo(parse(Seed.article()));
  }

  @Test
  void normalizesTabsNonBreakingSpacesTrailingBlanksAndCombiningAccents() {
    String seed =
        Seed.replace(
            Seed.article(),
            TITLE,
            "Amazon\u00A0secures landmark\t$138B AWS deal as OpenAI bets on Trainium \t ");
    seed =
        Seed.replace(
            seed, "- It highlights growing demand", "\n\n-\tIt  highlights growing demand");
    seed =
        Seed.replace(
            seed,
            "Cloud Computing, Artificial Intelligence",
            "Cloud Computing, Artificial Intelligence, Cafe\u0301 Society");

    Article article = article(seed);

    assertThat(article.title()).isEqualTo(TITLE);
    assertThat(texts(article, Section.KEY_TAKEAWAY))
        .contains("It highlights growing demand for specialized AI hardware.");
    assertThat(article.themes())
        .containsExactly("Cloud Computing", "Artificial Intelligence", "Caf\u00E9 Society");
  }

  @Test
  void warnsAboutTextBeforeTheFirstHeading() {
    String seed = Seed.replace(Seed.article(), "#hardware\n", "#hardware\nBy our AI desk\n\n");

    ArticleParseResult result = parse(seed);

    assertThat(result.problems())
        .extracting(IngestProblem::toString)
        .containsExactly("WARN  " + FILE + ":3: text before the first heading is ignored");
    assertThat(result.article().orElseThrow().passages()).hasSize(21);
  }

  @Test
  void warnsAboutTextRightUnderDeepAnalysis() {
    String seed =
        Seed.replace(Seed.article(), "Deep Analysis\n", "Deep Analysis\nAnalysis by the desk\n");

    assertThat(parse(seed).problems())
        .extracting(IngestProblem::toString)
        .containsExactly("WARN  " + FILE + ":27: text right under 'Deep Analysis' is ignored");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "first line removed     | 1 | 1 | no title: the first line is a hashtag line",
        "two first lines gone   | 2 | 1 | no title: the first line is the 'Key Takeaways' heading",
        "everything but blanks  | 0 | 0 | no title: the file is empty",
      })
  void skipsArticleWithoutTitle(String variant, int linesRemoved, int line, String reason) {
    String seed =
        linesRemoved == 0
            ? " \n\t\n"
            : Seed.article().lines().skip(linesRemoved).collect(Collectors.joining("\n"));

    ArticleParseResult result = parse(seed);

    assertThat(result.article()).isEmpty();
    assertThat(result.problems()).containsExactly(new IngestProblem(FILE, line, reason, true));
  }

  @Test
  void skipsArticleWithoutPassages() {
    String seed =
        Seed.article().substring(0, Seed.lineStart(Seed.article(), "Key Takeaways"))
            + Seed.section("Themes", "Related People")
            + Seed.section("Entity Intersection Graph", "Why It Matters");

    ArticleParseResult result = parse(seed);

    assertThat(result.article()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(
                FILE, 0, "no passages: no text under any heading that holds passages", true));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Published: 2025-11-03           | 2025-11-03T00:00:00Z",
        "Date: 2025-11-03T10:15:00Z      | 2025-11-03T10:15:00Z",
        "published: 2025-11-03T10:15:00  | 2025-11-03T10:15:00Z",
        "Date: 2025-11-03T12:15:00+02:00 | 2025-11-03T10:15:00Z",
      })
  void readsPublishedDateFromTheHeader(String dateLine, Instant published) {
    String seed = Seed.replace(Seed.article(), "#hardware\n", "#hardware\n" + dateLine + "\n");

    assertThat(article(seed).published()).isEqualTo(published);
  }

  @Test
  void fallsBackToFileTimeForUnreadableDate() {
    String seed =
        Seed.replace(Seed.article(), "#hardware\n", "#hardware\nPublished: 3 November 2025\n");

    ArticleParseResult result = parse(seed);

    assertThat(result.article().orElseThrow().published()).isEqualTo(FILE_TIME);
    assertThat(result.problems())
        .extracting(IngestProblem::toString)
        .containsExactly(
            "WARN  "
                + FILE
                + ":3: unreadable date '3 November 2025', expected e.g. 2025-11-03 or 2025-11-03T10:15:00Z; using the file time");
  }

  @Test
  void splitsLongPassagesAtSentenceEnds() {
    String paragraph = texts(article(Seed.article()), Section.WHY_IT_MATTERS).get(0);
    String longParagraph = String.join(" ", paragraph, paragraph, paragraph, paragraph);
    String seed = Seed.replace(Seed.article(), paragraph, longParagraph);

    List<Passage> parts = passages(article(seed), Section.WHY_IT_MATTERS);

    assertThat(longParagraph).hasSizeGreaterThan(2 * ArticleParser.MAX_PASSAGE_CHARS);
    assertThat(parts).hasSize(3).extracting(Passage::position).containsExactly(0, 1, 2);
    assertThat(parts)
        .allSatisfy(
            part -> {
              assertThat(part.text())
                  .hasSizeLessThanOrEqualTo(ArticleParser.MAX_PASSAGE_CHARS)
                  .endsWith(".");
            });
    assertThat(parts.stream().map(Passage::text).collect(Collectors.joining(" ")))
        .isEqualTo(longParagraph);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "aws-openai-trainium.txt | aws-openai-trainium",
        "Notes.TXT               | Notes",
        "no-extension            | no-extension",
      })
  void takesArticleIdFromFileName(String fileName, String id) {
    assertThat(ArticleParser.articleId(Path.of("knowledge/articles", fileName))).isEqualTo(id);
  }
}
