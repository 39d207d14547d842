package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * An in-process imitation of the Telegram Bot API HTTP server, for tests.
 *
 * <p>It listens on {@code 127.0.0.1} on an ephemeral port (JDK {@link HttpServer}) and answers
 * {@code POST|GET /bot<token>/<method>} the way {@code api.telegram.org} does: a JSON envelope
 * {@code {"ok":true,"result":...}} on success, {@code
 * {"ok":false,"error_code":N,"description":...}} with HTTP status N on failure. Method names are
 * matched case-insensitively (TelegramBots sends e.g. {@code sendmessage}, {@code getme}, {@code
 * getupdates} but {@code setWebhook}, {@code answerInlineQuery}). Request parameters are accepted
 * as a JSON body (what TelegramBots uses for most methods), {@code
 * application/x-www-form-urlencoded}, {@code multipart/form-data} (what it uses for {@code
 * setWebhook} and file uploads) or a query string.
 *
 * <p>What it imitates:
 *
 * <ul>
 *   <li>{@code getMe}, {@code deleteWebhook}, {@code setWebhook}, {@code setMyCommands}, {@code
 *       answerCallbackQuery}, {@code answerInlineQuery}: canned successful results;
 *   <li>{@code sendMessage}: a {@code Message} with an incrementing {@code message_id}; {@code
 *       editMessageText}: the edited {@code Message} (or {@code true} for inline messages);
 *   <li>{@code getUpdates}: long polling over updates injected with {@code push*}; it honours
 *       {@code offset} (forgets updates below it), {@code limit} and {@code timeout}, but never
 *       blocks longer than {@link #DEFAULT_MAX_LONG_POLL} (configurable) so tests stay fast;
 *   <li>any other method: {@code {"ok":true,"result":true}}.
 * </ul>
 *
 * <p>Every request is recorded ({@link Recorded}) before any injected fault applies, so tests can
 * assert on retries and their timing. Faults ({@link #failNext}, {@link #rateLimitNext}, {@link
 * #delayNext}, {@link #dropNext}, {@link #badJsonNext}, {@link #outageAtNext}) queue per method;
 * each request to that method consumes one, and {@link #faultsInjected} counts them.
 */
public final class FakeBotApi implements AutoCloseable {

  /** The longest a {@code getUpdates} call blocks, whatever {@code timeout} the client asks for. */
  public static final Duration DEFAULT_MAX_LONG_POLL = Duration.ofSeconds(1);

  /** Username the fake reports from {@code getMe} and puts on the bot's own messages. */
  public static final String BOT_USERNAME = "briefbot_test_bot";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern PATH = Pattern.compile("^/bot([^/]+)/([A-Za-z0-9_]+)/?$");
  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
  private static final Pattern ENTITY =
      Pattern.compile("(?<![\\w/@])([/@])[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?");
  private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");

  /** One request as the fake received it. {@code method} is as sent (any case). */
  public record Recorded(String method, String token, JsonNode params, Instant receivedAt) {

    /** True if this request is for {@code name}, compared case-insensitively. */
    public boolean is(String name) {
      return method.equalsIgnoreCase(name);
    }

    /** A parameter as text (JSON objects/arrays as compact JSON), or null if absent. */
    public String param(String name) {
      JsonNode value = params.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      return value.isValueNode() ? value.asText() : value.toString();
    }

    @Override
    public String toString() {
      return receivedAt + " " + method + " " + params;
    }
  }

  private sealed interface Fault permits Failure, Delay, Drop, BadJson, Outage {}

  private record Failure(int status, String description, Integer retryAfter) implements Fault {}

  private record Delay(Duration duration) implements Fault {}

  /** The connection is closed halfway through the response body. */
  private record Drop() implements Fault {}

  /** HTTP 200 with a body that is not JSON, as a captive portal or a broken proxy sends. */
  private record BadJson() implements Fault {}

  /** The request's connection is dropped and the server refuses connections for a while. */
  private record Outage(Duration duration) implements Fault {}

  /**
   * Tests shorten the webhook's limit on receiving a request (the JDK server reads it once per
   * process, and the fake's server usually starts first).
   */
  static final long TEST_MAX_REQUEST_SECONDS = 3;

  static {
    System.setProperty(
        WebhookReceiver.MAX_REQUEST_SECONDS, String.valueOf(TEST_MAX_REQUEST_SECONDS));
  }

  /** Update ids grow across fakes in one JVM, as Telegram's do, so stores shared by tests agree. */
  private static final AtomicInteger UPDATE_ID_BLOCKS = new AtomicInteger();

  private volatile HttpServer server;
  private final int port;
  private final AtomicInteger faultsInjected = new AtomicInteger();
  private final AtomicInteger pollsInFlight = new AtomicInteger();
  private final ExecutorService executor;
  private final Duration maxLongPoll;
  private final long botId;

  private final List<Recorded> requests = new ArrayList<>(); // guarded by itself
  private final Map<String, Deque<Fault>> faults = new HashMap<>(); // guarded by itself

  private final ReentrantLock updatesLock = new ReentrantLock();
  private final Condition updatesChanged = updatesLock.newCondition();
  private final Deque<ObjectNode> pendingUpdates = new ArrayDeque<>(); // guarded by updatesLock
  // Guarded by updatesLock; the library ignores update_id <= 0.
  private int nextUpdateId = 1 + 100_000 * UPDATE_ID_BLOCKS.getAndIncrement();
  private volatile boolean closed;

  private final AtomicInteger nextSentMessageId = new AtomicInteger(1);
  private final AtomicInteger nextIncomingMessageId = new AtomicInteger(1);
  private final AtomicInteger nextQueryId = new AtomicInteger(1);

  /** Starts a fake with {@link #DEFAULT_MAX_LONG_POLL}. */
  public FakeBotApi() {
    this(DEFAULT_MAX_LONG_POLL);
  }

  /** Starts a fake whose {@code getUpdates} blocks at most {@code maxLongPoll}. */
  public FakeBotApi(Duration maxLongPoll) {
    this.maxLongPoll = maxLongPoll;
    this.botId = 7_000_000_001L;
    AtomicInteger threadNo = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "fake-bot-api-" + threadNo.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.server = listen(0);
    this.port = server.getAddress().getPort();
  }

  private HttpServer listen(int onPort) {
    HttpServer created;
    try {
      created =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start fake Bot API on port " + onPort, e);
    }
    created.setExecutor(executor);
    created.createContext("/", this::handle);
    created.start();
    return created;
  }

  // ------------------------------------------------------------------ addresses

  /** Like {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return port;
  }

  /** A TelegramBots {@link TelegramUrl} that points at this fake. */
  public TelegramUrl telegramUrl() {
    return TelegramUrl.builder()
        .schema("http")
        .host("127.0.0.1")
        .port(port())
        .testServer(false)
        .build();
  }

  /** The user id {@code getMe} reports (also the {@code from} of messages the bot sends). */
  public long botId() {
    return botId;
  }

  // ------------------------------------------------------------------ recorded requests

  /** Every request received so far, oldest first. */
  public List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Requests for {@code method} (case-insensitive), oldest first. */
  public List<Recorded> requests(String method) {
    return requests().stream().filter(r -> r.is(method)).collect(Collectors.toList());
  }

  public int count(String method) {
    return requests(method).size();
  }

  /** The first request for {@code method} that satisfies {@code p}. */
  public Recorded awaitRequest(String method, Duration timeout) {
    return awaitRequest(method, r -> true, timeout);
  }

  /**
   * Waits until a request for {@code method} that satisfies {@code p} has been received (it may
   * already have been) and returns the first such one.
   *
   * @throws AssertionError on timeout, listing every request received
   */
  public Recorded awaitRequest(String method, Predicate<Recorded> p, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (requests) {
      while (true) {
        for (Recorded r : requests) {
          if (r.is(method) && p.test(r)) {
            return r;
          }
        }
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMillis <= 0) {
          throw new AssertionError(
              "No matching '"
                  + method
                  + "' request within "
                  + timeout
                  + "; received "
                  + requests.size()
                  + ":"
                  + describe(requests));
        }
        try {
          requests.wait(leftMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted while waiting for '" + method + "'", e);
        }
      }
    }
  }

  /** Forgets recorded requests (not queued updates or faults). */
  public void clearRequests() {
    synchronized (requests) {
      requests.clear();
    }
  }

  private static String describe(List<Recorded> list) {
    if (list.isEmpty()) {
      return " (none)";
    }
    return list.stream().map(r -> "\n  " + r).collect(Collectors.joining());
  }

  // ------------------------------------------------------------------ fault injection

  /** The next call to {@code method} answers HTTP {@code httpStatus} with {@code ok:false}. */
  public void failNext(String method, int httpStatus, String description) {
    addFault(method, new Failure(httpStatus, description, null));
  }

  /** The next call to {@code method} answers 429 with {@code parameters.retry_after}. */
  public void rateLimitNext(String method, int retryAfterSeconds) {
    addFault(
        method,
        new Failure(429, "Too Many Requests: retry after " + retryAfterSeconds, retryAfterSeconds));
  }

  /** The next call to {@code method} is answered normally, but only after {@code delay}. */
  public void delayNext(String method, Duration delay) {
    addFault(method, new Delay(delay));
  }

  /**
   * The next call to {@code method} is carried out (a message is sent), but its connection is
   * closed halfway through the response: the client reads "unexpected end of stream".
   */
  public void dropNext(String method) {
    addFault(method, new Drop());
  }

  /** The next call to {@code method} is answered 200 with a body that is not JSON. */
  public void badJsonNext(String method) {
    addFault(method, new BadJson());
  }

  /**
   * When the next call to {@code method} arrives, the Bot API goes away: that call's connection is
   * dropped unanswered, and connections are refused for {@code duration}, then served again on the
   * same port.
   */
  public void outageAtNext(String method, Duration duration) {
    addFault(method, new Outage(duration));
  }

  /** Faults that have been applied to a request so far. */
  public int faultsInjected() {
    return faultsInjected.get();
  }

  /** getUpdates calls the fake is still answering (a long poll waits up to its maximum). */
  public int pollsInFlight() {
    return pollsInFlight.get();
  }

  /** True while connections are refused. */
  public boolean down() {
    return server == null;
  }

  private void addFault(String method, Fault fault) {
    synchronized (faults) {
      faults.computeIfAbsent(key(method), k -> new ArrayDeque<>()).addLast(fault);
    }
  }

  private Fault takeFault(String method) {
    Fault fault;
    synchronized (faults) {
      Deque<Fault> queue = faults.get(key(method));
      fault = queue == null ? null : queue.pollFirst();
    }
    if (fault != null) {
      faultsInjected.incrementAndGet();
    }
    return fault;
  }

  /** Stops listening now, and listens again on the same port after {@code duration}. */
  private void goAway(Duration duration) {
    HttpServer stopping = server;
    server = null;
    Thread outage =
        new Thread(
            () -> {
              stopping.stop(0);
              if (sleep(duration)) {
                server = listenAgain();
              }
            },
            "fake-bot-api-outage");
    outage.setDaemon(true);
    outage.start();
  }

  /** The port was ours a moment ago; binding it again may take a few tries. */
  private HttpServer listenAgain() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (true) {
      try {
        return listen(port);
      } catch (UncheckedIOException e) {
        if (System.nanoTime() > deadline || !sleep(Duration.ofMillis(50))) {
          throw e;
        }
      }
    }
  }

  // ------------------------------------------------------------------ update injection

  /**
   * Queues an update for {@code getUpdates}. If the JSON has no {@code update_id}, the next one is
   * assigned. Returns the queued update (with its {@code update_id}).
   */
  public JsonNode pushUpdate(String json) {
    JsonNode parsed;
    try {
      parsed = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + json, e);
    }
    if (!(parsed instanceof ObjectNode update)) {
      throw new IllegalArgumentException("an update must be a JSON object: " + json);
    }
    return enqueue(update);
  }

  /**
   * A text message from {@code userId} in chat {@code chatId} of {@code chatType} ("private",
   * "group", "supergroup").
   */
  public JsonNode pushMessage(long chatId, String chatType, long userId, String text) {
    ObjectNode update = NODES.objectNode();
    update.set("message", incomingMessage(chatId, chatType, userId, text));
    return enqueue(update);
  }

  /** A text message in a private chat with {@code userId} (chat id = user id). */
  public JsonNode pushPrivateMessage(long userId, String text) {
    return pushMessage(userId, "private", userId, text);
  }

  /** A text message in group {@code chatId} (use a negative id, as Telegram does). */
  public JsonNode pushGroupMessage(long chatId, long userId, String text) {
    return pushMessage(chatId, "group", userId, text);
  }

  /**
   * A callback query (inline button press) on the bot's message {@code messageId}. Id: {@code
   * /callback_query/id}.
   */
  public JsonNode pushCallbackQuery(long chatId, long userId, int messageId, String data) {
    ObjectNode botMessage =
        message(
            messageId, chat(chatId, chatId < 0 ? "group" : "private"), botUser(), "(bot message)");
    ObjectNode query = NODES.objectNode();
    query.put("id", "cbq-" + nextQueryId.getAndIncrement());
    query.set("from", user(userId));
    query.set("message", botMessage);
    query.put("chat_instance", "ci" + chatId);
    query.put("data", data);
    ObjectNode update = NODES.objectNode();
    update.set("callback_query", query);
    return enqueue(update);
  }

  /** An inline query ({@code @bot query}) from {@code userId}. Id: {@code /inline_query/id}. */
  public JsonNode pushInlineQuery(long userId, String query) {
    ObjectNode inline = NODES.objectNode();
    inline.put("id", "iq-" + nextQueryId.getAndIncrement());
    inline.set("from", user(userId));
    inline.put("query", query);
    inline.put("offset", "");
    inline.put("chat_type", "sender");
    ObjectNode update = NODES.objectNode();
    update.set("inline_query", inline);
    return enqueue(update);
  }

  /** Updates queued and not yet forgotten (i.e. not yet confirmed by a higher {@code offset}). */
  public int pendingUpdates() {
    updatesLock.lock();
    try {
      return pendingUpdates.size();
    } finally {
      updatesLock.unlock();
    }
  }

  private JsonNode enqueue(ObjectNode update) {
    updatesLock.lock();
    try {
      if (update.hasNonNull("update_id")) {
        nextUpdateId = Math.max(nextUpdateId, update.get("update_id").asInt() + 1);
      } else {
        update.put("update_id", nextUpdateId++);
      }
      pendingUpdates.addLast(update);
      updatesChanged.signalAll();
      return update.deepCopy();
    } finally {
      updatesLock.unlock();
    }
  }

  private ObjectNode incomingMessage(long chatId, String chatType, long userId, String text) {
    ObjectNode message =
        message(
            nextIncomingMessageId.getAndIncrement(), chat(chatId, chatType), user(userId), text);
    ArrayNode entities = entities(text);
    if (!entities.isEmpty()) {
      message.set("entities", entities);
    }
    return message;
  }

  /**
   * bot_command and mention entities, as Telegram adds them (offsets in UTF-16 units, like Java).
   */
  private static ArrayNode entities(String text) {
    ArrayNode entities = NODES.arrayNode();
    Matcher m = ENTITY.matcher(text);
    while (m.find()) {
      boolean command = m.group(1).equals("/");
      if (command && m.start() != 0) {
        continue; // only a leading /command counts here
      }
      ObjectNode entity = entities.addObject();
      entity.put("type", command ? "bot_command" : "mention");
      entity.put("offset", m.start());
      entity.put("length", m.end() - m.start());
    }
    return entities;
  }

  private static ObjectNode message(int messageId, ObjectNode chat, ObjectNode from, String text) {
    ObjectNode message = NODES.objectNode();
    message.put("message_id", messageId);
    message.set("from", from);
    message.set("chat", chat);
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", text);
    return message;
  }

  private static ObjectNode chat(long chatId, String type) {
    ObjectNode chat = NODES.objectNode();
    chat.put("id", chatId);
    chat.put("type", type);
    if ("private".equals(type)) {
      chat.put("first_name", "User" + chatId);
    } else {
      chat.put("title", "Chat " + chatId);
    }
    return chat;
  }

  private static ObjectNode user(long userId) {
    ObjectNode user = NODES.objectNode();
    user.put("id", userId);
    user.put("is_bot", false);
    user.put("first_name", "User" + userId);
    user.put("username", "user" + userId);
    user.put("language_code", "en");
    return user;
  }

  private ObjectNode botUser() {
    ObjectNode user = NODES.objectNode();
    user.put("id", botId);
    user.put("is_bot", true);
    user.put("first_name", "BriefBot");
    user.put("username", BOT_USERNAME);
    return user;
  }

  // ------------------------------------------------------------------ HTTP handling

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Matcher m = PATH.matcher(exchange.getRequestURI().getPath());
      if (!m.matches()) {
        exchange.getRequestBody().readAllBytes();
        respond(exchange, 404, error(404, "Not Found"));
        return;
      }
      ObjectNode params;
      try {
        params = parseParams(exchange);
      } catch (IOException | RuntimeException e) {
        record(new Recorded(m.group(2), m.group(1), NODES.objectNode(), Instant.now()));
        respond(
            exchange,
            400,
            error(400, "Bad Request: fake cannot parse parameters: " + e.getMessage()));
        return;
      }
      Recorded recorded = new Recorded(m.group(2), m.group(1), params, Instant.now());
      record(recorded);
      respond(exchange, recorded);
    } catch (RuntimeException e) {
      respond(exchange, 500, error(500, "Internal Server Error: fake failed: " + e));
    }
  }

  private void record(Recorded r) {
    synchronized (requests) {
      requests.add(r);
      requests.notifyAll();
    }
  }

  private void respond(HttpExchange exchange, Recorded r) throws IOException {
    Fault fault = takeFault(r.method());
    if (fault instanceof Failure failure) {
      ObjectNode body = error(failure.status(), failure.description());
      if (failure.retryAfter() != null) {
        body.putObject("parameters").put("retry_after", failure.retryAfter());
      }
      respond(exchange, failure.status(), body);
      return;
    }
    if (fault instanceof Delay delay && !sleep(delay.duration())) {
      return; // closing
    }
    if (fault instanceof Outage outage) {
      goAway(outage.duration());
      return; // closing the exchange unanswered drops the connection
    }
    if (fault instanceof BadJson) {
      respond(exchange, 200, "<html><body>502 Bad Gateway</body></html>");
      return;
    }
    ObjectNode body = NODES.objectNode();
    body.put("ok", true);
    body.set("result", result(r));
    if (fault instanceof Drop) {
      respondHalf(exchange, body);
      return;
    }
    respond(exchange, 200, body);
  }

  /** Promises the whole body, sends half, and closes the connection. */
  private static void respondHalf(HttpExchange exchange, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes, 0, bytes.length / 2);
    exchange.getResponseBody().flush();
    throw new IOException("fake dropped the connection mid-response"); // closes it, short
  }

  private static void respond(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private JsonNode result(Recorded r) {
    JsonNode p = r.params();
    switch (key(r.method())) {
      case "getme":
        return botUser()
            .put("can_join_groups", true)
            .put("can_read_all_group_messages", false)
            .put("supports_inline_queries", true);
      case "sendmessage":
        return sentMessage(nextSentMessageId.getAndIncrement(), p);
      case "editmessagetext":
        if (p.hasNonNull("inline_message_id")) {
          return NODES.booleanNode(true);
        }
        return sentMessage(p.path("message_id").asInt(), p)
            .put("edit_date", Instant.now().getEpochSecond());
      case "getupdates":
        pollsInFlight.incrementAndGet();
        try {
          return pollUpdates(p);
        } finally {
          pollsInFlight.decrementAndGet();
        }
      default: // setWebhook, deleteWebhook, setMyCommands, answerCallbackQuery, answerInlineQuery,
        // ...
        return NODES.booleanNode(true);
    }
  }

  private ObjectNode sentMessage(int messageId, JsonNode p) {
    String chatId = p.path("chat_id").asText("0");
    long id = chatId.matches("-?\\d+") ? Long.parseLong(chatId) : 0L;
    ObjectNode message =
        message(
            messageId,
            chat(id, id < 0 ? "group" : "private"),
            botUser(),
            p.path("text").asText(""));
    if (p.has("reply_markup")) {
      message.set("reply_markup", p.get("reply_markup"));
    }
    return message;
  }

  /** Long poll: forget updates below offset; wait (bounded) for one; return up to limit. */
  private ArrayNode pollUpdates(JsonNode p) {
    int offset = p.path("offset").asInt(0);
    int limit = p.path("limit").asInt(100);
    limit = limit <= 0 ? 100 : limit;
    Duration wait = Duration.ofSeconds(Math.max(0, p.path("timeout").asInt(0)));
    if (wait.compareTo(maxLongPoll) > 0) {
      wait = maxLongPoll;
    }
    long deadline = System.nanoTime() + wait.toNanos();
    updatesLock.lock();
    try {
      forgetBelow(offset);
      while (pendingUpdates.isEmpty() && !closed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        updatesChanged.awaitNanos(left);
        forgetBelow(offset);
      }
      ArrayNode result = NODES.arrayNode();
      for (ObjectNode update : pendingUpdates) {
        if (result.size() == limit) {
          break;
        }
        result.add(update.deepCopy());
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return NODES.arrayNode();
    } finally {
      updatesLock.unlock();
    }
  }

  private void forgetBelow(int offset) {
    if (offset < 0) { // Telegram: a negative offset keeps only the last -offset updates
      while (pendingUpdates.size() > -offset) {
        pendingUpdates.removeFirst();
      }
      return;
    }
    Iterator<ObjectNode> it = pendingUpdates.iterator();
    while (it.hasNext()) {
      if (it.next().path("update_id").asInt() < offset) {
        it.remove();
      }
    }
  }

  private boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return !closed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ObjectNode error(int code, String description) {
    ObjectNode body = NODES.objectNode();
    body.put("ok", false);
    body.put("error_code", code);
    body.put("description", description);
    return body;
  }

  private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  // ------------------------------------------------------------------ request parsing

  /** Query string, then the body (JSON, urlencoded form or multipart form), into one object. */
  private static ObjectNode parseParams(HttpExchange exchange) throws IOException {
    ObjectNode params = NODES.objectNode();
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      parseUrlEncoded(query, params);
    }
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (body.length == 0) {
      return params;
    }
    String contentType =
        String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"))
            .toLowerCase(Locale.ROOT);
    if (contentType.startsWith("multipart/form-data")) {
      parseMultipart(body, exchange.getRequestHeaders().getFirst("Content-Type"), params);
    } else if (contentType.startsWith("application/x-www-form-urlencoded")) {
      parseUrlEncoded(new String(body, StandardCharsets.UTF_8), params);
    } else {
      JsonNode json = JSON.readTree(body);
      if (json instanceof ObjectNode object) {
        params.setAll(object);
      } else {
        throw new IllegalArgumentException(
            "body is not a JSON object: " + new String(body, StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static void parseUrlEncoded(String form, ObjectNode params) {
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.set(name, formValue(value));
    }
  }

  /**
   * Minimal multipart/form-data reader. Works on ISO-8859-1 text (one char per byte) so that byte
   * offsets survive, then re-decodes text values as UTF-8. File parts are summarised.
   */
  private static void parseMultipart(byte[] body, String contentType, ObjectNode params) {
    Matcher b = BOUNDARY.matcher(contentType);
    if (!b.find()) {
      throw new IllegalArgumentException("multipart without boundary: " + contentType);
    }
    String raw = new String(body, StandardCharsets.ISO_8859_1);
    for (String part : raw.split(Pattern.quote("--" + b.group(1)))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue; // preamble or the closing "--"
      }
      String headers = part.substring(0, headerEnd);
      String content = part.substring(headerEnd + 4);
      if (content.endsWith("\r\n")) {
        content = content.substring(0, content.length() - 2);
      }
      Matcher name = NAME.matcher(headers);
      if (!name.find()) {
        continue;
      }
      Matcher file = FILENAME.matcher(headers);
      if (file.find()) {
        params.put(name.group(1), "<file " + file.group(1) + ", " + content.length() + " bytes>");
      } else {
        String text =
            new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        params.set(name.group(1), formValue(text));
      }
    }
  }

  /** Form values that hold JSON (reply_markup, allowed_updates, ...) become JSON nodes. */
  private static JsonNode formValue(String value) {
    String trimmed = value.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        return JSON.readTree(trimmed);
      } catch (JsonProcessingException e) {
        // not JSON after all: keep the text
      }
    }
    return NODES.textNode(value);
  }

  private static String key(String method) {
    return method.toLowerCase(Locale.ROOT);
  }

  // ------------------------------------------------------------------ shutdown

  /** Stops the server, wakes blocked long polls and stops the handler threads. */
  @Override
  public void close() {
    closed = true;
    updatesLock.lock();
    try {
      updatesChanged.signalAll();
    } finally {
      updatesLock.unlock();
    }
    HttpServer listening = server;
    if (listening != null) {
      listening.stop(0);
    }
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
