package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ReplyParameters;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Proves {@link FakeBotApi} speaks the Bot API well enough for the real TelegramBots 9.5.0 library.
 */
class FakeBotApiTest {

  private static final String TOKEN = "123456:TEST-token_abc";
  private static final Duration WAIT = Duration.ofSeconds(5);

  private FakeBotApi fake;
  private OkHttpClient okHttp;
  private OkHttpTelegramClient client;

  @BeforeEach
  void setUp() {
    fake = new FakeBotApi();
    okHttp =
        new OkHttpClient.Builder()
            .readTimeout(Duration.ofSeconds(10)) // > the fake's 1 s long poll
            .build();
    client = new OkHttpTelegramClient(new ObjectMapper(), okHttp, TOKEN, fake.telegramUrl());
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    shutdown(okHttp);
    fake.close();
  }

  /** OkHttp's dispatcher threads are non-daemon; stop them and drop pooled connections. */
  private static void shutdown(OkHttpClient http) throws InterruptedException {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    assertThat(http.dispatcher().executorService().awaitTermination(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void getMeReturnsTheBotAndIsRecordedWithToken() throws Exception {
    User me = client.execute(new GetMe());

    assertThat(me.getIsBot()).isTrue();
    assertThat(me.getUserName()).isEqualTo(FakeBotApi.BOT_USERNAME);
    assertThat(me.getId()).isEqualTo(fake.botId());
    FakeBotApi.Recorded r = fake.awaitRequest("getMe", WAIT);
    assertThat(r.method()).isEqualTo("getme"); // the library sends lower case for this one
    assertThat(r.token()).isEqualTo(TOKEN);
    assertThat(fake.count("GETME")).isEqualTo(1);
  }

  @Test
  void sendMessageWithHtmlAndInlineKeyboard() throws Exception {
    InlineKeyboardMarkup keyboard =
        InlineKeyboardMarkup.builder()
            .keyboardRow(
                new InlineKeyboardRow(
                    InlineKeyboardButton.builder().text("Sources").callbackData("src:1").build(),
                    InlineKeyboardButton.builder().text("More").callbackData("more:1").build()))
            .build();
    SendMessage send =
        SendMessage.builder()
            .chatId(42L)
            .text("<b>Answer</b> text")
            .parseMode(ParseMode.HTML)
            .replyMarkup(keyboard)
            .replyParameters(
                ReplyParameters.builder().messageId(7).allowSendingWithoutReply(true).build())
            .build();

    Message first = client.execute(send);
    Message second = client.execute(send);

    assertThat(first.getText()).isEqualTo("<b>Answer</b> text");
    assertThat(first.getChatId()).isEqualTo(42L);
    assertThat(second.getMessageId()).isEqualTo(first.getMessageId() + 1);
    FakeBotApi.Recorded r = fake.requests("sendMessage").get(0);
    assertThat(r.param("chat_id")).isEqualTo("42");
    assertThat(r.param("text")).isEqualTo("<b>Answer</b> text");
    assertThat(r.param("parse_mode")).isEqualToIgnoringCase("HTML");
    assertThat(r.params().at("/reply_markup/inline_keyboard/0/1/callback_data").asText())
        .isEqualTo("more:1");
    assertThat(r.params().at("/reply_parameters/message_id").asInt()).isEqualTo(7);
  }

  @Test
  void editAnswerCallbackInlineQueryAndCommands() throws Exception {
    Serializable edited =
        client.execute(
            EditMessageText.builder()
                .chatId(42L)
                .messageId(5)
                .text("edited")
                .parseMode(ParseMode.HTML)
                .build());
    client.execute(AnswerCallbackQuery.builder().callbackQueryId("cbq-9").text("Loading…").build());
    client.execute(
        AnswerInlineQuery.builder()
            .inlineQueryId("iq-3")
            .result(
                InlineQueryResultArticle.builder()
                    .id("a1")
                    .title("Title")
                    .inputMessageContent(
                        InputTextMessageContent.builder().messageText("body").build())
                    .build())
            .cacheTime(0)
            .build());
    client.execute(
        SetMyCommands.builder()
            .command(new BotCommand("ask", "Ask a question"))
            .command(new BotCommand("help", "How to use the bot"))
            .build());

    assertThat(edited).isInstanceOf(Message.class);
    assertThat(((Message) edited).getMessageId()).isEqualTo(5);
    assertThat(fake.awaitRequest("editMessageText", WAIT).param("text")).isEqualTo("edited");
    FakeBotApi.Recorded callback = fake.awaitRequest("answerCallbackQuery", WAIT);
    assertThat(callback.param("callback_query_id")).isEqualTo("cbq-9");
    assertThat(callback.param("text")).isEqualTo("Loading…");
    FakeBotApi.Recorded inline = fake.awaitRequest("answerInlineQuery", WAIT);
    assertThat(inline.params().at("/results/0/type").asText()).isEqualTo("article");
    assertThat(inline.params().at("/results/0/input_message_content/message_text").asText())
        .isEqualTo("body");
    assertThat(fake.awaitRequest("setMyCommands", WAIT).params().at("/commands/1/command").asText())
        .isEqualTo("help");
  }

  @Test
  void setWebhookIsSentAsMultipartAndParsed() throws Exception {
    Boolean ok =
        client.execute(
            SetWebhook.builder()
                .url("https://bot.example.org/tg/hook")
                .secretToken("s3cret_token-1")
                .allowedUpdates(List.of("message", "callback_query"))
                .dropPendingUpdates(true)
                .build());

    assertThat(ok).isTrue();
    FakeBotApi.Recorded r = fake.awaitRequest("setWebhook", WAIT);
    assertThat(r.param("url")).isEqualTo("https://bot.example.org/tg/hook");
    assertThat(r.param("secret_token")).isEqualTo("s3cret_token-1");
    assertThat(r.param("drop_pending_updates")).isEqualTo("true");
    assertThat(r.params().at("/allowed_updates/1").asText()).isEqualTo("callback_query");
  }

  @Test
  void rateLimitSurfacesAsRequestExceptionWithRetryAfter() throws Exception {
    fake.rateLimitNext("sendMessage", 3);
    SendMessage send = new SendMessage("42", "hi");

    assertThatThrownBy(() -> client.execute(send))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(429);
              assertThat(e.getParameters().getRetryAfter()).isEqualTo(3);
              assertThat(e.getApiResponse()).isEqualTo("Too Many Requests: retry after 3");
            });
    assertThat(client.execute(send).getText()).isEqualTo("hi"); // the fault was used up
    List<FakeBotApi.Recorded> sends = fake.requests("sendmessage");
    assertThat(sends).hasSize(2);
    assertThat(sends.get(1).receivedAt()).isAfterOrEqualTo(sends.get(0).receivedAt());
  }

  @Test
  void failNextAndDelayNext() throws Exception {
    fake.failNext("sendMessage", 400, "Bad Request: chat not found");
    assertThatThrownBy(() -> client.execute(new SendMessage("1", "x")))
        .isInstanceOfSatisfying(
            TelegramApiRequestException.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(400);
              assertThat(e.getParameters()).isNull();
              assertThat(e.getMessage()).contains("chat not found");
            });

    fake.delayNext("getMe", Duration.ofMillis(400));
    long start = System.nanoTime();
    client.execute(new GetMe());
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(400));
  }

  @Test
  void acceptsFormBodiesMixedCaseAndHonoursOffset() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> sent =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/bot" + TOKEN + "/SendMessage"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "chat_id=-100&text=h%C3%A9llo+there"
                            + "&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(sent.statusCode()).isEqualTo(200);
    FakeBotApi.Recorded r =
        fake.awaitRequest("sendmessage", x -> "-100".equals(x.param("chat_id")), WAIT);
    assertThat(r.param("text")).isEqualTo("héllo there");
    assertThat(r.params().get("reply_markup").isObject()).isTrue();

    int first = fake.pushPrivateMessage(5, "one").get("update_id").asInt();
    fake.pushPrivateMessage(5, "two");
    assertThat(getUpdates(http, "offset=" + (first + 1) + "&timeout=0").path("result")).hasSize(1);
    assertThat(fake.pendingUpdates()).isEqualTo(1); // update 'first' is forgotten

    // Asked to wait 50 s, the poll comes back empty after the fake's 1 s cap: well within 25 s.
    HttpResponse<String> capped =
        http.send(
            getUpdatesRequest("offset=" + (first + 2) + "&timeout=50")
                .timeout(Duration.ofSeconds(25))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(new ObjectMapper().readTree(capped.body()).path("result")).isEmpty();

    HttpResponse<String> notFound =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/nope")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notFound.statusCode()).isEqualTo(404);
  }

  @Test
  void aLongPollWaitsForTheNextUpdateAndReturnsIt() throws Exception {
    // A cap far above any test's patience: the poll can only end by an update arriving.
    try (FakeBotApi patient = new FakeBotApi(Duration.ofMinutes(5))) {
      HttpClient http = HttpClient.newHttpClient();
      CompletableFuture<HttpResponse<String>> poll =
          http.sendAsync(
              HttpRequest.newBuilder(
                      URI.create(patient.baseUrl() + "/bot" + TOKEN + "/getUpdates?timeout=50"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      patient.awaitRequest("getUpdates", WAIT); // recorded before it starts waiting

      int id = patient.pushPrivateMessage(5, "late").get("update_id").asInt();

      JsonNode updates =
          new ObjectMapper().readTree(poll.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).body());
      assertThat(updates.path("result")).hasSize(1);
      assertThat(updates.path("result").get(0).path("update_id").asInt()).isEqualTo(id);
    }
  }

  private JsonNode getUpdates(HttpClient http, String query) throws Exception {
    HttpResponse<String> response =
        http.send(getUpdatesRequest(query).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }

  private HttpRequest.Builder getUpdatesRequest(String query) {
    return HttpRequest.newBuilder(
        URI.create(fake.baseUrl() + "/bot" + TOKEN + "/getUpdates?" + query));
  }

  @Test
  void awaitRequestFailsWithAListOfWhatArrived() throws Exception {
    client.execute(new GetMe());

    assertThatThrownBy(() -> fake.awaitRequest("sendMessage", r -> true, Duration.ofMillis(200)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No matching 'sendMessage'")
        .hasMessageContaining("getme");
  }

  @Test
  void longPollingApplicationReceivesPushedUpdates() throws Exception {
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-poller"));
    BlockingQueue<Update> received = new LinkedBlockingQueue<>();
    BlockingQueue<String> consumerThreads = new LinkedBlockingQueue<>();
    TelegramBotsLongPollingApplication app =
        new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> okHttp, () -> poller);
    try {
      app.registerBot(
          TOKEN,
          fake::telegramUrl,
          new DefaultGetUpdatesGenerator(),
          updates -> {
            consumerThreads.add(Thread.currentThread().getName());
            received.addAll(updates);
          });
      // registerBot calls deleteWebhook synchronously before polling starts
      assertThat(fake.count("deleteWebhook")).isEqualTo(1);

      int id =
          fake.pushGroupMessage(-1001L, 77L, "/ask@" + FakeBotApi.BOT_USERNAME + " what happened?")
              .get("update_id")
              .asInt();

      Update update = received.poll(5, TimeUnit.SECONDS);
      assertThat(update).isNotNull();
      assertThat(update.getUpdateId()).isEqualTo(id);
      assertThat(update.getMessage().getText()).isEqualTo("/ask@briefbot_test_bot what happened?");
      assertThat(update.getMessage().isCommand()).isTrue();
      assertThat(update.getMessage().getChat().isGroupChat()).isTrue();
      assertThat(update.getMessage().getFrom().getId()).isEqualTo(77L);
      assertThat(consumerThreads.poll())
          .isEqualTo("test-poller"); // consume(List) runs on the poller thread

      FakeBotApi.Recorded next =
          fake.awaitRequest("getUpdates", r -> r.params().path("offset").asInt() == id + 1, WAIT);
      assertThat(next.params().path("timeout").asInt()).isEqualTo(50);
      assertThat(next.params().path("limit").asInt()).isEqualTo(100);

      fake.pushCallbackQuery(-1001L, 77L, 12, "src:1");
      fake.pushInlineQuery(77L, "inflation");
      Update callback = received.poll(5, TimeUnit.SECONDS); // delivered in update_id order
      Update inline = received.poll(5, TimeUnit.SECONDS);
      assertThat(callback.getCallbackQuery().getData()).isEqualTo("src:1");
      assertThat(callback.getCallbackQuery().getMessage().getMessageId()).isEqualTo(12);
      assertThat(inline.getInlineQuery().getQuery()).isEqualTo("inflation");
    } finally {
      app.close(); // only cancels the polling task
      okHttp.dispatcher().cancelAll();
      poller.shutdownNow(); // the library never shuts down the executor we gave it
      assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(app.isRunning()).isFalse();
  }

  @Test
  void anExceptionFromConsumeStopsPollingSilently() throws Exception {
    PollerKeepingItsTasks poller = new PollerKeepingItsTasks("test-poller-2");
    BlockingQueue<Update> received = new LinkedBlockingQueue<>();
    TelegramBotsLongPollingApplication app =
        new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> okHttp, () -> poller);
    try {
      app.registerBot(
          TOKEN,
          fake::telegramUrl,
          new DefaultGetUpdatesGenerator(),
          updates -> {
            received.addAll(updates);
            throw new IllegalStateException("boom");
          });
      fake.pushPrivateMessage(5, "first");
      assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();

      // The library polls in one periodic task; the exception ends it, and a periodic task that
      // has thrown never runs again.
      ScheduledFuture<?> polling = poller.periodic.poll(5, TimeUnit.SECONDS);
      assertThatThrownBy(() -> polling.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasRootCauseMessage("boom");
      int polls = fake.count("getUpdates");
      fake.pushPrivateMessage(5, "second");

      assertThat(app.isRunning()).as("the library has not noticed").isTrue();
      assertThat(fake.pendingUpdates()).as("no poll confirmed 'first'").isEqualTo(2);
      assertThat(fake.count("getUpdates")).isEqualTo(polls);
      assertThat(received).isEmpty();
    } finally {
      app.close();
      okHttp.dispatcher().cancelAll();
      poller.shutdownNow();
      assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** One named poller thread that hands out the futures of the periodic tasks given to it. */
  private static final class PollerKeepingItsTasks extends ScheduledThreadPoolExecutor {
    final BlockingQueue<ScheduledFuture<?>> periodic = new LinkedBlockingQueue<>();

    PollerKeepingItsTasks(String name) {
      super(1, runnable -> new Thread(runnable, name));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(
        Runnable task, long initialDelay, long period, TimeUnit unit) {
      return kept(super.scheduleAtFixedRate(task, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable task, long initialDelay, long delay, TimeUnit unit) {
      return kept(super.scheduleWithFixedDelay(task, initialDelay, delay, unit));
    }

    private ScheduledFuture<?> kept(ScheduledFuture<?> future) {
      periodic.add(future);
      return future;
    }
  }
}
