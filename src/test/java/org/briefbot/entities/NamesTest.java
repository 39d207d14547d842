package org.briefbot.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Amazon's  Web-Services",
        "AT&T's deal",
        "ab'sc",
        "ab's&c",
        "x's_y",
        "It'S",
        "'s",
        "don't",
        "",
        "  --  ",
        "O'Neill's 3rd-quarter (AWS) results!",
        "under_score words",
        "AWS's Trainium chips, 80% share.",
        "trailing '",
        "'s'"
      })
  void asciiFastPathTokenisesLikeTheUnicodePath(String text) {
    assertThat(Names.asciiTokens(text)).isEqualTo(Names.unicodeTokens(text));
  }

  @Test
  void asciiFastPathTokenisesTheSeedLikeTheUnicodePath() throws Exception {
    for (String line : Files.readAllLines(Path.of("knowledge/articles/aws-openai-trainium.txt"))) {
      if (line.chars().allMatch(c -> c < 0x80)) {
        assertThat(Names.asciiTokens(line)).as(line).isEqualTo(Names.unicodeTokens(line));
      }
    }
  }

  @Test
  void foldsAccentsOnTheUnicodePath() {
    assertThat(Names.tokens("Société Générale’s bank"))
        .containsExactly("societe", "generale", "bank");
  }
}
