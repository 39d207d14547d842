package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with TelegramBots, on an executor and an HTTP client we own: the library's {@code
 * close()} only cancels the polling task, leaving an in-flight getUpdates (up to 50 s) and
 * non-daemon threads behind, so closing this cancels the call and stops both.
 */
final class PollingReceiver implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(PollingReceiver.class);

  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(new NamedThreads("poll"));
  private final QuietOnClose quiet;
  private final PollFailures failures;
  private final TelegramBotsLongPollingApplication application;

  /** Starts polling: deletes any webhook (synchronously, so a failure throws here), then polls. */
  PollingReceiver(
      String token,
      TelegramUrl apiUrl,
      OkHttpClient http,
      RetryPolicy pollBackOff,
      UpdateIntake intake)
      throws TelegramApiException {
    this.quiet = new QuietOnClose(http);
    this.failures = new PollFailures(pollBackOff);
    OkHttpClient quietHttp =
        http.newBuilder() // shares http's threads and connections
            .addInterceptor(failures)
            .addInterceptor(new UnreadableUpdates())
            .addInterceptor(quiet)
            .build();
    this.application =
        new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> quietHttp, () -> poller);
    try {
      application.registerBot(
          token,
          () -> apiUrl,
          new DefaultGetUpdatesGenerator(TelegramBot.ALLOWED_UPDATES),
          intake::accept);
    } catch (TelegramApiException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Stops polling now; updates not yet fetched stay with Telegram for the next start. */
  @Override
  public void close() {
    failures.close(); // a poller waiting out a failure stops waiting
    quiet.close(); // the long poll in flight returns "no updates"
    try {
      application.close();
    } catch (
        Exception e) { // declared by AutoCloseable; stopping a session does not throw in practice
      log.warn("Stopping long polling failed: {}", e.getClass().getSimpleName());
    }
    poller.shutdownNow();
    awaitTermination(Duration.ofSeconds(2));
  }

  private void awaitTermination(Duration timeout) {
    try {
      poller.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
