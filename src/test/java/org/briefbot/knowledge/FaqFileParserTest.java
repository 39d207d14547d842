package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaqFileParserTest {
  private static final Path FILE = Path.of("knowledge/faq/aws-deal.yaml");

  private final FaqFileParser parser = new FaqFileParser();

  private static String yaml(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void parsesShippedFaqFile() {
    FileParseResult<FaqItem> result = parser.parse(Seed.FAQ, Seed.read(Seed.FAQ));

    assertThat(result.problems()).isEmpty();
    assertThat(result.items())
        .hasSize(5)
        .allSatisfy(
            item -> {
              assertThat(item.article()).contains("aws-openai-trainium");
              assertThat(item.questions()).isNotEmpty();
            });
    FaqItem first = result.items().get(0);
    assertThat(first.id()).isEqualTo("aws-openai-trainium#0");
    assertThat(first.questions()).startsWith("How much is the AWS deal worth?");
    assertThat(first.answer()).startsWith("Amazon secures a $138 billion AWS deal with OpenAI.");
  }

  @Test
  void everyShippedAnswerSentenceComesFromTheSeedArticle() {
    String seed = Text.normalize(Seed.article());

    for (FaqItem item : parser.parse(Seed.FAQ, Seed.read(Seed.FAQ)).items()) {
      assertThat(Text.sentences(item.answer()))
          .allSatisfy(sentence -> assertThat(seed).contains(sentence.replaceAll("\\.$", "")));
    }
  }

  @Test
  void readsQuestionListSingleQuestionArticleAndEntities() {
    String content =
        yaml(
            "items:",
            "  - questions: [\"How much is the AWS deal worth?\", \"What is the deal size?\"]",
            "    answer: \"Amazon's deal with OpenAI is worth $138 billion.\"",
            "    article: aws-openai-trainium",
            "    entities: [Amazon Web Services, OpenAI]",
            "  - question: What are Trainium chips?",
            "    answer: >-",
            "      Amazon's custom-designed",
            "      AI accelerators.");

    FileParseResult<FaqItem> result = parser.parse(FILE, content);

    assertThat(result.problems()).isEmpty();
    assertThat(result.items())
        .containsExactly(
            new FaqItem(
                "aws-deal#0",
                List.of("How much is the AWS deal worth?", "What is the deal size?"),
                "Amazon's deal with OpenAI is worth $138 billion.",
                Optional.of("aws-openai-trainium"),
                List.of("Amazon Web Services", "OpenAI")),
            new FaqItem(
                "aws-deal#1",
                List.of("What are Trainium chips?"),
                "Amazon's custom-designed AI accelerators.",
                Optional.empty(),
                List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unclosed quote        | 'items:\n  - question: \"How much?\n    answer: x\n'                    | 2",
        "bad indentation       | 'items:\n  - question: How much?\n   answer: x: y\n'                    | 3",
        "unclosed flow list    | 'items:\n  - questions: [How much?\n    answer: x\n'                     | 2",
        "unclosed single quote | 'items:\n  - question: a\n    answer: ''x\n  - question: b\n'           | 3",
        "tab indentation       | 'items:\n\t- question: How much?\n'                                    | 2",
      })
  void failsWholeFileOnYamlSyntaxErrorWithItsLine(String variant, String content, int line) {
    FileParseResult<FaqItem> result = parser.parse(FILE, content);

    assertThat(result.items()).isEmpty();
    assertThat(result.skipped()).isTrue();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.fatal()).isTrue();
              assertThat(problem.line()).isEqualTo(line);
              assertThat(problem.reason()).startsWith("YAML syntax error: ");
            });
  }

  @Test
  void namesTheYamlProblemInPlainWords() {
    FileParseResult<FaqItem> result =
        parser.parse(FILE, yaml("items:", "  - question: \"How much?", "    answer: x"));

    assertThat(result.problems())
        .extracting(IngestProblem::toString)
        .containsExactly(
            "ERROR "
                + FILE
                + ":2: YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)");
  }

  @Test
  void failsWholeFileOnDuplicateKey() {
    FileParseResult<FaqItem> result =
        parser.parse(
            FILE, yaml("items:", "  - question: How much?", "    answer: a", "    answer: b"));

    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(FILE, 4, "YAML syntax error: Duplicate field 'answer'", true));
  }

  @Test
  void skipsItemWithoutAnswerAndLoadsTheRest() {
    String content =
        yaml(
            "items:",
            "  - question: How much is the AWS deal worth?",
            "    answer: $138 billion.",
            "  - question: What are Trainium chips?",
            "    anwser: Amazon's AI accelerators.",
            "  - question: Who makes GPUs?",
            "    answer: NVIDIA.");

    FileParseResult<FaqItem> result = parser.parse(FILE, content);

    assertThat(result.items()).extracting(FaqItem::id).containsExactly("aws-deal#0", "aws-deal#2");
    assertThat(result.skipped()).isFalse();
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(FILE, 4, "unknown key 'anwser' ignored", false),
            new IngestProblem(FILE, 4, "item skipped: no 'answer'", false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no question          | '  - answer: $138 billion.'                      | item skipped: no 'question' or 'questions'",
        "blank questions      | '  - questions: [\"\", \" \"]\n    answer: x'     | item skipped: no 'question' or 'questions'",
        "not a mapping        | '  - How much is the deal worth?'                | item skipped: expected keys 'question' and 'answer'",
        "answer is a list     | '  - question: How much?\n    answer: [a, b]'    | item skipped: 'question' and 'answer' must be text, 'questions' a list of texts",
        "entities is mapping  | '  - question: How much?\n    answer: a\n    entities: {a: b}' | item skipped: 'entities' must be a list of names",
      })
  void skipsMalformedItemWithWarningNamingTheProblem(String variant, String item, String reason) {
    FileParseResult<FaqItem> result = parser.parse(FILE, "items:\n" + item + "\n");

    assertThat(result.items()).isEmpty();
    assertThat(result.problems()).containsExactly(new IngestProblem(FILE, 2, reason, false));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "items not a list     | 'items: some text\n'    | 1 | true  | 'items' must be a list",
        "top level is a list  | '- question: a\n'       | 1 | true  | expected a mapping with a top-level 'items:' list",
        "empty file           | '# nothing yet\n'       | 0 | false | the file is empty",
      })
  void reportsFilesWithoutItemList(
      String variant, String content, int line, boolean fatal, String reason) {
    FileParseResult<FaqItem> result = parser.parse(FILE, content);

    assertThat(result.items()).isEmpty();
    assertThat(result.problems()).containsExactly(new IngestProblem(FILE, line, reason, fatal));
  }

  @Test
  void failsFileWithoutItemsKey() {
    FileParseResult<FaqItem> result = parser.parse(FILE, yaml("questions:", "  - How much?"));

    assertThat(result.items()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(FILE, 1, "unknown top-level key 'questions' ignored", false),
            new IngestProblem(FILE, 0, "no top-level 'items:' list", true));
  }

  @Test
  void warnsAboutUnknownTopLevelKey() {
    FileParseResult<FaqItem> result =
        parser.parse(FILE, yaml("version: 2", "items:", "  - question: a?", "    answer: b"));

    assertThat(result.items()).hasSize(1);
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(FILE, 1, "unknown top-level key 'version' ignored", false));
  }

  @Test
  void turnsItemIntoCuratedPassage() {
    FaqItem item =
        new FaqItem(
            "aws-deal#3",
            List.of("How much?"),
            "$138 billion.",
            Optional.of("aws-openai-trainium"),
            List.of("OpenAI"));

    assertThat(item.toPassage("Amazon secures landmark $138B AWS deal"))
        .isEqualTo(
            new Passage(
                "aws-deal#curated_faq#3",
                "aws-openai-trainium",
                "Amazon secures landmark $138B AWS deal",
                Section.CURATED_FAQ,
                3,
                "$138 billion.",
                List.of("How much?"),
                List.of("OpenAI")));
    assertThat(
            new FaqItem("general#0", List.of("q?"), "a", Optional.empty(), List.of())
                .toPassage(FaqItem.NO_ARTICLE_TITLE))
        .extracting(Passage::articleId, Passage::articleTitle)
        .containsExactly("faq", "FAQ");
  }
}
