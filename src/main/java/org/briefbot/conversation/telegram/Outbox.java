package org.briefbot.conversation.telegram;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Every request the bot makes goes out through here: one queue per chat, so a chat's messages
 * arrive in order, paced to Telegram's limits ({@link RateLimiter}), and retried when Telegram asks
 * us to wait or fails on its side ({@link RetryPolicy}). Nothing is dropped without an error in the
 * log. Scheduling runs on the owner's executor; HTTP runs on OkHttp's.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** An edit that changes nothing is not worth an error: the reader already sees that text. */
  private static final String NOT_MODIFIED = "message is not modified";

  /** How much of a lost message the log shows. */
  private static final int LOST_EXCERPT = 60;

  private final TelegramClient client;
  private final RateLimiter limiter;
  private final RetryPolicy retry;
  private final ScheduledExecutorService scheduler;
  private final Redactor redactor;
  private final Clock clock;
  private final AtomicLong oneOffs = new AtomicLong();
  private final AtomicLong gaveUp = new AtomicLong();
  private final Map<Object, Lane> lanes = new HashMap<>(); // guarded by this
  private int unfinished; // guarded by this
  private boolean closed; // guarded by this

  Outbox(
      TelegramClient client,
      RateLimiter limiter,
      RetryPolicy retry,
      ScheduledExecutorService scheduler,
      Redactor redactor,
      Clock clock) {
    this.client = Objects.requireNonNull(client, "client");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A request to a chat, queued behind that chat's earlier ones. */
  <T extends Serializable> CompletableFuture<T> send(ChatRef chat, BotApiMethod<T> method) {
    return enqueue(
        chat.id(),
        Optional.of(chat),
        method.getMethod(),
        lost(method),
        () -> client.executeAsync(method));
  }

  /** What a reader misses if this request is given up, for the log. */
  private static String lost(BotApiMethod<?> method) {
    if (method instanceof SendMessage message) {
      String text = String.valueOf(message.getText());
      return "a message of "
          + text.length()
          + " characters: \""
          + (text.length() > LOST_EXCERPT ? text.substring(0, LOST_EXCERPT) + "…" : text)
          + "\"";
    }
    if (method instanceof EditMessageText edit) {
      return "an edit of message " + edit.getMessageId();
    }
    return "the " + method.getMethod() + " request";
  }

  /**
   * A request no chat receives (answering a callback or inline query): only the global limit
   * applies.
   */
  <T extends Serializable> CompletableFuture<T> call(BotApiMethod<T> method) {
    return enqueue(
        oneOff(),
        Optional.empty(),
        method.getMethod(),
        lost(method),
        () -> client.executeAsync(method));
  }

  /** setWebhook, which TelegramBots sends as a form rather than a {@link BotApiMethod}. */
  CompletableFuture<Boolean> call(SetWebhook method) {
    return enqueue(
        oneOff(),
        Optional.empty(),
        method.getMethod(),
        "the setWebhook request",
        () -> client.executeAsync(method));
  }

  private String oneOff() {
    return "call-" + oneOffs.incrementAndGet();
  }

  private synchronized <T extends Serializable> CompletableFuture<T> enqueue(
      Object key, Optional<ChatRef> chat, String method, String lost, Request<T> request) {
    Delivery<T> delivery = new Delivery<>(method, lost, request, new CompletableFuture<>());
    if (closed) {
      log.error("Not sent, shutting down: {} to {}", method, describe(chat));
      delivery
          .result()
          .completeExceptionally(new IllegalStateException("the Telegram outbox is closed"));
      return delivery.result();
    }
    Lane lane = lanes.computeIfAbsent(key, k -> new Lane(k, chat));
    lane.queue.addLast(delivery);
    unfinished++;
    if (lane.queue.size() == 1) {
      execute(() -> pump(lane));
    }
    return delivery.result();
  }

  /** Sends the lane's first request as soon as the limits allow. */
  private void pump(Lane lane) {
    Delivery<?> delivery = head(lane);
    if (delivery == null) {
      return;
    }
    Duration wait = limiter.tryAcquire(lane.chat, clock.instant());
    if (!wait.isZero()) {
      schedule(() -> pump(lane), wait);
      return;
    }
    attempt(lane, delivery);
  }

  private <T extends Serializable> void attempt(Lane lane, Delivery<T> delivery) {
    delivery.attempts++;
    CompletableFuture<T> call;
    try {
      call = delivery.request().start();
    } catch (TelegramApiException | RuntimeException e) {
      call = CompletableFuture.failedFuture(e);
    }
    call.whenComplete((result, failure) -> execute(() -> settle(lane, delivery, result, failure)));
  }

  private <T extends Serializable> void settle(
      Lane lane, Delivery<T> delivery, T result, Throwable failure) {
    if (failure == null || isHarmless(failure)) {
      delivery.result().complete(result);
      finish(lane);
      return;
    }
    String what = delivery.method() + " to " + describe(lane.chat);
    RetryPolicy.Decision decision = retry.decide(failure, delivery.attempts);
    if (decision instanceof RetryPolicy.Retry r) {
      log.warn(
          "Telegram failed {} (attempt {}): {}; retrying in {} ms",
          what,
          delivery.attempts,
          message(failure),
          r.after().toMillis());
      schedule(() -> pump(lane), r.after());
      return;
    }
    log.error(
        "Gave up on {}: {} ({}); lost: {}",
        what,
        message(failure),
        ((RetryPolicy.GiveUp) decision).reason(),
        delivery.lost());
    gaveUp.incrementAndGet();
    delivery.result().completeExceptionally(redactor.scrub(failure));
    finish(lane);
  }

  /** Requests given up on since the start, retries spent: for {@code /metrics}. */
  long failures() {
    return gaveUp.get();
  }

  private synchronized Delivery<?> head(Lane lane) {
    return lane.queue.peekFirst();
  }

  private synchronized void finish(Lane lane) {
    if (lane.queue.pollFirst() != null) { // null: close() already failed and counted it
      unfinished--;
    }
    notifyAll();
    if (lane.queue.isEmpty()) {
      lanes.remove(lane.key);
    } else {
      execute(() -> pump(lane));
    }
  }

  /**
   * Waits up to {@code timeout} for every queued request to be sent (or given up), then refuses new
   * ones and fails what is left, with an error in the log. Returns how many were left.
   */
  synchronized int close(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (unfinished > 0 && System.nanoTime() < deadline) {
      try {
        TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    closed = true;
    int left = unfinished;
    if (left > 0) {
      log.error("Shutting down with {} Telegram requests not sent", left);
      for (Lane lane : lanes.values()) {
        lane.queue.forEach(
            d -> {
              log.error(
                  "Not sent, shutting down: {} to {}; lost: {}",
                  d.method(),
                  describe(lane.chat),
                  d.lost());
              d.result()
                  .completeExceptionally(new IllegalStateException("not sent: shutting down"));
            });
        lane.queue.clear(); // a retry still scheduled finds nothing to send
      }
      lanes.clear();
      unfinished = 0;
    }
    return left;
  }

  private boolean isHarmless(Throwable failure) {
    return message(failure).contains(NOT_MODIFIED);
  }

  /**
   * "what failed: why", e.g. "Unable to execute sendmessage method: Failed to connect to ...",
   * redacted.
   */
  private String message(Throwable failure) {
    Throwable t =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    String text = String.valueOf(t.getMessage());
    if (t.getCause() != null
        && t.getCause().getMessage() != null
        && !text.contains(t.getCause().getMessage())) {
      text += ": " + t.getCause().getMessage();
    }
    return redactor.redact(text);
  }

  private static String describe(Optional<ChatRef> chat) {
    return chat.map(c -> "chat " + c.id()).orElse("Telegram");
  }

  private void execute(Runnable task) {
    try {
      scheduler.execute(task);
    } catch (RejectedExecutionException e) {
      log.error("Telegram outbox stopped before a request was settled");
    }
  }

  private void schedule(Runnable task, Duration delay) {
    try {
      scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      log.error("Telegram outbox stopped before a retry was due");
    }
  }

  /** One chat's queue (or one call's). */
  private static final class Lane {
    final Object key;
    final Optional<ChatRef> chat;
    final Deque<Delivery<?>> queue = new ArrayDeque<>(); // guarded by the Outbox

    Lane(Object key, Optional<ChatRef> chat) {
      this.key = key;
      this.chat = chat;
    }
  }

  /** Starts one HTTP call of a request; called again for each retry. */
  @FunctionalInterface
  private interface Request<T> {
    CompletableFuture<T> start() throws TelegramApiException;
  }

  /**
   * One request, its result, and how often it was tried; attempts change on the scheduler thread
   * only.
   */
  private static final class Delivery<T extends Serializable> {
    private final String method;
    private final String lost;
    private final Request<T> request;
    private final CompletableFuture<T> result;
    int attempts;

    Delivery(String method, String lost, Request<T> request, CompletableFuture<T> result) {
      this.method = method;
      this.lost = lost;
      this.request = request;
      this.result = result;
    }

    String method() {
      return method;
    }

    String lost() {
      return lost;
    }

    Request<T> request() {
      return request;
    }

    CompletableFuture<T> result() {
      return result;
    }
  }
}
