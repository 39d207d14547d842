package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Answer;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Recorder;
import org.briefbot.knowledge.FaqFileParser;
import org.briefbot.store.Channel;
import org.briefbot.store.Mark;
import org.briefbot.store.Reason;
import org.briefbot.store.UnansweredRecord;
import org.briefbot.store.Vote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The desk over real HTTP on a copy of the shipped knowledge and a SQLite store: the login and its
 * guards, every page, and the actions that write FAQ files and mark questions.
 */
class DeskIT {
  static final List<String> PAGES =
      List.of("/desk", "/desk/questions", "/desk/downvoted", "/desk/review", "/desk/test?q=x");
  static final List<String> POSTS =
      List.of("/desk/logout", "/desk/faq/add", "/desk/faq/new", "/desk/scope");

  private static final String WEATHER = "What will the weather be like in Lisbon on Sunday?";

  @TempDir Path dir;
  private Path knowledge;
  private DeskServer server;

  @BeforeEach
  void start() throws IOException {
    knowledge = TestKnowledge.copyShipped(dir.resolve("knowledge"));
    server = DeskServer.start(knowledge, "jdbc:sqlite:" + dir.resolve("briefbot.db"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Asks {@code question} on {@code channel} as a reader would, recording it; the answer id. */
  private OptionalLong ask(Channel channel, String question) {
    Conversation conversation = server.library.current();
    Recorder recorder = new Recorder(server.store, channel, 0.5);
    return recorder.record(
        7, 8, question, conversation, conversation.reply(question, Optional.empty()));
  }

  @Test
  void isOffAnswering503WithHowToTurnItOnWhileNoSecretIsSet() {
    server.close();
    server =
        DeskServer.start(knowledge, "jdbc:sqlite:" + dir.resolve("off.db"), Optional.empty(), 5);
    DeskClient editor = new DeskClient(server);

    for (String path : List.of("/desk", "/desk/login", "/desk/questions")) {
      HttpResponse<String> off = editor.get(path);
      assertThat(off.statusCode()).isEqualTo(503);
      assertThat(off.body())
          .contains(
              "The editors&#39; desk is off. To turn it on, set the environment variable"
                  + " BRIEFBOT_DESK_SECRET to a secret of at least 16 characters");
    }
    assertThat(editor.post("/desk/login", "secret", "").statusCode()).isEqualTo(503);
  }

  @Test
  void nothingIsReachableWithoutLoggingIn() {
    ask(Channel.WEB, WEATHER);
    DeskClient stranger = new DeskClient(server);

    for (String page : PAGES) {
      HttpResponse<String> response = stranger.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(303);
      assertThat(DeskClient.location(response).getPath()).isEqualTo("/desk/login");
      assertThat(response.body()).doesNotContain("Lisbon");
    }
    for (String post : POSTS) {
      HttpResponse<String> response = stranger.post(post, "csrf", "x", "wording", WEATHER);
      assertThat(response.statusCode()).as(post).isEqualTo(401);
      assertThat(response.body()).contains("Log in first");
    }
    stranger.cookies.put(Desk.SESSION_COOKIE, "forged-session-id");
    assertThat(stranger.get("/desk").statusCode()).isEqualTo(303);
    assertThat(server.store.admin().marks()).isEmpty();
  }

  @Test
  void logsInWithTheSecretIntoAHardenedSessionAndLogsOut() {
    DeskClient editor = new DeskClient(server);

    HttpResponse<String> login = editor.logIn(DeskServer.SECRET);

    assertThat(login.statusCode()).isEqualTo(303);
    assertThat(DeskClient.location(login).getPath()).isEqualTo("/desk");
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(Desk.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie)
        .matches(Desk.SESSION_COOKIE + "=[A-Za-z0-9_-]{43}; .*")
        .contains("; Path=/desk; Max-Age=28800; HttpOnly; SameSite=Strict")
        .doesNotContain("Secure");
    String session = editor.cookies.get(Desk.SESSION_COOKIE);
    String overview = editor.get("/desk").body();
    assertThat(overview).contains("Log out").contains("Questions per day");
    editor.csrf = overview.replaceFirst("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");

    HttpResponse<String> logout = editor.post("/desk/logout", "csrf", editor.csrf);

    assertThat(logout.statusCode()).isEqualTo(303);
    assertThat(DeskClient.location(logout).getPath()).isEqualTo("/desk/login");
    assertThat(editor.cookies).doesNotContainKey(Desk.SESSION_COOKIE);
    editor.cookies.put(Desk.SESSION_COOKIE, session); // a copy of the cookie is no use either
    assertThat(editor.get("/desk").statusCode()).isEqualTo(303);
  }

  @Test
  void aWrongSecretIsRefusedAndTooManyFailuresLockTheAddressOut() {
    DeskClient guesser = new DeskClient(server);

    for (int attempt = 0; attempt < 5; attempt++) {
      HttpResponse<String> wrong = guesser.logIn("correct horse battery stable");
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(wrong.body()).contains("Wrong secret.");
      assertThat(guesser.cookies).doesNotContainKey(Desk.SESSION_COOKIE);
    }
    HttpResponse<String> locked = guesser.logIn(DeskServer.SECRET);

    assertThat(locked.statusCode()).isEqualTo(429);
    assertThat(locked.body()).contains("Too many failed logins from your address. Wait 15 minutes");
    assertThat(guesser.cookies).doesNotContainKey(Desk.SESSION_COOKIE);
  }

  @Test
  void aLoginPostedWithoutTheFormsOwnTokenIsRefused() {
    DeskClient forger = new DeskClient(server);

    HttpResponse<String> forged = forger.post("/desk/login", "secret", DeskServer.SECRET);

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("The login form expired");
    assertThat(forger.cookies).doesNotContainKey(Desk.SESSION_COOKIE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not-the-token"})
  void aPostWithoutTheSessionsCsrfTokenIsRefusedAndChangesNothing(String token) {
    ask(Channel.WEB, WEATHER);
    DeskClient editor = new DeskClient(server).loggedIn();

    for (String post : POSTS) {
      HttpResponse<String> refused =
          token.isEmpty()
              ? editor.post(post, "wording", WEATHER, "back", "questions")
              : editor.post(post, "csrf", token, "wording", WEATHER, "back", "questions");
      assertThat(refused.statusCode()).as(post).isEqualTo(403);
      assertThat(refused.body()).contains("This form has expired or did not come from the desk");
    }
    assertThat(server.store.admin().marks()).isEmpty();
    assertThat(editor.get("/desk").statusCode()).isEqualTo(200); // still logged in
  }

  @Test
  void theOverviewChartsQuestionsPerDayAndShareAnsweredWithTheNumbersInATable() {
    ask(Channel.WEB, "How much is the AWS deal worth?");
    ask(Channel.CONSOLE, WEATHER);
    ask(Channel.TELEGRAM, "hi");
    DeskClient editor = new DeskClient(server).loggedIn();

    String overview = editor.get("/desk?days=7").body();

    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(overview)
        .contains("<svg id=\"questions-chart\" role=\"img\"")
        .contains("<svg id=\"share-chart\" role=\"img\"")
        .contains("2 questions in 7 days, at most 2 on one day")
        .contains("50% answered over 7 days")
        .contains("<tr><th scope=\"row\">" + today + "</th><td>2</td><td>1</td><td>50%</td></tr>")
        .contains("<tr><th scope=\"row\">Telegram</th><td>0</td><td>0</td><td>1</td></tr>")
        .contains("<tr><th scope=\"row\">Console</th><td>1</td><td>0</td><td>0</td></tr>")
        .contains("<tr><th scope=\"row\">Web</th><td>1</td><td>1</td><td>0</td></tr>");
  }

  @Test
  void unansweredQuestionsAreGroupedByMeaningShortenedAndFreeOfChitChat() {
    ask(Channel.WEB, WEATHER);
    ask(Channel.TELEGRAM, "what will the weather be like in lisbon on sunday");
    ask(Channel.CONSOLE, "Will it rain in Lisbon this Sunday?");
    String rambling = "Who won the election? " + "I really want to know. ".repeat(60);
    ask(Channel.WEB, rambling);
    // Rows logged before chit-chat was told apart, as an old store may hold.
    server.store.logUnanswered(
        new UnansweredRecord(7, OptionalLong.empty(), "thanks!", Reason.DECLINED, 0, List.of()));
    DeskClient editor = new DeskClient(server).loggedIn();

    String page = editor.get("/desk/questions").body();

    assertThat(page).contains("by meaning, with the sentence model");
    assertThat(page.split("<li class=\"group\">")).hasSize(3);
    assertThat(page)
        .contains(WEATHER + "</strong></p><p class=\"meta\">3 times · declined")
        .contains("Telegram, Console, Web")
        .contains("Whole message (" + rambling.strip().length() + " characters)")
        .contains("Shown: nothing, the bot said it does not know.")
        .doesNotContain("thanks!");
    assertThat(page.indexOf("I really want to know")).isLessThan(page.indexOf("Whole message"));
  }

  @Test
  void downVotedAnswersAndTheReviewQueueShowTheTextThatWasShown() {
    long answer = ask(Channel.TELEGRAM, "How much is the AWS deal worth?").getAsLong();
    ask(Channel.WEB, "Who is NVIDIA's competitor in AI chips?");
    String shown =
        server.store.admin().confidentSample(10, Instant.EPOCH, 0.5).stream()
            .filter(e -> e.answerId() == answer)
            .findFirst()
            .orElseThrow()
            .shownText()
            .orElseThrow();
    DeskClient editor = new DeskClient(server).loggedIn();

    assertThat(editor.get("/desk/review").body())
        .contains("<strong class=\"question\">How much is the AWS deal worth?")
        .contains(Html.escape(shown));
    server.store.vote(answer, 7, 99, Vote.DOWN);

    String downvoted = editor.get("/desk/downvoted").body();
    assertThat(downvoted)
        .contains("1 down, 0 up")
        .contains("<blockquote class=\"shown\">" + Html.escape(shown) + "</blockquote>")
        .doesNotContain("The passage now");
    assertThat(editor.get("/desk/review").body())
        .doesNotContain("<strong class=\"question\">How much is the AWS deal worth?");
  }

  @Test
  void addingAWordingToAnFaqItemMakesTheBotAnswerItAfterTheReload() throws IOException {
    String wording = "How pricey is the cloud pact?";
    Answer before = server.library.current().answerer().answer(wording);
    assertThat(before.best().map(b -> b.passageId()))
        .isNotEqualTo(Optional.of("aws-openai-trainium#curated_faq#0"));
    ask(Channel.WEB, wording);
    DeskClient editor = new DeskClient(server).loggedIn();

    HttpResponse<String> saved =
        editor.post(
            "/desk/faq/add",
            "csrf",
            editor.csrf,
            "item",
            "aws-openai-trainium#0",
            "question",
            wording,
            "wording",
            wording,
            "back",
            "questions");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body())
        .contains("Added the wording to FAQ item aws-openai-trainium#0 in aws-openai-trainium.yaml")
        .contains("the knowledge was reloaded")
        .contains("$138 billion");
    Answer after = server.library.current().answerer().answer(wording);
    assertThat(after.best().orElseThrow().passageId())
        .isEqualTo("aws-openai-trainium#curated_faq#0");
    Path file = knowledge.resolve("faq/aws-openai-trainium.yaml");
    String content = Files.readString(file);
    assertThat(content).startsWith("# Curated questions about").contains(wording);
    assertThat(new FaqFileParser().parse(file, content).problems()).isEmpty();
    assertThat(server.store.admin().marks()).containsValue(Mark.ADDED_TO_FAQ).hasSize(1);
    assertThat(editor.get("/desk/questions").body()).doesNotContain(wording);
  }

  @Test
  void creatingAnFaqItemServesItsAnswer() {
    DeskClient editor = new DeskClient(server).loggedIn();

    HttpResponse<String> saved =
        editor.post(
            "/desk/faq/new",
            "csrf",
            editor.csrf,
            "question",
            "Who is the newsroom's AI editor?",
            "answer",
            "Maria Lopez edits the newsroom's coverage of artificial intelligence.",
            "article",
            "",
            "back",
            "questions");

    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(saved.body()).contains("Created FAQ item desk#0 in desk.yaml");
    assertThat(server.library.current().answerer().answer("Who is the newsroom's AI editor?"))
        .satisfies(a -> assertThat(a.best().orElseThrow().text()).startsWith("Maria Lopez edits"));
    assertThat(knowledge.resolve("faq/desk.yaml"))
        .content()
        .startsWith("# Curated questions added on the editors' desk");
  }

  @Test
  void aRefusedWriteSaysWhyAndWritesNothing() throws IOException {
    DeskClient editor = new DeskClient(server).loggedIn();
    String before = Files.readString(knowledge.resolve("faq/aws-openai-trainium.yaml"));

    HttpResponse<String> unknown =
        editor.post(
            "/desk/faq/add", "csrf", editor.csrf, "item", "../../etc/passwd#0", "question", "x?");
    HttpResponse<String> twice =
        editor.post(
            "/desk/faq/add",
            "csrf",
            editor.csrf,
            "item",
            "aws-openai-trainium#0",
            "question",
            "How much is the AWS deal worth?");
    HttpResponse<String> noAnswer =
        editor.post("/desk/faq/new", "csrf", editor.csrf, "question", "Who?", "answer", " ");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("No FAQ item ../../etc/passwd#0: pick one from the list.");
    assertThat(twice.body()).contains("already has the wording");
    assertThat(noAnswer.body()).contains("Write the answer the bot should give.");
    assertThat(Files.readString(knowledge.resolve("faq/aws-openai-trainium.yaml")))
        .isEqualTo(before);
    assertThat(knowledge.resolve("faq/desk.yaml")).doesNotExist();
  }

  @Test
  void aQuestionMarkedOutOfScopeLeavesTheList() {
    ask(Channel.WEB, WEATHER);
    ask(Channel.WEB, "Who won the 2018 World Cup?");
    DeskClient editor = new DeskClient(server).loggedIn();

    HttpResponse<String> marked =
        editor.post("/desk/scope", "csrf", editor.csrf, "wording", WEATHER, "back", "questions");

    assertThat(marked.statusCode()).isEqualTo(303);
    assertThat(DeskClient.location(marked).getPath()).isEqualTo("/desk/questions");
    assertThat(editor.get("/desk/questions").body())
        .doesNotContain("Lisbon")
        .contains("Who won the 2018 World Cup?");
  }

  @Test
  void theTestPaneShowsTheAnswerAndTheRankedCandidatesWithTheirSignals() {
    DeskClient editor = new DeskClient(server).loggedIn();

    String page = editor.get("/desk/test?q=Which+chips+will+OpenAI+train+on%3F").body();

    assertThat(page).contains("value=\"Which chips will OpenAI train on?\"");
    assertThat(page)
        .containsPattern(
            "id=\"verdict\">Answered with confidence [01]\\.\\d\\d \\(threshold 0\\.27\\)");
    assertThat(page)
        .contains("<table id=\"candidates\">")
        .contains("BM25 rank")
        .contains("Vector rank");
    assertThat(page.split("<tr><td>")).hasSizeGreaterThan(3);
  }
}
