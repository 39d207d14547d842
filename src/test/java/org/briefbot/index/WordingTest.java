package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordingTest {
  private static final String MARCH =
      "The bank cut its main rate to  3.50%, from 3.75%, in its first cut this year.";

  @Test
  void figuresCaseAndSpacingAreLeftOut() {
    assertThat(
            Wording.of(
                    "THE BANK cut its main rate to 3.00%, from 3.2%, in its first cut this year.")
                .copies(Wording.of(MARCH)))
        .isTrue();
  }

  @Test
  void oneDetailChangedIsACopyTwoAreNot() {
    assertThat(
            Wording.of(
                    "The bank cut its main rate to 3.25%, from 3.50%, in its second cut this year.")
                .copies(Wording.of(MARCH)))
        .isTrue();
    assertThat(
            Wording.of(
                    "The bank raised its main rate to 3.25%, from 3.50%, in its second cut this year.")
                .copies(Wording.of(MARCH)))
        .isFalse();
    assertThat(
            Wording.of(
                    "The bank cut its main rate to 3.25% from 3.50%, in its first cut this year.")
                .copies(Wording.of(MARCH)))
        .isTrue();
  }

  @Test
  void textsOfOtherLengthsOrShortOnesAreNeverCopies() {
    assertThat(Wording.of(MARCH + " Markets rose.").copies(Wording.of(MARCH))).isFalse();
    assertThat(
            Wording.of("Not yet, said the governor.")
                .copies(Wording.of("Not yet, said the governor.")))
        .isFalse();
    assertThat(Wording.of(MARCH).half(0)).isEqualTo(Wording.of(MARCH.toUpperCase()).half(0));
  }
}
