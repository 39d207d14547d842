package org.briefbot.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.briefbot.store.DownvotedAnswer;
import org.briefbot.store.Reason;
import org.briefbot.store.Stats;
import org.briefbot.store.UnansweredGroup;

/**
 * The {@code report --json} object: a contract other tools read, so its fields never change (new
 * ones may be added). Dates are ISO-8601 UTC strings; {@code since} is null for all time.
 */
@JsonPropertyOrder({
  "since",
  "store",
  "questions",
  "answered",
  "shareAnswered",
  "upVotes",
  "downVotes",
  "perDay",
  "unanswered",
  "downvoted"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReportJson(
    String since,
    String store,
    long questions,
    long answered,
    double shareAnswered,
    long upVotes,
    long downVotes,
    List<Day> perDay,
    List<Unanswered> unanswered,
    List<Downvoted> downvoted) {

  @JsonPropertyOrder({"day", "questions", "answered"})
  record Day(String day, long questions, long answered) {}

  @JsonPropertyOrder({"question", "count", "variants", "reasons", "lastAsked", "candidates"})
  record Unanswered(
      String question,
      int count,
      List<String> variants,
      List<String> reasons,
      String lastAsked,
      List<String> candidates) {}

  @JsonPropertyOrder({"passageId", "articleId", "downVotes", "upVotes", "questions"})
  record Downvoted(
      String passageId, String articleId, long downVotes, long upVotes, List<String> questions) {}

  static ReportJson of(
      Optional<LocalDate> since,
      String store,
      Stats stats,
      List<UnansweredGroup> unanswered,
      List<DownvotedAnswer> downvoted) {
    return new ReportJson(
        since.map(LocalDate::toString).orElse(null),
        store,
        stats.questions(),
        stats.answered(),
        Math.round(stats.shareAnswered() * 10_000) / 10_000.0,
        stats.upVotes(),
        stats.downVotes(),
        stats.perDay().stream()
            .map(d -> new Day(d.day().toString(), d.questions(), d.answered()))
            .toList(),
        unanswered.stream().map(ReportJson::unanswered).toList(),
        downvoted.stream()
            .map(
                d ->
                    new Downvoted(
                        d.passageId(), d.articleId(), d.downVotes(), d.upVotes(), d.questions()))
            .toList());
  }

  private static Unanswered unanswered(UnansweredGroup g) {
    List<String> reasons = g.reasons().stream().map(Reason::key).toList();
    return new Unanswered(
        g.question(), g.count(), g.variants(), reasons, g.lastAsked().toString(), g.candidates());
  }
}
