package org.briefbot.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.briefbot.TestKnowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the catalog learns from the notes of real articles: the seed and the ECB article (see
 * src/test/resources/articles/README.md).
 */
class EntityNotesCatalogTest {
  private static EntityCatalog catalog;

  @BeforeAll
  static void build(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShippedWithEcb(dir);
    catalog = EntityCatalog.build(new KnowledgeLoader().load(dir));
  }

  @ParameterizedTest
  @CsvSource({
    "fed, Federal Reserve",
    "the Fed, Federal Reserve",
    "ECB, European Central Bank",
    "euro area, Eurozone",
    "AWS, Amazon Web Services",
    "ML, Machine learning"
  })
  void findsAnEntityByTheOtherNamesItsNoteGivesIt(String alias, String name) {
    assertThat(catalog.find(alias)).map(Entity::name).contains(name);
  }

  @Test
  void takesNoAliasFromALaterSentenceOrAnotherPhrase() {
    assertThat(catalog.find("Eurosystem")).isEmpty();
    assertThat(catalog.find("ESCB")).isEmpty();
    assertThat(catalog.find("European Central Bank").orElseThrow().aliases())
        .containsExactly("ECB");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Christine Lagarde | person | President of the European Central Bank",
        "European Central Bank | organisation | Central bank of the eurozone",
        "Federal Reserve | organisation | Central banking system of the United States",
        "Eurozone | organisation | Monetary union of 20 EU member states",
        "Annapurna Labs | company | Israel-based microelectronics company",
        "Amazon Web Services | company | On-demand cloud computing provider",
        "Machine learning | topic | Study of algorithms that improve automatically through experience",
        "Trainium | product | ''",
      })
  void mapsKindsToAFewAndKeepsTheArticlesWordsAsTheDescription(
      String name, String kind, String description) {
    Entity entity = catalog.find(name).orElseThrow();
    assertThat(entity.kind()).isEqualTo(kind);
    assertThat(entity.description()).isEqualTo(description);
  }

  @Test
  void everyKindIsOneOfTheFew() {
    assertThat(catalog.all())
        .allSatisfy(e -> assertThat(EntityKind.parse(e.kind())).as(e.name()).isPresent());
  }

  @Test
  void relatedEntitiesShareAPassageStrongestFirst() {
    // The ECB and the Fed are named together in two passages (Why It Matters, an FAQ answer), the
    // ECB and Lagarde in one (her note).
    assertThat(catalog.find("European Central Bank").orElseThrow().related())
        .containsExactly("Federal Reserve", "Christine Lagarde");
    assertThat(catalog.find("Christine Lagarde").orElseThrow().related())
        .containsExactly("European Central Bank");
    assertThat(catalog.find("Eurozone").orElseThrow().related()).isEmpty();
  }

  @Test
  void noSeedEntityIsRelatedToEveryOther() {
    int others =
        (int)
                catalog.all().stream()
                    .filter(e -> e.articleIds().contains("aws-openai-trainium"))
                    .count()
            - 1;
    assertThat(catalog.all())
        .filteredOn(e -> e.articleIds().contains("aws-openai-trainium"))
        .allSatisfy(e -> assertThat(e.related()).as(e.name()).hasSizeLessThan(others));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nvdia corp | NVIDIA",
        "reserve | Federal Reserve",
        "lagard christine | Christine Lagarde",
        "microsfot | Microsoft",
        "annapurn | Annapurna Labs",
        "anapurna | Annapurna Labs",
        "lagard | Christine Lagarde",
      })
  void suggestsTheClosestNamesForOneItDoesNotKnow(String asked, String first) {
    assertThat(catalog.similar(asked, 3)).first().extracting(Entity::name).isEqualTo(first);
  }

  @Test
  void suggestsNothingForANameLikeNoOther() {
    assertThat(catalog.similar("xyzzy", 3)).isEmpty();
    assertThat(catalog.similar("", 3)).isEmpty();
  }
}
