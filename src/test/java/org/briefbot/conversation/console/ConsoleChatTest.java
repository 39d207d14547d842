package org.briefbot.conversation.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LoadedLibrary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsoleChatTest {
  private final LoadedLibrary core = TestKnowledge.shippedCore();

  @AfterEach
  void close() {
    core.close();
  }

  @Test
  void pipedChatWelcomesAnswersEachLineAndSaysBye() {
    String out =
        chat(
            "How much is the AWS deal worth?\nWho won the 2018 World Cup?\n/entity annapurna labs\n");
    assertThat(out).startsWith("briefbot: ask me about 1 article and ");
    assertThat(out).contains("$138 billion").contains("About:").contains("* Amazon Web Services");
    assertThat(out).contains("Sorry, I don't know the answer to that");
    assertThat(out).contains("Annapurna Labs (");
    assertThat(out).endsWith("Bye.\n");
    assertThat(out).doesNotContain("\u001b[");
  }

  @Test
  void aQuestionThatCameCloseIsDeclinedWithTheClosestSentence() {
    String out = chat("how many people work at aws\n");
    assertThat(out)
        .contains(
            "I'm not sure my articles answer that. The closest passage I found:\n  This landmark $138 billion AWS deal");
    assertThat(out).contains("I can tell you about:\n  - Amazon secures landmark");
  }

  @Test
  void quitEndsTheChatBeforeLaterLines() {
    String out = chat("/quit\nHow much is the AWS deal worth?\n");
    assertThat(out).doesNotContain("138").endsWith("Bye.\n");
  }

  @Test
  void hugeMessageGetsANoticeAndTheChatGoesOn() {
    String out = chat("z".repeat(10_000) + "\n/help\n");
    assertThat(out)
        .contains("(Your message is long, so I read its first 1000 characters.)")
        .contains("/entity NAME");
  }

  private String chat(String input) {
    StringWriter out = new StringWriter();
    new ConsoleChat(core.conversation(), false)
        .run(new BufferedReader(new StringReader(input)), new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
