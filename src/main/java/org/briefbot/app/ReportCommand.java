package org.briefbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.store.DownvotedAnswer;
import org.briefbot.store.Reason;
import org.briefbot.store.Stats;
import org.briefbot.store.Store;
import org.briefbot.store.UnansweredGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * What readers asked that the bot could not answer, and which answers they disliked: for editors.
 */
@Command(
    name = "report",
    description = "Report unanswered questions, down-voted answers and usage from the store.")
final class ReportCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  @ParentCommand Main main;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "only from this UTC day on, e.g. 2026-03-01 (default: all time)")
  LocalDate since;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "how many questions and answers to list (default: ${DEFAULT-VALUE})")
  int top;

  @Option(names = "--json", description = "print one JSON object (fields: see docs/operations.md)")
  boolean json;

  @Override
  public Integer call() {
    if (top < 1) {
      throw new IllegalArgumentException("--top < 1: " + top);
    }
    BriefbotConfig config = main.loadConfig();
    Store store = Store.openExisting(config.store().url(), Clock.systemUTC());
    Instant from =
        Optional.ofNullable(since)
            .map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
            .orElse(Instant.EPOCH);
    Stats stats = store.stats(from);
    List<UnansweredGroup> unanswered = store.topUnanswered(top, from);
    List<DownvotedAnswer> downvoted = store.mostDownvoted(top, from);
    System.out.println(
        json
            ? toJson(
                ReportJson.of(
                    Optional.ofNullable(since), store.describe(), stats, unanswered, downvoted))
            : text(store.describe(), stats, unanswered, downvoted));
    return 0;
  }

  private String text(
      String where,
      Stats stats,
      List<UnansweredGroup> unanswered,
      List<DownvotedAnswer> downvoted) {
    StringBuilder out = new StringBuilder();
    out.append("briefbot report ")
        .append(since == null ? "for all time" : "since " + since)
        .append(" (")
        .append(where)
        .append(")\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Questions: %d, answered %d (%s). Votes: %d up, %d down.%n%n",
            stats.questions(),
            stats.answered(),
            percent(stats.answered(), stats.questions()),
            stats.upVotes(),
            stats.downVotes()));
    appendUnanswered(out, unanswered);
    appendDownvoted(out, downvoted);
    appendPerDay(out, stats.perDay());
    return out.toString().stripTrailing();
  }

  private static void appendUnanswered(StringBuilder out, List<UnansweredGroup> groups) {
    out.append("Most frequent unanswered questions (near-duplicates counted together):\n");
    if (groups.isEmpty()) {
      out.append("  none\n");
    }
    for (UnansweredGroup g : groups) {
      List<String> reasons = g.reasons().stream().map(Reason::key).toList();
      out.append(
          String.format(
              Locale.ROOT,
              "%5dx %s  [%s, last %s UTC]%n",
              g.count(),
              g.question(),
              String.join(", ", reasons),
              MINUTE.format(g.lastAsked())));
      if (g.variants().size() > 1) {
        out.append("        also asked as: ")
            .append(String.join(" | ", g.variants().subList(1, g.variants().size())))
            .append('\n');
      }
      if (!g.candidates().isEmpty()) {
        out.append("        shown: ").append(String.join(", ", g.candidates())).append('\n');
      }
    }
    out.append('\n');
  }

  private static void appendDownvoted(StringBuilder out, List<DownvotedAnswer> answers) {
    out.append("Answers with the most down-votes:\n");
    if (answers.isEmpty()) {
      out.append("  none\n");
    }
    for (DownvotedAnswer a : answers) {
      out.append(
          String.format(
              Locale.ROOT, "%5d down, %d up  %s%n", a.downVotes(), a.upVotes(), a.passageId()));
      out.append("        voted down on: ").append(String.join(" | ", a.questions())).append('\n');
    }
    out.append('\n');
  }

  private static void appendPerDay(StringBuilder out, List<Stats.Day> days) {
    out.append("Questions per day (UTC):\n");
    if (days.isEmpty()) {
      out.append("  none\n");
    }
    for (Stats.Day d : days) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %s %6d questions, %6d answered (%s)%n",
              d.day(),
              d.questions(),
              d.answered(),
              percent(d.answered(), d.questions())));
    }
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report cannot be written as JSON", e);
    }
  }
}
