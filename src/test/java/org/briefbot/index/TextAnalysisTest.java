package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {
  private final TextAnalysis analysis = new TextAnalysis();

  @Test
  void termsKeepFunctionWordsTheStopListLacks() {
    assertThat(analysis.terms("how many satellites does Tavra have up there"))
        .containsExactly("satellit", "tavra", "up");
  }

  @Test
  void contentTermsLeaveOutSnowballsFunctionWords() {
    assertThat(analysis.contentTerms("how many satellites does Tavra have up there"))
        .containsExactly("satellit", "tavra");
    assertThat(analysis.contentTerms("how much of Tancap does its founder own again"))
        .containsExactly("tancap", "founder");
  }
}
