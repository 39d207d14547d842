package org.briefbot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityFileParserTest {
  private static final Path FILE = Path.of("knowledge/entities/companies.yaml");

  private final EntityFileParser parser = new EntityFileParser();

  @Test
  void parsesShippedEntityFile() {
    FileParseResult<EntityEntry> result = parser.parse(Seed.ENTITIES, Seed.read(Seed.ENTITIES));

    assertThat(result.problems()).isEmpty();
    assertThat(result.items())
        .extracting(EntityEntry::name, EntityEntry::kind)
        .containsExactly(
            tuple("Amazon Web Services", "company"),
            tuple("Amazon", "company"),
            tuple("OpenAI", "company"),
            tuple("Annapurna Labs", "company"),
            tuple("Trainium", "product"),
            tuple("NVIDIA", "company"),
            tuple("Microsoft", "company"),
            tuple("Microsoft Azure", "product"),
            tuple("Google Cloud", "product"),
            tuple("Machine learning", "topic"));
    assertThat(result.items().get(0).aliases()).containsExactly("AWS", "Amazon Web Services Inc.");
    // The article's own notes supply these summaries; the catalogue merges them.
    assertThat(result.items())
        .filteredOn(entry -> entry.summary().isEmpty())
        .extracting(EntityEntry::name)
        .containsExactly("Amazon Web Services", "OpenAI", "Annapurna Labs", "Machine learning");
  }

  @Test
  void readsAliasesAsListOrSingleTextAndDefaultsKindAndSummary() {
    String content =
        """
        entities:
          - name: Amazon Web Services
            aliases: [AWS, Amazon Web Services Inc.]
            kind: company
            summary: "Amazon's cloud computing subsidiary."
          - name: Trainium
            aliases: Trainium chips
        """;

    FileParseResult<EntityEntry> result = parser.parse(FILE, content);

    assertThat(result.problems()).isEmpty();
    assertThat(result.items())
        .containsExactly(
            new EntityEntry(
                "Amazon Web Services",
                List.of("AWS", "Amazon Web Services Inc."),
                "company",
                "Amazon's cloud computing subsidiary."),
            new EntityEntry("Trainium", List.of("Trainium chips"), "", ""));
  }

  @Test
  void skipsEntryWithoutNameAndLoadsTheRest() {
    String content =
        """
        entities:
          - name: OpenAI
          - aliases: [Nvidia]
            kind: company
            sumary: GPU maker
          - name: Microsoft
        """;

    FileParseResult<EntityEntry> result = parser.parse(FILE, content);

    assertThat(result.items()).extracting(EntityEntry::name).containsExactly("OpenAI", "Microsoft");
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(FILE, 3, "unknown key 'sumary' ignored", false),
            new IngestProblem(FILE, 3, "entity skipped: no 'name'", false));
  }

  @Test
  void failsWholeFileOnYamlSyntaxErrorWithItsLine() {
    String content =
        """
        entities:
          - name: OpenAI
            aliases: [ChatGPT maker
          - name: Microsoft
        """;

    FileParseResult<EntityEntry> result = parser.parse(FILE, content);

    assertThat(result.items()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.fatal()).isTrue();
              assertThat(problem.line()).isEqualTo(3);
              assertThat(problem.reason())
                  .isEqualTo(
                      "YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence)");
            });
  }

  @Test
  void skipsEntryWhoseAliasesAreNotTexts() {
    FileParseResult<EntityEntry> result =
        parser.parse(FILE, "entities:\n  - name: AWS\n    aliases: {short: AWS}\n");

    assertThat(result.items()).isEmpty();
    assertThat(result.problems())
        .containsExactly(
            new IngestProblem(
                FILE,
                2,
                "entity skipped: 'name', 'kind' and 'summary' must be text, 'aliases' a list of texts",
                false));
  }
}
