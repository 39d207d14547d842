package org.briefbot.conversation.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Recorder;
import org.briefbot.store.Channel;
import org.briefbot.store.ChannelUse;
import org.briefbot.store.LoggedQuestion;
import org.briefbot.store.ResilientStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console chat over a live library on a copy of the shipped knowledge: each test reads what a
 * reader typing those lines would see.
 */
class ConsoleChatTest {
  private static final Path ECB = TestKnowledge.ECB_ARTICLE;

  @TempDir Path knowledge;
  private LiveLibrary library;

  @BeforeEach
  void load() throws IOException {
    TestKnowledge.copyShipped(knowledge);
    library = TestConfig.live(TestConfig.defaults(), knowledge);
  }

  @AfterEach
  void close() {
    library.close();
  }

  @Test
  void pipedChatWelcomesAnswersEachLineAndSaysBye() {
    String out =
        chat(
            "How much is the AWS deal worth?\nWho won the 2018 World Cup?\n/entity annapurna labs\n");
    assertThat(out).startsWith("briefbot: ask me about 1 article and ");
    assertThat(out).contains("$138 billion").contains("About: Amazon Web Services (company)");
    assertThat(out).contains("Sorry, I don't know the answer to that");
    assertThat(out).contains("Annapurna Labs (");
    assertThat(out).endsWith("Bye.\n");
    assertThat(out).doesNotContain("\u001b[").doesNotContain("confidence");
  }

  @Test
  void answerLeadsWithTheSentenceThatAnswersAndOffersTheWholePassage() {
    String question = "When will the migration to AWS start?";
    String key = library.current().answerer().answer(question).best().orElseThrow().keySentence();

    String out = chat(question + "\n");

    String answer = out.lines().skip(1).findFirst().orElseThrow();
    assertThat(answer).isEqualTo(key).contains("Q1 2025");
    assertThat(out).contains("  1. The whole passage");
    assertThat(out).doesNotContain("Industry analysts expect Microsoft");
  }

  @Test
  void typingANumberOpensThatItemOfTheLastReply() {
    String out = chat("When will the migration to AWS start?\n1\n");

    assertThat(out)
        .as("item 1 is the whole passage")
        .contains("Industry analysts expect Microsoft to respond");
  }

  /** A number no item has is not asked as a question: "2" found a passage that mentions a 2. */
  @Test
  void aNumberNoItemHasSaysWhichItemsThereAre() {
    String out = chat("7\nWhen will the migration to AWS start?\n9\n1\n");

    assertThat(out)
        .contains("There is no item 7 to open yet.")
        .containsPattern("There is no item 9: the last list had items 1 to [2-8]\\.\n")
        .contains("Industry analysts expect Microsoft to respond");
  }

  @Test
  void seeAlsoItemsLeadWhereTheySayAndNeverRepeatTheAnswer() {
    String out = chat("How much is the AWS deal worth?\n");

    List<String> items =
        out.lines().filter(l -> l.matches("  \\d\\. .*")).map(l -> l.substring(5)).toList();
    assertThat(items).isNotEmpty();
    assertThat(items).noneMatch(i -> i.contains("$138 billion"));
  }

  @Test
  void aQuestionThatCameCloseIsDeclinedWithTheClosestSentenceThenTheOthersThatCameClose() {
    String out = chat("what is nvidias share price today\n");
    assertThat(out)
        .contains(
            "I'm not sure my articles answer that. The closest passage I found:\n  Major tech companies have been racing");
    assertThat(out).contains("  1. Read that passage\n  2. Also close: ");
    assertThat(out)
        .containsPattern(
            "\n  (\\d)\\. Also close: .*\nI can tell you about:\n  \\d\\. Amazon secures");
  }

  @Test
  void aMessageAskingTwoQuestionsAnswersOneAndOffersTheOtherByNumber() {
    String both = "What's the price of bitcoin? How much is the AWS deal worth?\n";
    Matcher offered =
        Pattern.compile(
                "\n\nYou also asked \\(type the number\\):\n  (\\d)\\. What's the price of bitcoin\\?\n")
            .matcher(chat(both));
    assertThat(offered.find()).isTrue();

    String out = chat(both + offered.group(1) + "\n");

    assertThat(out).contains("$138 billion");
    assertThat(out.substring(offered.end())).startsWith("Sorry, I don't know the answer to that");
  }

  @Test
  void quitEndsTheChatBeforeLaterLines() {
    String out = chat("/quit\nHow much is the AWS deal worth?\n");
    assertThat(out).doesNotContain("138").endsWith("Bye.\n");
  }

  @Test
  void helpListsReloadAndQuit() {
    String out = chat("/help\n");
    assertThat(out)
        .contains("/more ARTICLE")
        .contains("/reload")
        .contains("/quit - leave the chat");
  }

  @Test
  void reloadServesAnArticleAddedToTheFolder() throws IOException {
    Files.copy(ECB, knowledge.resolve("articles/ecb-rate-cut-june.txt"));

    // "How much did the ECB cut its deposit rate?" was answered by a wrong ECB passage before the
    // models saw news articles, and is declined now (0.15).
    String out = chat("/reload\nHow much did the ECB cut rates by?\n");

    assertThat(out)
        .contains("Reloaded: 2 articles.")
        .contains("-- ECB cuts deposit rate to 2.25% as eurozone inflation cools toward target");
  }

  @Test
  void moreGivesKeyPointsAndSectionsAndAcceptsPartOfATitle() throws IOException {
    Files.copy(ECB, knowledge.resolve("articles/ecb-rate-cut-june.txt"));
    library.reloadNow();

    String out = chat("/more\n/more ecb cuts\n");

    assertThat(out).contains("Articles, newest first.").contains("/more ecb-rate-cut-june");
    String points = out.substring(out.indexOf("ECB cuts deposit rate to 2.25%"));
    assertThat(points)
        .contains("  * The European Central Bank cut its deposit facility rate")
        .contains("Sections:")
        .contains(". Why It Matters")
        .doesNotContain("Frequently Asked Questions\n  *");
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
    new ConsoleChat(library, false)
        .run(new BufferedReader(new StringReader(input)), new PrintWriter(out));
    return out.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  void recordsQuestionsAndAnswersUnderTheConsoleAndChitChatApart(@TempDir Path data) {
    String url = "jdbc:sqlite:" + data.resolve("briefbot.db");
    try (ResilientStore store = ResilientStore.open(url, Clock.systemUTC())) {
      Recorder recorder = new Recorder(store, Channel.CONSOLE, 0.5);
      StringWriter out = new StringWriter();
      new ConsoleChat(library, false, Optional.of(recorder))
          .run(
              new BufferedReader(
                  new StringReader(
                      "hi\nHow much is the AWS deal worth?\nWho won the 2018 World Cup?\n/topics\n")),
              new PrintWriter(out));

      assertThat(store.admin().perChannel(Instant.EPOCH))
          .contains(new ChannelUse(Channel.CONSOLE, 2, 1, 1));
      assertThat(store.admin().loggedQuestions(Instant.EPOCH))
          .extracting(LoggedQuestion::question, LoggedQuestion::channel)
          .containsExactly(tuple("Who won the 2018 World Cup?", Channel.CONSOLE));
      assertThat(store.admin().confidentSample(5, Instant.EPOCH, 0.5))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.shownText())
                      .hasValueSatisfying(t -> assertThat(t).contains("$138 billion")));
    }
  }
}
