package org.briefbot.entities;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityKindTest {
  /** The descriptions of the seven news articles in shared/articles and the held-out two. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "President of the European Central Bank | PERSON",
        "Co-founder and chief executive of Nvidia | PERSON",
        "Former Governor of the Bank of Japan | PERSON",
        "Azerbaijani politician | PERSON",
        "United States district judge | PERSON",
        "Executive Secretary of UN Climate Change | PERSON",
        "Central bank of the eurozone | ORGANISATION",
        "Central banking system of the United States | ORGANISATION",
        "Federal executive department of the United States | ORGANISATION",
        "Export-control agency of the US Commerce Department | ORGANISATION",
        "Professional basketball league in North America | ORGANISATION",
        "Dutch dockworkers' trade union | ORGANISATION",
        "Artificial intelligence research organization | ORGANISATION",
        "American multinational technology company | COMPANY",
        "Container terminal operator in Rotterdam | COMPANY",
        "Norwegian vaccine maker | COMPANY",
        "Major American airline | COMPANY",
        "On-demand cloud computing provider | COMPANY",
        "Streaming service owned by Amazon | PRODUCT",
        "Narrow-body airliner series | PRODUCT",
        "Driverless transport vehicle | PRODUCT",
        "Largest seaport in Europe | PLACE",
        "Study of algorithms that improve automatically through experience | TOPIC",
        "Common respiratory virus | TOPIC",
        "International treaty on climate change | TOPIC",
        "1890 United States federal law | TOPIC",
        "company | COMPANY",
        "Organization | ORGANISATION",
        "topic | TOPIC",
      })
  void readsTheKindFromTheNounADescriptionIsAbout(String description, EntityKind kind) {
    assertThat(EntityKind.of(description)).isEqualTo(kind);
  }
}
