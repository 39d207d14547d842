package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StaticFilesTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The API sends section keys; the page shows each as the heading the articles use. */
  @ParameterizedTest
  @EnumSource(Section.class)
  void thePageLabelsEverySectionAsTheArticlesDo(Section section) throws IOException {
    assertThat(resource("chat.js"))
        .contains("    " + section.key() + ": \"" + section.label() + "\"");
  }

  @Test
  void thePageNeverPutsServerTextInAsMarkup() throws IOException {
    assertThat(resource("chat.js"))
        .doesNotContain("innerHTML", "insertAdjacentHTML", "document.write");
  }
}
