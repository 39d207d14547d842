package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin commands, for the user ids in {@code admins} only, on a copy of the shipped knowledge
 * that tests add to and break, with the store on SQLite.
 */
class AdminIT {
  private static final long OTHER_ADMIN = 1818L;
  private static final String DEAL = "How much is the AWS deal worth?";
  private static final String WEATHER = "What will the weather be like in Lisbon on Sunday?";
  private static final String ARTICLE = "articles/aws-openai-trainium.txt";

  /** The watcher reloads after a quiet second; a slow machine may take longer to notice. */
  private static final Duration WATCHER = Duration.ofSeconds(30);

  @TempDir Path knowledge;
  private LiveLibrary library;
  private LiveBot live;

  @BeforeEach
  void start() throws IOException {
    library = LiveBot.library(TestKnowledge.copyShipped(knowledge));
    live = LiveBot.polling(library, List.of(LiveBot.ADMIN, OTHER_ADMIN));
  }

  @AfterEach
  void stop() {
    try {
      live.close();
    } finally {
      library.close();
    }
  }

  /** Sends {@code text} in {@code user}'s private chat; the bot's reply, as plain text. */
  private String say(long user, String text) {
    int before = live.api.count("sendMessage");
    live.api.pushPrivateMessage(user, text);
    FakeBotApi.Recorded reply =
        live.api.awaitRequest(
            "sendMessage",
            r ->
                live.api.requests("sendMessage").indexOf(r) >= before
                    && r.param("chat_id").equals(String.valueOf(user)),
            LiveBot.WAIT);
    return TelegramBotIT.plain(reply.param("text"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/stats", "/unanswered", "/reload", "/health"})
  void anyoneNotInAdminsIsNotAllowedAndTheRefusalIsLoggedWithTheUserId(String command) {
    assertThat(say(LiveBot.USER, command)).isEqualTo(AdminCommands.NOT_ALLOWED);

    assertThat(live.log())
        .contains(
            "WARN org.briefbot.conversation.telegram.AdminCommands - Admin command "
                + command
                + " refused for user "
                + LiveBot.USER
                + ": not in admins");
  }

  @Test
  void eachAdminsOwnMenuListsTheAdminCommandsTooAndEveryoneElsesDoesNot() {
    for (long admin : List.of(LiveBot.ADMIN, OTHER_ADMIN)) {
      FakeBotApi.Recorded menu =
          live.api.awaitRequest(
              "setMyCommands",
              r -> r.params().at("/scope/chat_id").asLong() == admin,
              LiveBot.WAIT);
      assertThat(menu.params().at("/scope/type").asText()).isEqualTo("chat");
      assertThat(menu.params().path("commands").findValuesAsText("command"))
          .contains("topics", "stats", "unanswered", "reload", "health");
    }
    FakeBotApi.Recorded everyone =
        live.api.awaitRequest(
            "setMyCommands", r -> r.params().path("scope").isMissingNode(), LiveBot.WAIT);
    assertThat(everyone.params().path("commands").findValuesAsText("command"))
        .contains("topics")
        .doesNotContain("stats", "reload");
  }

  @Test
  void statsCountTodaysQuestionsTheShareAnsweredAndTheEntitiesAskedAbout() {
    say(LiveBot.USER, DEAL);
    say(LiveBot.USER, WEATHER);

    String stats = say(LiveBot.ADMIN, "/stats");

    assertThat(stats)
        .startsWith(
            "Questions today: 2, answered 50%\nThis week (7 days): 2, answered 50%\nVotes this week: 👍 0 · 👎 0\n")
        .contains("Top entities asked about this week: ")
        .contains("OpenAI (1)");
    assertThat(live.log())
        .contains(
            "INFO org.briefbot.conversation.telegram.AdminCommands - Admin command /stats by user "
                + LiveBot.ADMIN);
  }

  @Test
  void unansweredListsTheQuestionsAskedMostFirstWithTheirCounts() {
    say(LiveBot.USER, WEATHER);
    say(LiveBot.USER, "what will the weather be like in Lisbon on Sunday");
    say(LiveBot.USER, "Who won the 2018 World Cup?");

    assertThat(say(LiveBot.ADMIN, "/unanswered"))
        .isEqualTo(
            """
        Unanswered in the last 30 days, most asked first:
        1. What will the weather be like in Lisbon on Sunday? — 2× (declined)
        2. Who won the 2018 World Cup? — 1× (declined)""");
  }

  @Test
  void healthSaysTheStoreIsOkWhatIsLoadedTheModeAndTheUptime() {
    String health = say(LiveBot.ADMIN, "/health");

    // Every passage indexed, as `check` counts them: article passages and curated FAQ items.
    int passages = new KnowledgeLoader().load(knowledge).passages().size();
    assertThat(health)
        .startsWith("Store: ok (jdbc:sqlite:")
        .contains("\nKnowledge: 1 article, " + passages + " passages, 0 files with errors\n")
        .contains("\nMode: long polling, retrieval hybrid\n")
        .contains("\nUptime: 0 h ");
  }

  @Test
  void reloadPicksUpAnArticleAddedToTheFolderAndTopicsShowItAtOnce() throws IOException {
    TestKnowledge.write(
        knowledge.resolve("articles/azure-norway.txt"), TestKnowledge.SECOND_ARTICLE);

    String reloaded = say(LiveBot.ADMIN, "/reload");

    assertThat(reloaded)
        .startsWith("Reloaded in ")
        .contains(" ms: 2 articles, ")
        .doesNotContain("errors");
    assertThat(say(LiveBot.USER, "/topics"))
        .contains("Microsoft expands Azure data centers in Norway with hydropower deal");
    assertThat(live.log()).contains("Admin command /reload by user " + LiveBot.ADMIN);
  }

  @Test
  void aFileBrokenWhileWatchedIsReportedToEveryAdminAndItsPreviousVersionKeepsServing()
      throws IOException {
    library.watch();

    TestKnowledge.write(
        knowledge.resolve(ARTICLE), "#only #hashtags, the title line was deleted\n");

    for (long admin : List.of(LiveBot.ADMIN, OTHER_ADMIN)) {
      FakeBotApi.Recorded alert =
          live.api.awaitRequest(
              "sendMessage", r -> r.param("chat_id").equals(String.valueOf(admin)), WATCHER);
      assertThat(TelegramBotIT.plain(alert.param("text")))
          .startsWith("⚠️ Knowledge reload: Reloaded in ")
          .contains(
              "Files with errors (a file that loaded before keeps its previous version):\n• "
                  + knowledge.resolve(ARTICLE));
    }
    assertThat(say(LiveBot.USER, DEAL)).contains("138 billion");
  }
}
