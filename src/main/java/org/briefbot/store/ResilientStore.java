package org.briefbot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Store} as the answering path sees it: a database outage never throws and never blocks
 * a reply for long. While the database cannot be reached, writes are dropped and reads come back
 * empty; the first failure of a burst is logged at ERROR with its cause, the rest at DEBUG, and
 * recovery at INFO. After a failure the database is left alone for {@code retryAfter}, so readers
 * do not each wait for a connection timeout.
 *
 * <p>The store is opened (and migrated) on first use, so the bot starts while the database is down
 * and begins recording once it is back. Admin and report queries go through {@link #admin()}, which
 * throws, because there the reader should be told.
 */
public final class ResilientStore implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ResilientStore.class);

  private final Supplier<Store> opener;
  private final String description;
  private final Duration retryAfter;
  private final Clock clock;
  private final Object opening = new Object(); // one thread opens (and migrates) at a time

  // Guarded by this.
  private Store store;
  private Instant nextAttempt = Instant.MIN;
  private long failedCalls;
  private Optional<Failure> failure = Optional.empty();

  /** Why the store is unavailable: the first error of the burst and when it began. */
  public record Failure(Instant since, String error, long failedCalls) {}

  /**
   * @param opener opens the store; called on first use and again after each {@code retryAfter}
   *     while it fails
   * @param description what to call the store in logs, without secrets (e.g. the redacted URL)
   */
  public ResilientStore(
      Supplier<Store> opener, String description, Duration retryAfter, Clock clock) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.description = Objects.requireNonNull(description, "description");
    this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The store at {@code url}, retried every five seconds while unreachable. */
  public static ResilientStore open(String url, Clock clock) {
    return open(url, clock, Duration.ofSeconds(5));
  }

  /** The store at {@code url}, tried again {@code retryAfter} after each failure. */
  public static ResilientStore open(String url, Clock clock, Duration retryAfter) {
    return new ResilientStore(() -> Store.open(url, clock), Redacted.url(url), retryAfter, clock);
  }

  /**
   * As {@link #open(String, Clock, Duration)}, each attempt waiting up to {@code connectionTimeout}
   * for a PostgreSQL connection ({@link Store#open(String, Clock, Duration)}).
   */
  public static ResilientStore open(
      String url, Clock clock, Duration retryAfter, Duration connectionTimeout) {
    return new ResilientStore(
        () -> Store.open(url, clock, connectionTimeout), Redacted.url(url), retryAfter, clock);
  }

  /**
   * {@link Store#recordAnswer}; empty while the store is unavailable (show no vote buttons then).
   */
  public OptionalLong recordAnswer(AnswerRecord answer) {
    return call("recordAnswer", s -> s.recordAnswer(answer))
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** {@link Store#vote}; empty while the store is unavailable. */
  public Optional<VoteOutcome> vote(long answerId, long chatId, long userId, Vote vote) {
    return call("vote", s -> s.vote(answerId, chatId, userId, vote));
  }

  /**
   * {@link Store#firstDelivery}; empty while the store is unavailable (the update is then handled:
   * a rare duplicate is better than a lost question).
   */
  public Optional<Boolean> firstDelivery(long updateId) {
    return call("firstDelivery", s -> s.firstDelivery(updateId));
  }

  /** {@link Store#saveButton}; empty while the store is unavailable. */
  public OptionalLong saveButton(long chatId, String command) {
    return call("saveButton", s -> s.saveButton(chatId, command))
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  /** {@link Store#button}; empty while the store is unavailable too. */
  public Optional<String> button(long id, long chatId) {
    return call("button", s -> s.button(id, chatId)).flatMap(Function.identity());
  }

  /** {@link Store#logUnanswered}; dropped while the store is unavailable. */
  public void logUnanswered(UnansweredRecord entry) {
    call(
        "logUnanswered",
        s -> {
          s.logUnanswered(entry);
          return true;
        });
  }

  /** {@link Store#saveContext}; dropped while the store is unavailable. */
  public void saveContext(long chatId, String articleId, String passageId, String state) {
    call(
        "saveContext",
        s -> {
          s.saveContext(chatId, articleId, passageId, state);
          return true;
        });
  }

  /**
   * {@link Store#loadContext}; empty while the store is unavailable (the question is then answered
   * without context).
   */
  public Optional<ChatContext> loadContext(long chatId, Duration ttl) {
    return call("loadContext", s -> s.loadContext(chatId, ttl)).flatMap(Function.identity());
  }

  /** {@link Store#saveGroupContext}; dropped while the store is unavailable. */
  public void saveGroupContext(long chatId, ContextOwner owner, long ownerId, String state) {
    call(
        "saveGroupContext",
        s -> {
          s.saveGroupContext(chatId, owner, ownerId, state);
          return true;
        });
  }

  /** {@link Store#loadGroupContext}; empty while the store is unavailable. */
  public Optional<String> loadGroupContext(
      long chatId, ContextOwner owner, long ownerId, Duration ttl) {
    return call("loadGroupContext", s -> s.loadGroupContext(chatId, owner, ownerId, ttl))
        .flatMap(Function.identity());
  }

  /** {@link Store#countUsage}; dropped while the store is unavailable. */
  public void countUsage(UsageKind kind, String name) {
    call(
        "countUsage",
        s -> {
          s.countUsage(kind, name);
          return true;
        });
  }

  /** {@link Store#recordSmallTalk}; dropped while the store is unavailable. */
  public void recordSmallTalk(Channel channel, long chatId, String message) {
    call(
        "recordSmallTalk",
        s -> {
          s.recordSmallTalk(channel, chatId, message);
          return true;
        });
  }

  /** For {@code /health}: empty when the last call succeeded, else the ongoing failure. */
  public synchronized Optional<Failure> failure() {
    return failure;
  }

  /**
   * Checks the database now (ignoring the retry pause); empty when it works. For {@code /health}.
   */
  public Optional<Failure> check() {
    synchronized (this) {
      nextAttempt = Instant.MIN;
    }
    call(
        "ping",
        s -> {
          s.ping();
          return true;
        });
    return failure();
  }

  public String describe() {
    return description;
  }

  /**
   * The store itself for admin commands and reports ({@code /stats}, {@code /unanswered}), whose
   * failures should reach the admin: throws {@link StoreException} when it cannot be opened.
   */
  public Store admin() {
    Store opened;
    synchronized (this) {
      opened = store;
    }
    return opened != null ? opened : openNow();
  }

  private Store openNow() {
    synchronized (opening) {
      synchronized (this) {
        if (store != null) {
          return store;
        }
      }
      Store opened = opener.get();
      synchronized (this) {
        store = opened;
        return store;
      }
    }
  }

  /** Closes the store if it was opened; a later call opens it again. */
  @Override
  public void close() {
    forget().ifPresent(ResilientStore::closeQuietly);
  }

  private <T> Optional<T> call(String operation, Function<Store, T> work) {
    if (pausing()) {
      skipped(operation);
      return Optional.empty();
    }
    try {
      T result = work.apply(admin());
      succeeded();
      return Optional.of(result);
    } catch (RuntimeException e) {
      // Any failure, not only StoreException: a bug in the store must not cost a reader the reply.
      failed(operation, e);
      return Optional.empty();
    }
  }

  /** True for {@code retryAfter} after a failure: calls are dropped without trying the database. */
  private synchronized boolean pausing() {
    return clock.instant().isBefore(nextAttempt);
  }

  private synchronized void succeeded() {
    if (failure.isPresent()) {
      log.info(
          "Store {} is back after {} calls were dropped since {}",
          description,
          failedCalls,
          failure.get().since());
    }
    failure = Optional.empty();
    failedCalls = 0;
  }

  private void failed(String operation, RuntimeException e) {
    forget().ifPresent(ResilientStore::closeQuietly);
    noteFailure(operation, e);
  }

  /**
   * Drops the store after a failure, so the next attempt opens it anew: that migrates it again,
   * which recreates the tables of a SQLite file deleted under us, and gives PostgreSQL a fresh
   * pool.
   */
  private synchronized Optional<Store> forget() {
    Optional<Store> dropped = Optional.ofNullable(store);
    store = null;
    return dropped;
  }

  private static void closeQuietly(Store dropped) {
    try {
      dropped.close();
    } catch (RuntimeException e) {
      log.debug("Closing a failed store failed too: {}", e.getMessage());
    }
  }

  private synchronized void noteFailure(String operation, RuntimeException e) {
    failedCalls++;
    nextAttempt = clock.instant().plus(retryAfter);
    if (failure.isEmpty()) {
      failure = Optional.of(new Failure(clock.instant(), e.getMessage(), failedCalls));
      log.error(
          "Store {} is unavailable: answering goes on without recording feedback, the unanswered log or chat context."
              + " {} failed: {}",
          description,
          operation,
          e.getMessage(),
          e);
    } else {
      failure = Optional.of(new Failure(failure.get().since(), failure.get().error(), failedCalls));
      log.debug(
          "Store {} still unavailable: {} failed: {}", description, operation, e.getMessage());
    }
  }

  private synchronized void skipped(String operation) {
    failedCalls++;
    failure = failure.map(f -> new Failure(f.since(), f.error(), failedCalls));
    log.debug("Store {} unavailable: {} dropped", description, operation);
  }
}
