package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Library.Reloaded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot over an archive whose articles come, change and go while it runs: the real TelegramBots
 * client against the fake Bot API, the live library updating its on-disk index article by article.
 * Readers get the new article's answer, the changed article's new figure, and nothing from the
 * removed article.
 */
class IncrementalServingIT {
  private static final String FERRIES = "How many hydrogen ferries did Velmora Shipping order?";
  private static final String MINE = "How much is the Drassil Mining lithium mine worth?";
  private static final String ROBOTS = "How much did Quillfeather Robotics raise?";

  @TempDir Path knowledge;
  private LiveLibrary library;
  private LiveBot live;

  @BeforeEach
  void start() throws IOException {
    TestKnowledge.copyShipped(knowledge);
    TestKnowledge.write(ferries(), ferriesArticle("12"));
    TestKnowledge.write(
        mine(),
        article(
            "Drassil Mining opens a lithium mine in the Atacama",
            "#Drassil Mining #lithium #Chile",
            "Drassil Mining opened a lithium mine in the Atacama worth $3 billion."));
    library = LiveBot.library(knowledge);
    live = LiveBot.polling(library);
  }

  @AfterEach
  void stop() {
    live.close();
    library.close();
  }

  @Test
  void answersFromTheNewAndTheChangedArticleAndNoLongerFromTheRemovedOne() throws IOException {
    assertThat(ask(FERRIES)).contains("12 hydrogen ferries");
    assertThat(ask(MINE)).contains("worth $3 billion");
    assertThat(ask(ROBOTS)).doesNotContain("$77 million");

    TestKnowledge.write(
        knowledge.resolve("articles/quillfeather-robotics.txt"),
        article(
            "Quillfeather Robotics raises $77 million for fruit-picking robots",
            "#Quillfeather Robotics #robotics #funding",
            "Quillfeather Robotics raised $77 million in a round led by Harbor Ventures."));
    TestKnowledge.write(ferries(), ferriesArticle("40"));
    Files.delete(mine());
    Reloaded reloaded = library.reloadNow();

    assertThat(reloaded.swapped()).isTrue();
    assertThat(reloaded.articles()).isEqualTo(3);
    assertThat(ask(ROBOTS)).contains("raised $77 million");
    assertThat(ask(FERRIES)).contains("40 hydrogen ferries").doesNotContain("12 hydrogen");
    assertThat(ask(MINE)).doesNotContain("worth $3 billion").doesNotContain("Atacama");
    assertThat(ask("How much is the AWS deal worth?")).contains("138 billion");
  }

  /** The bot's reply to {@code question}: the first message it sends after being asked. */
  private String ask(String question) {
    int before = live.api.requests("sendMessage").size();
    live.api.pushPrivateMessage(LiveBot.USER, question);
    live.api.awaitRequest(
        "sendMessage", r -> live.api.requests("sendMessage").size() > before, LiveBot.WAIT);
    return live.api.requests("sendMessage").get(before).param("text");
  }

  private Path ferries() {
    return knowledge.resolve("articles/velmora-ferries.txt");
  }

  private Path mine() {
    return knowledge.resolve("articles/drassil-mine.txt");
  }

  private static String ferriesArticle(String count) {
    return article(
        "Velmora Shipping orders hydrogen ferries from Nordvik Yards",
        "#Velmora Shipping #Nordvik Yards #hydrogen #ferries",
        "Velmora Shipping ordered " + count + " hydrogen ferries from Nordvik Yards.");
  }

  /** A short article in the seed's format: a title, tags, one takeaway, themes. */
  private static String article(String title, String tags, String takeaway) {
    return title
        + "\n"
        + tags
        + "\n\u03c0 Key Takeaways\n- "
        + takeaway
        + "\n\u03c0\u00b7\u03bf\u0388 Themes\nBusiness\n";
  }
}
