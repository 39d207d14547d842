package org.briefbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.briefbot.answer.Answerer;
import org.briefbot.conversation.AnswerJson;
import org.briefbot.store.Stats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API over real HTTP against the real server, library and SQLite store: every endpoint's
 * success and failure codes, follow-ups, votes recorded in the store, CORS, and the OpenAPI
 * document matching what is served.
 */
class ApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DEAL = "How much is the AWS deal worth?";
  @TempDir static Path folder;
  private static WebFixture web;

  @BeforeAll
  static void start() {
    web = WebFixture.start(folder, WebFixture.generous());
  }

  @AfterAll
  static void stop() {
    web.close();
  }

  private static HttpResponse<String> ask(String question) {
    return web.postJson("/api/ask", "{\"question\": " + quote(question) + "}");
  }

  private static HttpResponse<String> ask(String question, String conversation) {
    return web.postJson(
        "/api/ask",
        "{\"question\": " + quote(question) + ", \"conversation\": " + quote(conversation) + "}");
  }

  private static String quote(String text) {
    return new String(Exchanges.toJson(text), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  private static String header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
  }

  @Test
  void answersWithExactlyWhatAskJsonPrints() {
    HttpResponse<String> response = ask(DEAL);

    String expected =
        new String(
            Exchanges.toJson(AnswerJson.of(web.library.current().answerer().answer(DEAL))),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Exchanges.JSON_TYPE);
    assertThat(response.body()).isEqualTo(expected).contains("\"answered\":true");
  }

  @Test
  void saysWhereTheKeySentenceIsAndWhatToVoteAndFollowUpWith() throws Exception {
    HttpResponse<String> response = ask(DEAL);

    String text = json(response).path("answer").path("text").asText();
    String[] range = header(response, Api.KEY_SENTENCE_HEADER).split("-");
    String key = text.substring(Integer.parseInt(range[0]), Integer.parseInt(range[1]));
    assertThat(key)
        .isEqualTo(web.library.current().answerer().answer(DEAL).best().get().keySentence());
    assertThat(header(response, Api.ANSWER_ID_HEADER)).matches("[0-9]+");
    assertThat(header(response, Api.CONVERSATION_HEADER)).matches("[A-Za-z0-9_-]{22}");
  }

  /** The header carries what a header cannot hold as it is: commas and letters beyond ASCII. */
  @Test
  void aMessageAskingTwoQuestionsAnswersOneAndNamesTheOtherInAHeader() throws Exception {
    String other = "Is bitcoin a good buy right now, café owners ask?";

    HttpResponse<String> response = ask(other + " What chips will OpenAI use?");

    assertThat(json(response).path("answer").path("text").asText()).contains("Trainium");
    assertThat(header(response, Api.ALSO_ASKED_HEADER)).matches("[\\x21-\\x7e]+");
    assertThat(
            Arrays.stream(header(response, Api.ALSO_ASKED_HEADER).split(","))
                .map(part -> URLDecoder.decode(part, StandardCharsets.UTF_8)))
        .containsExactly(other);
    assertThat(ask(DEAL).headers().firstValue(Api.ALSO_ASKED_HEADER)).isEmpty();
  }

  /**
   * The chat page's endpoint replies as the Telegram bot does: an answer is the same object as
   * /api/ask's, and what /api/ask can only answer with a search ("what's new?", "tldr", "hi") is a
   * list, a story's key points or a greeting.
   */
  @Test
  void chatRepliesAsTheBotDoesWithListsAndKeyPoints() throws Exception {
    HttpResponse<String> answer = chat(DEAL, null);
    String conversation = header(answer, Api.CONVERSATION_HEADER);
    JsonNode tldr = json(chat("tldr", conversation));
    JsonNode latest = json(chat("what's new?", null));
    JsonNode hello = json(chat("hi", null));
    Answerer answerer = web.library.current().answerer();

    JsonNode onlyThere = json(chat("/in aws-openai-trainium What is the capital of Peru?", null));

    assertThat(json(answer).path("reply").asText()).isEqualTo("answer");
    assertThat(json(answer).path("answer")).isEqualTo(json(ask(DEAL)));
    assertThat(json(answer).has("notice")).isFalse();
    assertThat(onlyThere.path("answer").path("answered").asBoolean()).isFalse();
    assertThat(onlyThere.path("notice").asText())
        .isEqualTo(
            "I looked only in \""
                + answerer.article("aws-openai-trainium").orElseThrow().title()
                + "\", the story you chose.");
    assertThat(header(answer, Api.ANSWER_ID_HEADER)).matches("[0-9]+");
    assertThat(header(answer, Api.KEY_SENTENCE_HEADER)).matches("[0-9]+-[0-9]+");
    assertThat(tldr.path("reply").asText()).isEqualTo("article");
    assertThat(tldr.path("title").asText()).isEqualTo(answerer.articles().get(0).title());
    assertThat(tldr.path("points")).isNotEmpty();
    assertThat(tldr.path("sections").get(0).path("command").asText()).startsWith("/section ");
    assertThat(latest.path("reply").asText()).isEqualTo("list");
    assertThat(latest.path("items").get(0).path("command").asText())
        .isEqualTo("/more " + answerer.articles().get(0).id());
    assertThat(hello.path("reply").asText()).isEqualTo("list");
    assertThat(hello.path("heading").asText()).startsWith("Hi!");
    assertThat(json(ask("what's new?")).path("answered").isBoolean()).isTrue();
  }

  private static HttpResponse<String> chat(String question, String conversation) {
    return web.postJson(
        "/api/chat",
        "{\"question\": "
            + quote(question)
            + (conversation == null ? "" : ", \"conversation\": " + quote(conversation))
            + "}");
  }

  @Test
  void followsUpWithinAConversationOnly() throws Exception {
    HttpResponse<String> first = ask(DEAL);
    String conversation = header(first, Api.CONVERSATION_HEADER);

    HttpResponse<String> more = ask("tell me more", conversation);
    HttpResponse<String> elsewhere = ask("tell me more", "another-conversation");

    assertThat(header(more, Api.CONVERSATION_HEADER)).isEqualTo(conversation);
    assertThat(json(more).path("answered").asBoolean()).isTrue();
    assertThat(json(more).path("answer").path("text").asText())
        .isNotEmpty()
        .isNotEqualTo(json(first).path("answer").path("text").asText());
    assertThat(json(elsewhere).path("answered").asBoolean()).isFalse();
  }

  @Test
  void recordsQuestionsAndDeclinesInTheStoreAsTelegramDoes() throws Exception {
    Stats before = web.store.admin().stats(Instant.EPOCH);

    ask(DEAL);
    HttpResponse<String> declined = ask("What is the capital of Peru?");

    Stats after = web.store.admin().stats(Instant.EPOCH);
    assertThat(json(declined).path("answered").asBoolean()).isFalse();
    assertThat(declined.headers().firstValue(Api.ANSWER_ID_HEADER)).isEmpty();
    assertThat(after.questions() - before.questions()).isEqualTo(2);
    assertThat(after.answered() - before.answered()).isEqualTo(1);
    assertThat(web.store.admin().topUnanswered(100, Instant.EPOCH))
        .anySatisfy(g -> assertThat(g.question()).isEqualTo("What is the capital of Peru?"));
  }

  @Test
  void countsAVoteOnceChangesItAndRefusesOthersConversations() throws Exception {
    HttpResponse<String> answer = ask(DEAL);
    String id = header(answer, Api.ANSWER_ID_HEADER);
    String conversation = header(answer, Api.CONVERSATION_HEADER);
    long upBefore = web.store.admin().stats(Instant.EPOCH).upVotes();

    assertThat(vote(id, conversation, "up").body()).isEqualTo("{\"outcome\":\"recorded\"}");
    assertThat(web.store.admin().stats(Instant.EPOCH).upVotes()).isEqualTo(upBefore + 1);
    assertThat(vote(id, conversation, "up").body()).isEqualTo("{\"outcome\":\"unchanged\"}");
    assertThat(vote(id, conversation, "down").body()).isEqualTo("{\"outcome\":\"changed\"}");
    assertThat(web.store.admin().mostDownvoted(10))
        .anySatisfy(d -> assertThat(d.questions()).contains(DEAL));

    HttpResponse<String> forged = vote(id, "someone-else", "up");
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(json(forged).path("error").asText())
        .isEqualTo("answer " + id + " was not given in this conversation");
    HttpResponse<String> unknown = vote("987654321", conversation, "up");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown).path("error").asText()).isEqualTo("no answer has id 987654321");
  }

  private static HttpResponse<String> vote(String id, String conversation, String vote) {
    return web.postJson(
        "/api/votes",
        "{\"answer\": "
            + id
            + ", \"conversation\": "
            + quote(conversation)
            + ", \"vote\": "
            + quote(vote)
            + "}");
  }

  @Test
  void listsTheArticles() throws Exception {
    HttpResponse<String> response = web.get("/api/articles");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode articles = json(response);
    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).path("id").asText()).isEqualTo("aws-openai-trainium");
    assertThat(articles.get(0).path("title").asText())
        .isEqualTo(web.library.current().answerer().articles().get(0).title());
  }

  @Test
  void listsTheEntitiesAndOpensOneByNameOrAliasInAnyCase() throws Exception {
    JsonNode all = json(web.get("/api/entities"));
    assertThat(all).hasSize(web.library.current().answerer().entities().size());
    assertThat(all.findValuesAsText("name")).contains("OpenAI", "Amazon Web Services");

    JsonNode byAlias = json(web.get("/api/entities/aws"));
    assertThat(byAlias.path("name").asText()).isEqualTo("Amazon Web Services");
    assertThat(byAlias.path("articles").get(0).asText())
        .isEqualTo(web.library.current().answerer().articles().get(0).title());
    HttpResponse<String> spaced = web.get("/api/entities/annapurna%20labs");
    assertThat(json(spaced).path("name").asText()).isEqualTo("Annapurna Labs");
  }

  @Test
  void anUnknownEntityIs404SuggestingCloseOnes() throws Exception {
    HttpResponse<String> response = web.get("/api/entities/OpenAl");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText())
        .startsWith("no entity named 'OpenAl'; did you mean ")
        .contains("OpenAI");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          malformed JSON          | {"question": "a   | 400 | malformed JSON: Unexpected end-of-input
          not an object           | ["question"]      | 400 | the body must be a JSON object, not array
          missing question        | {}                | 400 | question is missing: send {"question": "..."}
          question not a string   | {"question": 42}  | 400 | question must be a string, not number
          blank question          | {"question": " "} | 400 | question is blank
          invisible question      | {"question": "\\u200b\\u2060"} | 400 | question is blank: it has no letter or digit
          unknown field           | {"question": "hi", "lang": "en"} | 400 | unknown field 'lang'; expected conversation, question
          bad conversation        | {"question": "hi", "conversation": "a b"} | 400 | conversation must be 1 to 64 letters, digits, '-' or '_', such as the Briefbot-Conversation header of an answer
          """)
  void refusesBadQuestionsNamingTheProblem(String title, String body, int status, String error)
      throws Exception {
    HttpResponse<String> response = web.postJson("/api/ask", body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(json(response).path("status").asInt()).isEqualTo(status);
    assertThat(json(response).path("error").asText()).startsWith(error);
  }

  @Test
  void refusesATooLongQuestion() throws Exception {
    int limit = web.config.answer().maxQuestionChars();
    HttpResponse<String> response = ask("why ".repeat(limit / 4 + 1));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText())
        .isEqualTo("question is " + (limit + 4) + " characters long; the limit is " + limit);
  }

  @Test
  void refusesABodyOverTheLimitWith413() throws Exception {
    String huge = "{\"question\": \"" + "x".repeat(Api.MAX_BODY_BYTES) + "\"}";
    HttpResponse<String> response = web.postJson("/api/ask", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).path("error").asText())
        .isEqualTo("request body is larger than " + Api.MAX_BODY_BYTES + " bytes");
  }

  @Test
  void refusesAnotherContentTypeWith415() throws Exception {
    HttpResponse<String> response =
        web.send(
            HttpRequest.newBuilder(web.url("/api/ask"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(DEAL)));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(json(response).path("error").asText())
        .isEqualTo("Content-Type must be application/json, not 'text/plain'");
  }

  @ParameterizedTest
  @CsvSource({"GET,/api/ask,POST", "GET,/api/votes,POST", "POST,/api/articles,'GET, HEAD'"})
  void refusesTheWrongMethodWith405AndSaysWhichIsRight(String method, String path, String allow)
      throws Exception {
    HttpResponse<String> response =
        web.send(
            HttpRequest.newBuilder(web.url(path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{}")));

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue(allow);
    assertThat(json(response).path("error").asText())
        .isEqualTo("method " + method + " is not allowed here; use " + allow);
  }

  @ParameterizedTest
  @CsvSource({
    "'{\"answer\": \"x\", \"conversation\": \"c\", \"vote\": \"up\"}',answer must be the number in the Briefbot-Answer-Id header of an answer",
    "'{\"answer\": 1, \"vote\": \"up\"}',conversation is missing: the answer's own",
    "'{\"answer\": 1, \"conversation\": \"c\", \"vote\": \"sideways\"}',vote must be \"up\" or \"down\""
  })
  void refusesBadVotesNamingTheProblem(String body, String error) throws Exception {
    HttpResponse<String> response = web.postJson("/api/votes", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").asText()).isEqualTo(error);
  }

  @Test
  void anUnknownApiPathIs404() throws Exception {
    HttpResponse<String> response = web.get("/api/nothing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").asText())
        .isEqualTo("no such API path: /api/nothing; see /api/openapi.json");
  }

  @Test
  void theOpenApiDocumentNamesExactlyThePathsServedAndEachIsServed() throws Exception {
    JsonNode document = json(web.get("/api/openapi.json"));
    List<String> documented = new ArrayList<>();
    for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
      documented.add(paths.next());
    }

    assertThat(document.path("openapi").asText()).startsWith("3.");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(Api.PATHS);
    for (String path : documented) {
      JsonNode operations = document.path("paths").path(path);
      String concrete = path.replace("{name}", "OpenAI");
      HttpResponse<String> response =
          operations.has("post") ? web.postJson(concrete, "{}") : web.get(concrete);
      assertThat(response.statusCode()).as(path).isIn(200, 400);
      assertThat(response.body()).as(path).doesNotContain("no such API path");
    }
  }

  @Test
  void corsLetsConfiguredOriginsCallFromTheirPagesAndNoOthers() {
    HttpResponse<String> preflight = preflight("https://news.example.org");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://news.example.org");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValue("GET, POST, OPTIONS");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Content-Type");

    HttpResponse<String> refused = preflight("https://evil.example.com");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(refused.body())
        .contains("origin https://evil.example.com may not call this API from a browser");

    HttpResponse<String> allowed =
        web.send(
            HttpRequest.newBuilder(web.url("/api/articles"))
                .header("Origin", "https://news.example.org"));
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://news.example.org");
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains(Api.ANSWER_ID_HEADER, Api.CONVERSATION_HEADER);
    HttpResponse<String> other =
        web.send(
            HttpRequest.newBuilder(web.url("/api/articles"))
                .header("Origin", "https://evil.example.com"));
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static HttpResponse<String> preflight(String origin) {
    return web.send(
        HttpRequest.newBuilder(web.url("/api/ask"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }
}
