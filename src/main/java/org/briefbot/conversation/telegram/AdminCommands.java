package org.briefbot.conversation.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.briefbot.conversation.Command;
import org.briefbot.conversation.Library;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.Stats;
import org.briefbot.store.StoreException;
import org.briefbot.store.UnansweredGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /stats}, {@code /unanswered}, {@code /reload} and {@code /health}, for the Telegram user
 * ids in the config's {@code admins}; everyone else is told "not allowed". Every use, allowed or
 * not, is logged with the user id. Replies are plain text.
 */
final class AdminCommands {
  static final List<Command> COMMANDS =
      List.of(
          new Command("stats", "", "questions today and this week, share answered, top entities"),
          new Command("unanswered", "", "the 10 questions asked most that got no good answer"),
          new Command("reload", "", "re-read the knowledge folder now"),
          new Command("health", "", "store, knowledge, mode and uptime"));
  static final String NOT_ALLOWED = "Not allowed: that command is for the bot's admins.";
  static final int TOP_UNANSWERED = 10;
  static final Duration UNANSWERED_PERIOD = Duration.ofDays(30);

  /**
   * Broken files a reload report lists; with at most {@link #MAX_ERROR_CHARS} each, it is one
   * message.
   */
  static final int MAX_LISTED_ERRORS = 20;

  static final int MAX_ERROR_CHARS = 160;

  private static final Logger log = LoggerFactory.getLogger(AdminCommands.class);
  private static final Pattern COMMAND = Pattern.compile("^/([a-z]+)(?:\\s.*)?$", Pattern.DOTALL);
  private static final Set<String> NAMES =
      COMMANDS.stream().map(Command::name).collect(Collectors.toUnmodifiableSet());
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Set<Long> admins;
  private final ResilientStore store;
  private final Library library;
  private final String transportMode;
  private final Clock clock;
  private final Instant started;

  /**
   * @param transportMode how updates arrive, for {@code /health}: "long polling" or "webhook"
   */
  AdminCommands(
      Set<Long> admins, ResilientStore store, Library library, String transportMode, Clock clock) {
    this.admins = Set.copyOf(admins);
    this.store = Objects.requireNonNull(store, "store");
    this.library = Objects.requireNonNull(library, "library");
    this.transportMode = Objects.requireNonNull(transportMode, "transportMode");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.started = clock.instant();
  }

  /** The admin command {@code text} is ("stats" for "/stats"), or empty when it is none. */
  static Optional<String> command(String text) {
    Matcher m = COMMAND.matcher(text.strip().toLowerCase(Locale.ROOT));
    return m.matches() && NAMES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Runs {@code command} for the user who sent it, or refuses; the reply to send. A message without
   * a sender (an anonymous group admin, a channel post) is refused: nobody can be checked.
   */
  String run(String command, Optional<Long> sender) {
    if (sender.isEmpty()) {
      log.warn("Admin command /{} refused: the message has no sender", command);
      return NOT_ALLOWED;
    }
    return run(command, sender.get().longValue());
  }

  /** Runs {@code command} for {@code userId}, or refuses; the reply to send. */
  String run(String command, long userId) {
    if (!admins.contains(userId)) {
      log.warn("Admin command /{} refused for user {}: not in admins", command, userId);
      return NOT_ALLOWED;
    }
    log.info("Admin command /{} by user {}", command, userId);
    return switch (command) {
      case "stats" -> stats();
      case "unanswered" -> unanswered();
      case "reload" -> reload();
      case "health" -> health();
      default -> throw new IllegalArgumentException("not an admin command: " + command);
    };
  }

  private String stats() {
    Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
    try {
      Stats day = store.admin().stats(today);
      Stats week = store.admin().stats(today.minus(Duration.ofDays(6)));
      return "Questions today: "
          + questions(day)
          + "\n"
          + "This week (7 days): "
          + questions(week)
          + "\n"
          + "Votes this week: 👍 "
          + week.upVotes()
          + " · 👎 "
          + week.downVotes()
          + "\n"
          + "Top entities asked about this week: "
          + counts(week.topEntities());
    } catch (StoreException e) {
      return unavailable(e);
    }
  }

  private static String questions(Stats stats) {
    return stats.questions() + ", answered " + percent(stats.shareAnswered());
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  private static String counts(List<Stats.Count> counts) {
    return counts.isEmpty()
        ? "none yet"
        : counts.stream()
            .map(c -> c.name() + " (" + c.count() + ")")
            .collect(Collectors.joining(", "));
  }

  private String unanswered() {
    List<UnansweredGroup> top;
    try {
      top = store.admin().topUnanswered(TOP_UNANSWERED, clock.instant().minus(UNANSWERED_PERIOD));
    } catch (StoreException e) {
      return unavailable(e);
    }
    if (top.isEmpty()) {
      return "Nothing unanswered in the last " + UNANSWERED_PERIOD.toDays() + " days.";
    }
    StringBuilder text =
        new StringBuilder(
            "Unanswered in the last " + UNANSWERED_PERIOD.toDays() + " days, most asked first:");
    for (int i = 0; i < top.size(); i++) {
      UnansweredGroup group = top.get(i);
      String reasons =
          group.reasons().stream()
              .map(r -> r.key().replace('_', ' '))
              .collect(Collectors.joining(", "));
      text.append('\n')
          .append(i + 1)
          .append(". ")
          .append(group.question())
          .append(" — ")
          .append(group.count())
          .append("× (")
          .append(reasons)
          .append(')');
    }
    return text.toString();
  }

  private String reload() {
    return describe(library.reloadNow());
  }

  /** What a reload did, for {@code /reload} and for telling admins about broken files. */
  static String describe(Library.Reloaded result) {
    StringBuilder text = new StringBuilder();
    if (result.swapped()) {
      text.append("Reloaded in ")
          .append(result.took().toMillis())
          .append(" ms: ")
          .append(count(result.articles(), "article"))
          .append(", ")
          .append(count(result.passages(), "passage"))
          .append('.');
    } else {
      text.append("Reload failed, the previous version keeps serving (")
          .append(count(result.articles(), "article"))
          .append("): ")
          .append(result.failure().orElse("unknown error"));
    }
    if (!result.errors().isEmpty()) {
      text.append("\nFiles with errors (a file that loaded before keeps its previous version):");
      List<IngestProblem> shown = result.errors().stream().limit(MAX_LISTED_ERRORS).toList();
      for (IngestProblem problem : shown) {
        text.append("\n• ").append(clip(describe(problem)));
      }
      if (result.errors().size() > shown.size()) {
        text.append("\n… and ")
            .append(result.errors().size() - shown.size())
            .append(" more (briefbot check lists them all)");
      }
    }
    return text.toString();
  }

  private static String describe(IngestProblem problem) {
    return problem.path()
        + (problem.line() > 0 ? ":" + problem.line() : "")
        + ": "
        + problem.reason();
  }

  private static String clip(String line) {
    return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS - 1) + "…";
  }

  private String health() {
    Library.Loaded loaded = library.loaded();
    String storeState =
        store
            .check()
            .map(
                f ->
                    "FAILING since "
                        + MINUTE.format(f.since())
                        + ": "
                        + f.error()
                        + " ("
                        + f.failedCalls()
                        + " calls dropped)")
            .orElse("ok");
    return "Store: "
        + storeState
        + " ("
        + store.describe()
        + ")\n"
        + "Knowledge: "
        + count(loaded.articles(), "article")
        + ", "
        + count(loaded.passages(), "passage")
        + ", "
        + count(loaded.filesWithErrors(), "file")
        + " with errors\n"
        + "Mode: "
        + transportMode
        + ", retrieval "
        + loaded.retrievalMode()
        + "\n"
        + "Uptime: "
        + uptime()
        + " (since "
        + MINUTE.format(started)
        + ")";
  }

  private String uptime() {
    Duration up = Duration.between(started, clock.instant());
    return up.toDays() > 0
        ? up.toDays() + " d " + up.toHoursPart() + " h"
        : up.toHours() + " h " + up.toMinutesPart() + " min";
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String unavailable(StoreException e) {
    return "The store is unavailable: " + e.getMessage();
  }
}
