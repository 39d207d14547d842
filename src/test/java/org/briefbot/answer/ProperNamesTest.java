package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProperNamesTest {
  @Test
  void findsRunsOfCapitalisedWordsButNotTheSentenceOpener() {
    assertThat(
            ProperNames.in(
                "It directly impacts enterprise customers, cloud competitors like Microsoft Azure and Google Cloud."))
        .containsExactly("Microsoft Azure", "Google Cloud");
    assertThat(ProperNames.in("Industry analysts expect Microsoft to respond with counter-offers."))
        .containsExactly("Microsoft");
  }

  @Test
  void keepsANameThatOpensTheSentenceWhenItHasTwoWords() {
    assertThat(ProperNames.in("Annapurna Labs is an Israeli microelectronics company."))
        .containsExactly("Annapurna Labs", "Israeli");
  }

  @Test
  void skipsMonthsAndCapitalisedFunctionWords() {
    assertThat(ProperNames.in("The deal was signed in January by The Company."))
        .isEqualTo(List.of("Company"));
  }

  @Test
  void newNamesAreThoseTheQuestionDoesNotHold() {
    assertThat(
            ProperNames.newIn(
                "OpenAI previously relied heavily on Microsoft Azure infrastructure.",
                "did openai rely on microsoft azure"))
        .isEmpty();
    assertThat(
            ProperNames.newIn(
                "Annapurna Labs is an Israeli microelectronics company.",
                "who owns annapurna labs"))
        .containsExactly("Israeli");
  }
}
