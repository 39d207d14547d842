package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.store.Channel;
import org.briefbot.store.ChannelUse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a new reader meets beyond plain questions, through the real bot against the fake Bot API:
 * small talk, a message in another language, entity names it does not know or knows by another
 * name, the entity list and the article link. The knowledge is the seed and the ECB article (see
 * src/test/resources/articles/README.md), whose file gives a link.
 */
class ReaderTalkIT {
  private static final String ECB_LINK = "https://example.com/news/ecb-rate-cut-june";
  private static final String ECB_TITLE =
      "ECB cuts deposit rate to 2.25% as eurozone inflation cools toward target";

  /** Two examples every reply offers: the seed's first curated question, the ECB's first entity. */
  private static final List<String> EXAMPLES =
      List.of("How much is the AWS deal worth?", "Tell me about European Central Bank");

  private static final Pattern BULLET = Pattern.compile("^• (.+)$", Pattern.MULTILINE);

  private static LiveLibrary library;
  private LiveBot live;

  @BeforeAll
  static void loadCore(@TempDir Path knowledge) throws IOException {
    TestKnowledge.copyShippedWithEcb(knowledge);
    library = LiveBot.library(knowledge);
  }

  @AfterAll
  static void closeCore() {
    library.close();
  }

  @BeforeEach
  void start() {
    live = LiveBot.polling(library);
  }

  @AfterEach
  void stop() {
    live.close();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "hi | Hi! I answer questions about the news articles in my library. For example:",
        "thanks! | You're welcome! Ask me anything else about the articles. For example:",
        "who are you? | I'm briefbot, a bot that answers questions from the news-analysis articles",
        "what can you do? | I answer questions about 2 articles and the companies, people and topics",
        "help | I answer questions about 2 articles and the companies, people and topics",
      })
  void smallTalkGetsAShortReplyWithExampleQuestionsAndIsNotLogged(String message, String reply) {
    live.api.pushPrivateMessage(LiveBot.USER, message);

    FakeBotApi.Recorded sent = live.awaitSentContaining(Html.escape(reply));
    String text = TelegramHtml.assertValid(sent.param("text"));
    assertThat(text).startsWith(reply.substring(0, reply.length() - 1)).hasSizeLessThan(450);
    List<String> examples = bullets(sent.param("text"));
    assertThat(examples).hasSize(3).containsAll(EXAMPLES);
    assertThat(LiveBot.buttonLabels(sent)).containsExactlyElementsOf(examples);
    assertThat(live.store.admin().topUnanswered(10, Instant.EPOCH)).isEmpty();
    assertThat(live.store.admin().perChannel(Instant.EPOCH))
        .contains(new ChannelUse(Channel.TELEGRAM, 0, 0, 1));
  }

  @Test
  void anExampleQuestionsButtonAsksIt() {
    live.api.pushPrivateMessage(LiveBot.USER, "hello!");
    FakeBotApi.Recorded hello = live.awaitSentContaining("Hi! I answer questions");

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(hello),
        LiveBot.callbackData(hello, EXAMPLES.get(0)));

    live.awaitSentContaining("138 billion");
    live.api.awaitRequest("answerCallbackQuery", LiveBot.WAIT);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "¿Cuánto ha bajado el Banco Central Europeo los tipos de interés? | Spanish",
        "Wie stark hat die Europäische Zentralbank den Einlagensatz gesenkt? | German",
      })
  void aMessageNotInEnglishGetsAnEnglishReplyWithAnExample(String message, String language) {
    live.api.pushPrivateMessage(LiveBot.USER, message);

    FakeBotApi.Recorded sent = live.awaitSentContaining("I answer in English only");
    assertThat(TelegramHtml.assertValid(sent.param("text")))
        .startsWith(
            "Sorry, I answer in English only (that looks like "
                + language
                + "). Please ask in English. For example:");
    assertThat(LiveBot.buttonLabels(sent)).containsAll(EXAMPLES);
    assertThat(live.store.admin().topUnanswered(10, Instant.EPOCH)).isEmpty();
  }

  @Test
  void anUnknownEntityNameOffersTheClosestOnesAndOneTapOpensIt() {
    live.api.pushPrivateMessage(LiveBot.USER, "/entity reserve");

    FakeBotApi.Recorded suggestion = live.awaitSentContaining("Did you mean");
    assertThat(TelegramHtml.assertValid(suggestion.param("text")))
        .isEqualTo(
            "I don't know \"reserve\". Did you mean:\n"
                + "• Federal Reserve — organisation · 1 article");
    assertThat(LiveBot.buttonLabels(suggestion)).containsExactly("Federal Reserve");

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(suggestion),
        LiveBot.callbackData(suggestion, "Federal Reserve"));

    FakeBotApi.Recorded card = live.awaitSentContaining("<b>Federal Reserve</b>");
    assertThat(card.param("text"))
        .startsWith(
            "<b>Federal Reserve</b> · organisation · Central banking system of the United States\n"
                + "The Federal Reserve System (often shortened to the Fed) is the central banking"
                + " system of the United States.");
  }

  @Test
  void anAliasTheNoteGivesOpensTheEntityWithTheEntitiesItSharesPassagesWith() {
    live.api.pushPrivateMessage(LiveBot.USER, "/entity fed");

    FakeBotApi.Recorded card = live.awaitSentContaining("<b>Federal Reserve</b>");
    assertThat(card.param("text")).doesNotContain("Federal Reserve The Federal Reserve");
    assertThat(LiveBot.buttonLabels(card))
        .filteredOn(label -> label.startsWith("ℹ️ "))
        .containsExactly("ℹ️ European Central Bank");
  }

  @Test
  void entitiesOffersAButtonForEveryEntityItLists() {
    live.api.pushPrivateMessage(LiveBot.USER, "/entities");
    FakeBotApi.Recorded first = live.awaitSentContaining("Entities I know (14)");

    live.api.pushCallbackQuery(
        LiveBot.USER,
        LiveBot.USER,
        live.messageIdOf(first),
        LiveBot.callbackData(first, "More entities"));
    FakeBotApi.Recorded second = live.awaitSentContaining("most mentioned first, 9-14");

    List<String> names = new ArrayList<>();
    for (FakeBotApi.Recorded page : List.of(first, second)) {
      List<String> listed = bullets(page.param("text"));
      assertThat(LiveBot.buttonLabels(page)).containsExactlyElementsOf(listed);
      names.addAll(listed);
    }
    assertThat(names)
        .filteredOn(n -> !n.startsWith("More entities"))
        .hasSize(14)
        .doesNotHaveDuplicates();
  }

  @Test
  void anAnswerLinksItsSourceToTheArticle() {
    live.api.pushPrivateMessage(LiveBot.USER, "What is eurozone inflation now?");

    FakeBotApi.Recorded answer = live.awaitSentContaining("2.1%");
    assertThat(TelegramHtml.assertValid(answer.param("text"))).contains(ECB_TITLE);
    assertThat(answer.param("text"))
        .contains("📰 <a href=\"" + ECB_LINK + "\"><i>" + ECB_TITLE + "</i></a> · ");
  }

  /** The items of a listing, as the reader sees them: without the detail after the dash. */
  private static List<String> bullets(String html) {
    List<String> items = new ArrayList<>();
    Matcher m = BULLET.matcher(html);
    while (m.find()) {
      items.add(unescape(m.group(1).replaceAll(" — <i>.*</i>$", "")));
    }
    return items;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
