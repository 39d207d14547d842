package org.briefbot.desk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.Answer;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.store.DownvotedAnswer;
import org.briefbot.store.Mark;
import org.briefbot.store.Reason;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.Store;
import org.briefbot.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The editors' desk: an {@link HttpHandler} for every path under {@value #PREFIX}. Nothing but the
 * login form is served without a session: a page redirects to the login, a post is refused with
 * 401. Every post carries the session's CSRF token (403 without it). The login compares the secret
 * in constant time, throttles failures per client address and sets an HttpOnly, SameSite=Strict
 * session cookie. While no secret is configured, every path answers 503 saying how to set one.
 *
 * <p>Each request reads the store and the knowledge serving at that moment, so two replicas on one
 * database show the same numbers. A failure answers a page saying what went wrong; it never stops
 * the server.
 */
public final class Desk implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(Desk.class);

  /** Where the desk is mounted. */
  public static final String PREFIX = "/desk";

  static final String SESSION_COOKIE = "briefbot_desk";
  static final String LOGIN_COOKIE = "briefbot_desk_login";

  /** A form post larger than this is refused: the largest form holds an answer and wordings. */
  static final int MAX_BODY_BYTES = 64 * 1024;

  static final int DEFAULT_DAYS = 30;
  static final int MAX_DAYS = 366;
  static final int LIST_SIZE = 50;
  static final int REVIEW_SIZE = 10;

  private static final Set<String> BACK = Set.of("questions", "downvoted", "review");

  private final Library library;
  private final ResilientStore store;
  private final DeskSettings settings;
  private final Meanings meanings;
  private final Clock clock;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final FaqFiles faq;
  private final ChitChat chitChat = new ChitChat();

  public Desk(
      Library library,
      ResilientStore store,
      DeskSettings settings,
      Meanings meanings,
      Clock clock) {
    this.library = Objects.requireNonNull(library, "library");
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.meanings = new CachedMeanings(Objects.requireNonNull(meanings, "meanings"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sessions = new Sessions(settings.sessionTtl(), clock);
    this.throttle = new LoginThrottle(settings.loginAttempts(), DeskSettings.LOGIN_WINDOW, clock);
    this.faq = new FaqFiles(settings.faqFolder());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = route(new Request(exchange));
      } catch (BodyTooLarge e) {
        response = Response.page(413, Page.render("Too large", "", Optional.empty(), ""));
      } catch (StoreException e) {
        log.warn("The desk could not read the store: {}", e.getMessage());
        response = problem(503, "The store cannot be reached: " + e.getMessage());
      } catch (RuntimeException e) {
        log.error("The desk failed on {} {}", exchange.getRequestMethod(), path(exchange), e);
        response = problem(500, "Something went wrong on the desk; the log says what.");
      }
      send(exchange, response);
    }
  }

  /** One request: its method, path under the prefix, cookies, query and client. */
  private static final class Request {
    final String method;
    final String path;
    final Form query;
    final Map<String, String> cookies;
    final String client;
    final HttpExchange exchange;

    Request(HttpExchange exchange) {
      this.exchange = exchange;
      this.method = exchange.getRequestMethod();
      String full = path(exchange);
      this.path = full.length() <= PREFIX.length() ? "/" : full.substring(PREFIX.length());
      this.query = Form.parse(exchange.getRequestURI().getRawQuery());
      this.cookies = Cookies.parse(exchange.getRequestHeaders().get("Cookie"));
      this.client = exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    boolean get() {
      return method.equals("GET") || method.equals("HEAD");
    }

    boolean post() {
      return method.equals("POST");
    }

    Form form() throws BodyTooLarge {
      try (InputStream in = exchange.getRequestBody()) {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
          throw new BodyTooLarge();
        }
        return Form.parse(new String(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        return Form.parse("");
      }
    }
  }

  /** A form post over {@link #MAX_BODY_BYTES}. */
  private static final class BodyTooLarge extends Exception {}

  private static String path(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
  }

  private Response route(Request request) throws BodyTooLarge {
    Optional<String> off = settings.off();
    if (off.isPresent()) {
      return problem(503, off.get());
    }
    if (request.path.equals("/login")) {
      return request.post()
          ? login(request)
          : request.get() ? loginPage(Optional.empty(), 200) : notAllowed();
    }
    Optional<Sessions.Session> session =
        Optional.ofNullable(request.cookies.get(SESSION_COOKIE)).flatMap(sessions::find);
    if (session.isEmpty()) {
      return request.get()
          ? Response.redirect(PREFIX + "/login")
          : problem(401, "Log in first: this desk needs a session.");
    }
    if (request.post()) {
      Form form = request.form();
      if (!same(form.get("csrf").orElse(""), session.get().csrf())) {
        return problem(
            403,
            "This form has expired or did not come from the desk. Reload the page and try again.");
      }
      return post(request.path, form, session.get());
    }
    if (!request.get()) {
      return notAllowed();
    }
    return page(request, session.get().csrf());
  }

  private Response page(Request request, String csrf) {
    int days = days(request.query);
    return switch (request.path) {
      case "/" -> html("Overview", PREFIX, csrf, overview(days));
      case "/questions" ->
          html("Unanswered and unsure", PREFIX + "/questions", csrf, questions(days, csrf));
      case "/downvoted" ->
          html("Down-voted answers", PREFIX + "/downvoted", csrf, downvoted(days, csrf));
      case "/review" -> html("Review queue", PREFIX + "/review", csrf, review(days, csrf));
      case "/test" -> html("Test pane", PREFIX + "/test", csrf, test(request.query.get("q")));
      default ->
          Response.page(404, Page.render("Not found", "", Optional.of(csrf), Views.back(PREFIX)));
    };
  }

  private Response post(String path, Form form, Sessions.Session session) {
    return switch (path) {
      case "/logout" -> logout(session);
      case "/faq/add" -> addWording(form, session.csrf());
      case "/faq/new" -> addItem(form, session.csrf());
      case "/scope" -> outOfScope(form);
      default -> Response.page(404, Page.render("Not found", "", Optional.of(session.csrf()), ""));
    };
  }

  private static Response html(String title, String current, String csrf, String body) {
    return Response.page(200, Page.render(title, current, Optional.of(csrf), body));
  }

  private static Response problem(int status, String message) {
    return Response.page(
        status,
        Page.render("Editors' desk", "", Optional.empty(), Views.message("problem", message)));
  }

  private static Response notAllowed() {
    return problem(405, "That method is not allowed here.");
  }

  // --- logging in and out

  private Response loginPage(Optional<String> problem, int status) {
    String token = sessions.token();
    return Response.page(
            status, Page.render("Editors' desk", "", Optional.empty(), Views.login(problem, token)))
        .withCookie(cookie(LOGIN_COOKIE, token, PREFIX + "/login", Duration.ofHours(1)));
  }

  private Response login(Request request) throws BodyTooLarge {
    if (!throttle.allows(request.client)) {
      return problem(
          429,
          "Too many failed logins from your address. Wait "
              + DeskSettings.LOGIN_WINDOW.toMinutes()
              + " minutes and try again.");
    }
    Form form = request.form();
    String expected = request.cookies.getOrDefault(LOGIN_COOKIE, "");
    if (expected.isEmpty() || !same(form.get("login").orElse(""), expected)) {
      return loginPage(Optional.of("The login form expired. Enter the secret again."), 403);
    }
    if (!same(form.get("secret").orElse(""), settings.secret().orElseThrow())) {
      throttle.failed(request.client);
      log.warn("Failed desk login from {}", request.client);
      return loginPage(Optional.of("Wrong secret."), 401);
    }
    throttle.succeeded(request.client);
    Sessions.Session session = sessions.open();
    return Response.redirect(PREFIX)
        .withCookie(cookie(SESSION_COOKIE, session.id(), PREFIX, sessions.ttl()))
        .withCookie(cookie(LOGIN_COOKIE, "", PREFIX + "/login", Duration.ZERO));
  }

  private Response logout(Sessions.Session session) {
    sessions.close(session.id());
    return Response.redirect(PREFIX + "/login")
        .withCookie(cookie(SESSION_COOKIE, "", PREFIX, Duration.ZERO));
  }

  private String cookie(String name, String value, String path, Duration maxAge) {
    return name
        + "="
        + value
        + "; Path="
        + path
        + "; Max-Age="
        + maxAge.toSeconds()
        + "; HttpOnly; SameSite=Strict"
        + (settings.secureCookie() ? "; Secure" : "");
  }

  /** Equal strings, compared in time that does not depend on where they differ. */
  static boolean same(String given, String expected) {
    return MessageDigest.isEqual(sha256(given), sha256(expected));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // --- pages

  private static int days(Form query) {
    String days = query.get("days").orElse("");
    return days.matches("\\d{1,3}")
        ? Math.max(1, Math.min(MAX_DAYS, Integer.parseInt(days)))
        : DEFAULT_DAYS;
  }

  /** The start of the period of {@code days} UTC days ending today. */
  private LocalDate firstDay(int days) {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days - 1L);
  }

  private Instant since(int days) {
    return firstDay(days).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private String overview(int days) {
    Store admin = store.admin();
    Instant since = since(days);
    return Views.overview(
        admin.stats(since),
        admin.perChannel(since),
        days,
        firstDay(days),
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private String questions(int days, String csrf) {
    Conversation conversation = library.current();
    List<QuestionGroup> groups =
        QuestionGroups.of(
                store.admin().loggedQuestions(since(days)).stream()
                    .filter(q -> q.reason() != Reason.VOTED_DOWN)
                    .toList(),
                meanings,
                question -> chitChat.is(conversation, question))
            .stream()
            .limit(LIST_SIZE)
            .toList();
    return Views.questions(groups, days, choices(conversation), csrf, meanings.loaded());
  }

  private String downvoted(int days, String csrf) {
    Store admin = store.admin();
    Conversation conversation = library.current();
    List<Views.Downvoted> rows =
        admin.mostDownvoted(LIST_SIZE, since(days)).stream()
            .map(d -> downvoted(admin, conversation, d))
            .toList();
    return Views.downvoted(rows, days, choices(conversation), csrf);
  }

  private static Views.Downvoted downvoted(
      Store admin, Conversation conversation, DownvotedAnswer votes) {
    Optional<String> shown = admin.shownText(votes.passageId());
    if (shown.isPresent()) {
      return new Views.Downvoted(votes, shown, false);
    }
    Optional<String> now = conversation.answerer().passage(votes.passageId()).map(p -> p.text());
    return new Views.Downvoted(votes, now, true);
  }

  private String review(int days, String csrf) {
    return Views.review(
        store.admin().confidentSample(REVIEW_SIZE, since(days), settings.lowConfidence()),
        days,
        choices(library.current()),
        csrf);
  }

  private String test(Optional<String> question) {
    if (question.isEmpty()) {
      return Views.testForm("")
          + "<p class=\"meta\">Type a question to see what the bot answers, the passages it"
          + " ranked and the signals behind each.</p>";
    }
    Conversation conversation = library.current();
    String asked = question.get();
    Answer answer = conversation.answerer().answer(asked);
    return Views.test(
        asked, answer, conversation.answerer().explain(asked), conversation.answerer().threshold());
  }

  private Views.Choices choices(Conversation conversation) {
    return new Views.Choices(faq.choices(), conversation.answerer().articles());
  }

  // --- actions

  private Response addWording(Form form, String csrf) {
    String item = form.get("item").orElse("");
    try {
      FaqFiles.Written written = faq.addQuestion(item, form.get("question").orElse(""));
      return written(written, form, csrf, "Added the wording to FAQ item " + written.itemId());
    } catch (FaqFiles.Refused e) {
      return refused(e, form, csrf);
    }
  }

  private Response addItem(Form form, String csrf) {
    Optional<String> article = form.get("article");
    if (article.isPresent() && library.current().answerer().article(article.get()).isEmpty()) {
      return refused(
          new FaqFiles.Refused("No article " + article.get() + " is served."), form, csrf);
    }
    try {
      FaqFiles.Written written =
          faq.addItem(form.get("question").orElse(""), form.get("answer").orElse(""), article);
      return written(written, form, csrf, "Created FAQ item " + written.itemId());
    } catch (FaqFiles.Refused e) {
      return refused(e, form, csrf);
    }
  }

  /**
   * After a write: reload now, so the editor sees the bot answer the wording, and take the
   * question's wordings off the lists.
   */
  private Response written(FaqFiles.Written written, Form form, String csrf, String done) {
    Library.Reloaded reloaded = library.reloadNow();
    String question = FaqFiles.questionOrEmpty(form.get("question").orElse(""));
    List<String> wordings = wordings(form, question);
    store.admin().mark(wordings, Mark.ADDED_TO_FAQ);
    Answer answer = library.current().answerer().answer(question);
    StringBuilder body =
        new StringBuilder(
            Views.message(
                "notice",
                done
                    + " in "
                    + written.file().getFileName()
                    + (reloaded.swapped()
                        ? "; the knowledge was reloaded."
                        : "; the reload failed, so it is not served yet: "
                            + reloaded.failure().orElse("see the log"))));
    body.append("<h2>The bot now answers</h2>")
        .append("<p><strong>")
        .append(Html.escape(question))
        .append("</strong></p>")
        .append(
            answer.best().isPresent()
                ? "<blockquote class=\"shown\" id=\"now-answered\">"
                    + Html.escape(answer.best().get().text())
                    + "</blockquote><p class=\"meta\">from "
                    + Html.escape(answer.best().get().passageId())
                    + ", confidence "
                    + Html.decimal(answer.confidence())
                    + "</p>"
                : Views.message("problem", "It still declines: check the file and the reload."))
        .append(Views.back(back(form)));
    return html("Saved", "", csrf, body.toString());
  }

  private Response refused(FaqFiles.Refused e, Form form, String csrf) {
    return Response.page(
        400,
        Page.render(
            "Not saved",
            "",
            Optional.of(csrf),
            Views.message("problem", e.getMessage()) + Views.back(back(form))));
  }

  private Response outOfScope(Form form) {
    List<String> wordings = wordings(form, "");
    if (wordings.isEmpty()) {
      return problem(400, "No question to mark.");
    }
    store.admin().mark(wordings, Mark.OUT_OF_SCOPE);
    return Response.redirect(back(form));
  }

  /** The question's wordings from the form, and the one written when the editor changed it. */
  private static List<String> wordings(Form form, String question) {
    List<String> wordings = new ArrayList<>(form.all("wording"));
    if (!question.isEmpty() && !wordings.contains(question)) {
      wordings.add(question);
    }
    return wordings;
  }

  private static String back(Form form) {
    String back = form.get("back").orElse("");
    return BACK.contains(back) ? PREFIX + "/" + back : PREFIX;
  }

  // --- sending

  private static void send(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/html; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    headers.set(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'");
    response.location().ifPresent(l -> headers.set("Location", l));
    response.cookies().forEach(c -> headers.add("Set-Cookie", c));
    byte[] body = response.html().getBytes(StandardCharsets.UTF_8);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.status(), head || body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
