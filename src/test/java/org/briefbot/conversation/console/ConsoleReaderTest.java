package org.briefbot.conversation.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console chat with the seed and the ECB article (see src/test/resources/articles/README.md):
 * the same small talk, entity suggestions and article links as on Telegram.
 */
class ConsoleReaderTest {
  private static LiveLibrary library;

  @BeforeAll
  static void load(@TempDir Path knowledge) throws IOException {
    TestKnowledge.copyShippedWithEcb(knowledge);
    library = TestConfig.live(TestConfig.defaults(), knowledge);
  }

  @AfterAll
  static void close() {
    library.close();
  }

  @Test
  void greetsWithExampleQuestionsFromTheArticles() {
    assertThat(chat("hi\n"))
        .contains("Hi! I answer questions about the news articles in my library. For example:\n")
        // One example from each article; which article is newest depends on the copies' times.
        .containsPattern("\n  [123]\\. How much is the AWS deal worth\\?\n")
        .containsPattern("\n  [123]\\. Tell me about European Central Bank\n")
        .doesNotContain("Sorry");
  }

  @Test
  void repliesInEnglishToAMessageInAnotherLanguage() {
    assertThat(chat("Wie stark hat die Europäische Zentralbank den Einlagensatz gesenkt?\n"))
        .contains(
            "Sorry, I answer in English only (that looks like German). Please ask in English."
                + " For example:\n  1. ");
  }

  @Test
  void suggestsEntitiesForAnUnknownNameAndFindsOneByItsNotesAlias() {
    assertThat(chat("/entity reserve\n/entity the fed\n"))
        .contains(
            "I don't know \"reserve\". Did you mean:\n  1. Federal Reserve (organisation · 1 article)\n")
        .contains(
            "Federal Reserve (organisation · Central banking system of the United States)\n"
                + "The Federal Reserve System (often shortened to the Fed) is");
  }

  @Test
  void saysWhenNoNoteHasTheNameAskedFor() {
    assertThat(chat("/entity valdoria\n"))
        .contains("(I have no note on \"valdoria\": /entities lists the ones I have.)\n")
        .doesNotContain("Did you mean");
  }

  @Test
  void showsAPersonAskedForBySurname() {
    assertThat(chat("/entity lagarde\n"))
        .contains("\nChristine Lagarde (person · President of the European Central Bank)\n")
        .doesNotContain("Did you mean");
  }

  @Test
  void showsTheArticlesLinkUnderTheSource() {
    assertThat(chat("What is eurozone inflation now?\n"))
        .contains(
            "  -- ECB cuts deposit rate to 2.25% as eurozone inflation cools toward target / ")
        .contains("\n     https://example.com/news/ecb-rate-cut-june\n");
  }

  private static String chat(String input) {
    StringWriter out = new StringWriter();
    new ConsoleChat(library, false)
        .run(new BufferedReader(new StringReader(input)), new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
