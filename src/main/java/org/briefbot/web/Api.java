package org.briefbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.AnswerJson;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.Reply;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Article;
import org.briefbot.store.Vote;
import org.briefbot.store.VoteOutcome;

/**
 * The JSON API under {@code /api/}, as {@code openapi.json} documents it: ask, articles, entities,
 * votes. Every refusal is a 4xx with a JSON error naming the problem; each client address gets
 * {@code web.requestsPerMinute} requests a minute; origins in {@code web.corsOrigins} may call it
 * from their pages.
 */
final class Api implements HttpHandler {
  /** Every path the API serves, as the OpenAPI document names them. */
  static final List<String> PATHS =
      List.of(
          "/api/ask",
          "/api/chat",
          "/api/articles",
          "/api/entities",
          "/api/entities/{name}",
          "/api/votes",
          "/api/openapi.json");

  /** The conversation a question was answered in: send it back to follow up. */
  static final String CONVERSATION_HEADER = "Briefbot-Conversation";

  /** The id {@code POST /api/votes} takes; absent for a decline or while the store is down. */
  static final String ANSWER_ID_HEADER = "Briefbot-Answer-Id";

  /**
   * Where the key sentence is in {@code answer.text}: "START-END", UTF-16 offsets as JavaScript
   * counts them, END exclusive; absent when there is no passage or the sentence is not in it.
   */
  static final String KEY_SENTENCE_HEADER = "Briefbot-Key-Sentence";

  /**
   * The message's other questions when it asked several: each percent-encoded as UTF-8 (a header
   * carries ASCII), comma-separated.
   */
  static final String ALSO_ASKED_HEADER = "Briefbot-Also-Asked";

  /** A question is at most answer.maxQuestionChars; a body this big is not a question. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private static final String ENTITIES = "/api/entities/";

  private final Library library;
  private final WebChat chat;
  private final WebMetrics metrics;
  private final RateLimit limit;
  private final Cors cors;
  private final StaticFiles files;
  private final int maxQuestionChars;

  Api(
      Library library,
      WebChat chat,
      WebMetrics metrics,
      RateLimit limit,
      Cors cors,
      StaticFiles files,
      int maxQuestionChars) {
    this.library = Objects.requireNonNull(library, "library");
    this.chat = Objects.requireNonNull(chat, "chat");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.cors = Objects.requireNonNull(cors, "cors");
    this.files = Objects.requireNonNull(files, "files");
    this.maxQuestionChars = maxQuestionChars;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (cors.apply(exchange)) {
      return;
    }
    checkRate(exchange);
    String path = exchange.getRequestURI().getPath();
    switch (path) {
      case "/api/ask" -> ask(exchange);
      case "/api/chat" -> chat(exchange);
      case "/api/articles" -> articles(exchange);
      case "/api/entities" -> entities(exchange);
      case "/api/votes" -> vote(exchange);
      case "/api/openapi.json" -> files.handle(exchange);
      default -> {
        if (path.startsWith(ENTITIES) && path.length() > ENTITIES.length()) {
          entity(exchange, path.substring(ENTITIES.length()));
        } else {
          throw new Problem(404, "no such API path: " + path + "; see /api/openapi.json");
        }
      }
    }
  }

  private void checkRate(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    Duration wait = limit.wait(remote.getAddress().getHostAddress());
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      throw new Problem(
          429,
          "too many requests from this address; try again in " + seconds + " s",
          Map.of("Retry-After", String.valueOf(seconds)));
    }
  }

  /** A question and the conversation it is asked in, read from a request's JSON body. */
  private record Asking(String question, Optional<String> conversation) {}

  private Asking asking(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("POST"));
    Exchanges.requireJson(exchange);
    ObjectNode body =
        object(Exchanges.body(exchange, MAX_BODY_BYTES), Set.of("question", "conversation"));
    return new Asking(question(body), conversation(body));
  }

  /**
   * What the conversation replies, as Telegram shows it ({@link ChatJson}): the chat page's
   * endpoint. Answers carry the same headers as {@code /api/ask}.
   */
  private void chat(HttpExchange exchange) throws IOException {
    Asking asking = asking(exchange);
    long start = System.nanoTime();
    WebChat.Replied replied = chat.reply(asking.question(), asking.conversation());
    Optional<Answer> answer =
        replied.reply() instanceof Reply.Answered a ? Optional.of(a.answer()) : Optional.empty();
    // Lists, key points and greetings are no questions: the answered share counts questions.
    answer.ifPresent(a -> metrics.asked(a.answered(), Duration.ofNanos(System.nanoTime() - start)));
    headers(exchange, replied.conversation(), replied.answerId(), answer);
    Exchanges.json(exchange, 200, ChatJson.of(replied.reply()));
  }

  private void ask(HttpExchange exchange) throws IOException {
    Asking asking = asking(exchange);
    long start = System.nanoTime();
    WebChat.Asked asked = chat.ask(asking.question(), asking.conversation());
    Answer answer = asked.answer();
    metrics.asked(answer.answered(), Duration.ofNanos(System.nanoTime() - start));
    headers(exchange, asked.conversation(), asked.answerId(), Optional.of(answer));
    if (!asked.alsoAsked().isEmpty()) {
      exchange.getResponseHeaders().set(ALSO_ASKED_HEADER, alsoAsked(asked.alsoAsked()));
    }
    Exchanges.json(exchange, 200, AnswerJson.of(answer));
  }

  /** The conversation to follow up in, and for an answer what to vote on and its key sentence. */
  private static void headers(
      HttpExchange exchange, String conversation, OptionalLong answerId, Optional<Answer> answer) {
    exchange.getResponseHeaders().set(CONVERSATION_HEADER, conversation);
    answerId.ifPresent(
        id -> exchange.getResponseHeaders().set(ANSWER_ID_HEADER, String.valueOf(id)));
    answer
        .flatMap(Answer::best)
        .flatMap(Api::keySentence)
        .ifPresent(range -> exchange.getResponseHeaders().set(KEY_SENTENCE_HEADER, range));
  }

  /** As {@code encodeURIComponent} writes each, which {@code decodeURIComponent} reads back. */
  static String alsoAsked(List<String> questions) {
    return questions.stream()
        .map(q -> URLEncoder.encode(q, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining(","));
  }

  private static Optional<String> keySentence(Source source) {
    int start = source.text().indexOf(source.keySentence());
    if (start < 0 || source.keySentence().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(start + "-" + (start + source.keySentence().length()));
  }

  private String question(ObjectNode body) {
    JsonNode field = body.get("question");
    if (field == null || field.isNull()) {
      throw new Problem(400, "question is missing: send {\"question\": \"...\"}");
    }
    if (!field.isTextual()) {
      throw new Problem(400, "question must be a string, not " + kind(field));
    }
    String question = field.asText();
    if (Conversation.readable(question).isEmpty()) {
      throw new Problem(400, "question is blank: it has no letter or digit");
    }
    if (question.length() > maxQuestionChars) {
      throw new Problem(
          400,
          "question is "
              + question.length()
              + " characters long; the limit is "
              + maxQuestionChars);
    }
    return question;
  }

  private static Optional<String> conversation(ObjectNode body) {
    JsonNode field = body.get("conversation");
    if (field == null || field.isNull()) {
      return Optional.empty();
    }
    if (!field.isTextual() || !WebChat.CONVERSATION_ID.matcher(field.asText()).matches()) {
      throw new Problem(
          400,
          "conversation must be 1 to 64 letters, digits, '-' or '_', such as the "
              + CONVERSATION_HEADER
              + " header of an answer");
    }
    return Optional.of(field.asText());
  }

  private void vote(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("POST"));
    Exchanges.requireJson(exchange);
    ObjectNode body =
        object(Exchanges.body(exchange, MAX_BODY_BYTES), Set.of("answer", "conversation", "vote"));
    JsonNode answer = body.get("answer");
    if (answer == null || !answer.canConvertToLong() || !answer.isIntegralNumber()) {
      throw new Problem(
          400, "answer must be the number in the " + ANSWER_ID_HEADER + " header of an answer");
    }
    String conversation =
        conversation(body)
            .orElseThrow(() -> new Problem(400, "conversation is missing: the answer's own"));
    Vote vote = voteOf(body.get("vote"));
    long id = answer.asLong();
    VoteOutcome outcome =
        chat.vote(id, conversation, vote)
            .orElseThrow(() -> new Problem(503, "votes cannot be recorded right now; try later"));
    switch (outcome) {
      case UNKNOWN_ANSWER -> throw new Problem(404, "no answer has id " + id);
      case OTHER_CHAT ->
          throw new Problem(403, "answer " + id + " was not given in this conversation");
      default ->
          Exchanges.json(exchange, 200, Map.of("outcome", outcome.name().toLowerCase(Locale.ROOT)));
    }
  }

  private static Vote voteOf(JsonNode field) {
    String value = field == null || !field.isTextual() ? "" : field.asText();
    return switch (value) {
      case "up" -> Vote.UP;
      case "down" -> Vote.DOWN;
      default -> throw new Problem(400, "vote must be \"up\" or \"down\"");
    };
  }

  private void articles(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    List<Map<String, Object>> articles = new ArrayList<>();
    for (Article a : library.current().answerer().articles()) {
      Map<String, Object> article = new LinkedHashMap<>();
      article.put("id", a.id());
      article.put("title", a.title());
      article.put("published", a.published().toString());
      article.put("link", a.link().map(Object::toString).orElse(null));
      article.put("hashtags", a.hashtags());
      articles.add(article);
    }
    Exchanges.json(exchange, 200, articles);
  }

  private void entities(HttpExchange exchange) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    List<Map<String, Object>> entities = new ArrayList<>();
    for (Entity e : library.current().answerer().entities()) {
      Map<String, Object> entity = new LinkedHashMap<>();
      entity.put("name", e.name());
      entity.put("kind", e.kind());
      entity.put("summary", e.summary());
      entity.put("articles", e.articleIds().size());
      entities.add(entity);
    }
    Exchanges.json(exchange, 200, entities);
  }

  /** One entity's note, by its name or an alias in any case. */
  private void entity(HttpExchange exchange, String name) throws IOException {
    Exchanges.requireMethod(exchange, Set.of("GET", "HEAD"));
    Answerer answerer = library.current().answerer();
    Entity entity =
        answerer.entities().stream()
            .filter(e -> e.names().stream().anyMatch(n -> n.equalsIgnoreCase(name)))
            .findFirst()
            .orElseThrow(() -> unknownEntity(answerer, name));
    EntityCard card = answerer.card(entity);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", card.name());
    body.put("kind", card.kind());
    body.put("description", card.description());
    body.put("summary", card.summary());
    body.put("aliases", entity.aliases());
    body.put("articles", card.articles());
    body.put("related", card.related());
    Exchanges.json(exchange, 200, body);
  }

  private static Problem unknownEntity(Answerer answerer, String name) {
    List<String> close = answerer.similarEntities(name, 3).stream().map(Entity::name).toList();
    return new Problem(
        404,
        "no entity named '"
            + name
            + "'"
            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
  }

  /** The body as a JSON object with no field but {@code allowed}. */
  private static ObjectNode object(byte[] body, Set<String> allowed) {
    JsonNode tree;
    try {
      tree = Exchanges.JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new Problem(400, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Problem(400, "malformed JSON: " + e.getMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new Problem(400, "the body must be a JSON object, not " + kind(tree));
    }
    for (Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!allowed.contains(field)) {
        throw new Problem(
            400,
            "unknown field '"
                + field
                + "'; expected "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
    return (ObjectNode) tree;
  }

  private static String kind(JsonNode node) {
    return node == null || node.isMissingNode()
        ? "nothing"
        : node.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
