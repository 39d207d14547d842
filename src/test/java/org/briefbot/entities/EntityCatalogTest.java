package org.briefbot.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.briefbot.TestKnowledge;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntityCatalogTest {
  private final EntityCatalog seed =
      EntityCatalog.build(new KnowledgeLoader().load(TestKnowledge.SHIPPED));

  @Test
  void mergesCuratedAliasesWithTheArticleNote() {
    Entity aws = seed.find("AWS").orElseThrow();
    assertThat(aws.name()).isEqualTo("Amazon Web Services");
    assertThat(aws.summary())
        .startsWith("Amazon Web Services, Inc. (AWS) is a subsidiary of Amazon");
    assertThat(aws.articleIds()).containsExactly("aws-openai-trainium");
  }

  @Test
  void learnsAnAcronymThatStandsForTheName() {
    assertThat(seed.find("ML")).map(Entity::name).contains("Machine learning");
  }

  @Test
  void ignoresAParenthesisedAcronymOfAnotherPhrase() {
    // The OpenAI note says "artificial intelligence (AI)": AI is not a name of OpenAI.
    assertThat(seed.find("AI")).isEmpty();
    assertThat(seed.find("OpenAI").orElseThrow().aliases()).doesNotContain("AI");
  }

  @Test
  void findsMisspeltNamesOnlyWhenAskedLeniently() {
    assertThat(seed.find("anapurna labs")).isEmpty();
    assertThat(seed.findLenient("anapurna labs")).map(Entity::name).contains("Annapurna Labs");
    assertThat(seed.findLenient("was")).isEmpty();
  }

  /** Two letters swapped is one slip of the fingers, not two edits: "boieng" is Boeing. */
  @Test
  void findsANameWithTwoNeighbouringLettersSwapped() {
    assertThat(seed.findLenient("annapunra labs")).map(Entity::name).contains("Annapurna Labs");
    assertThat(seed.findLenient("annapruna labs")).map(Entity::name).contains("Annapurna Labs");
    assertThat(seed.findLenient("annaupnra labs")).isEmpty();
  }

  @Test
  void findsAPersonBySurnameOnlyWhenNoOtherEntityHasThatWord(@TempDir Path dir) throws IOException {
    TestKnowledge.write(
        dir.resolve("entities/people.yaml"),
        """
        entities:
          - name: Christine Lagarde
            kind: person
            summary: President of the European Central Bank.
          - name: Jane Moreau
            kind: person
            summary: A central banker.
          - name: Paul Moreau
            kind: person
            summary: An economist.
          - name: Klein Partners
            kind: company
            summary: A law firm.
          - name: Anna Klein
            kind: person
            summary: A lawyer.
          - name: Huang Robotics
            kind: company
            summary: A robot maker.
        """);
    EntityCatalog people = EntityCatalog.build(new KnowledgeLoader().load(dir));

    assertThat(people.findBySurname("lagarde")).map(Entity::name).contains("Christine Lagarde");
    assertThat(people.findBySurname("LAGARDE’s")).map(Entity::name).contains("Christine Lagarde");
    // Two people share it, a company has it too, or it is no person's surname.
    assertThat(people.findBySurname("Moreau")).isEmpty();
    assertThat(people.findBySurname("Klein")).isEmpty();
    assertThat(people.findBySurname("Huang")).isEmpty();
    assertThat(people.findBySurname("Christine")).isEmpty();
    assertThat(people.findBySurname("Christine Lagarde")).isEmpty();
    assertThat(people.find("lagarde")).isEmpty();
  }

  @Test
  void linksTheLongestNameFirst() {
    assertThat(seed.mentionedIn("Amazon Web Services and Amazon").stream().map(Entity::name))
        .containsExactly("Amazon Web Services", "Amazon");
  }

  @Test
  void entitiesOfAnArticleAreRelated() {
    assertThat(seed.find("OpenAI").orElseThrow().related())
        .contains("Amazon Web Services", "NVIDIA", "Microsoft");
  }

  @Test
  void entityInTwoArticlesIsOneEntityThatKnowsBoth(@TempDir Path dir) throws IOException {
    TestKnowledge.copyShipped(dir);
    TestKnowledge.write(dir.resolve("articles/azure-norway.txt"), TestKnowledge.SECOND_ARTICLE);
    Knowledge knowledge = new KnowledgeLoader().load(dir);
    EntityCatalog catalog = EntityCatalog.build(knowledge);

    Entity azure = catalog.find("Azure").orElseThrow();
    assertThat(azure.name()).isEqualTo("Microsoft Azure");
    assertThat(azure.articleIds()).containsExactly("aws-openai-trainium", "azure-norway");
    assertThat(catalog.all().stream().filter(e -> e.name().equalsIgnoreCase("Microsoft Azure")))
        .hasSize(1);
    assertThat(catalog.find("Microsoft Azure").orElseThrow().related())
        .as("its note says it is operated by Microsoft; OpenAI is in the other article")
        .contains("Microsoft")
        .doesNotContain("Statkraft");
    assertThat(catalog.find("Statkraft").orElseThrow().related())
        .as("the Norway article names it in no passage with another entity")
        .isEmpty();
  }
}
