package org.briefbot.desk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.briefbot.store.Stats;

/**
 * The desk's charts: inline SVG drawn on the server (no script, nothing fetched), each with a text
 * summary for screen readers and the numbers as a table to open beside it.
 */
final class Charts {
  private static final int WIDTH = 640;
  private static final int HEIGHT = 160;
  private static final int AXIS = 20;

  private Charts() {}

  /** Every day from {@code from} to {@code to}, days without questions as zero. */
  static List<Stats.Day> everyDay(List<Stats.Day> perDay, LocalDate from, LocalDate to) {
    Map<LocalDate, Stats.Day> byDay = new TreeMap<>();
    perDay.forEach(d -> byDay.put(d.day(), d));
    List<Stats.Day> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(byDay.getOrDefault(day, new Stats.Day(day, 0, 0)));
    }
    return days;
  }

  /** Questions per day, the answered part of each bar darker. */
  static String questionsPerDay(List<Stats.Day> days) {
    long max = Math.max(1, days.stream().mapToLong(Stats.Day::questions).max().orElse(1));
    long total = days.stream().mapToLong(Stats.Day::questions).sum();
    String summary =
        total
            + " questions in "
            + days.size()
            + " days, at most "
            + max
            + " on one day. The table below gives each day.";
    StringBuilder bars = new StringBuilder();
    double step = (double) WIDTH / Math.max(1, days.size());
    for (int i = 0; i < days.size(); i++) {
      Stats.Day d = days.get(i);
      double x = i * step;
      bars.append(bar(x, step, d.questions(), max, "asked", d.day() + ": " + d.questions()));
      bars.append(bar(x, step, d.answered(), max, "answered", d.day() + ": " + d.answered()));
    }
    return svg("questions-chart", "Questions per day", summary, bars, max + " questions", days);
  }

  /** The share of each day's questions that were answered, 0-100%. */
  static String shareAnswered(List<Stats.Day> days) {
    StringBuilder bars = new StringBuilder();
    double step = (double) WIDTH / Math.max(1, days.size());
    long asked = 0;
    long answered = 0;
    for (int i = 0; i < days.size(); i++) {
      Stats.Day d = days.get(i);
      asked += d.questions();
      answered += d.answered();
      if (d.questions() > 0) {
        long percent = Math.round(100.0 * d.answered() / d.questions());
        bars.append(bar(i * step, step, percent, 100, "share", d.day() + ": " + percent + "%"));
      }
    }
    String summary =
        (asked == 0 ? "No questions" : Html.percent((double) answered / asked) + " answered")
            + " over "
            + days.size()
            + " days. The table below gives each day.";
    return svg("share-chart", "Share answered per day", summary, bars, "100%", days);
  }

  private static String bar(double x, double step, long value, long max, String kind, String tip) {
    double height = (HEIGHT - AXIS) * (double) value / max;
    return String.format(
        Locale.ROOT,
        "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
        kind,
        x + step * 0.1,
        HEIGHT - AXIS - height,
        Math.max(1, step * 0.8),
        height,
        Html.escape(tip));
  }

  private static String svg(
      String id,
      String title,
      String summary,
      StringBuilder bars,
      String top,
      List<Stats.Day> days) {
    String first = days.isEmpty() ? "" : days.get(0).day().toString();
    String last = days.isEmpty() ? "" : days.get(days.size() - 1).day().toString();
    return "<figure class=\"chart\"><svg id=\""
        + id
        + "\" role=\"img\" aria-labelledby=\""
        + id
        + "-t "
        + id
        + "-d\" viewBox=\"0 0 "
        + WIDTH
        + " "
        + HEIGHT
        + "\" preserveAspectRatio=\"none\"><title id=\""
        + id
        + "-t\">"
        + Html.escape(title)
        + "</title><desc id=\""
        + id
        + "-d\">"
        + Html.escape(summary)
        + "</desc><line class=\"axis\" x1=\"0\" y1=\""
        + (HEIGHT - AXIS)
        + "\" x2=\""
        + WIDTH
        + "\" y2=\""
        + (HEIGHT - AXIS)
        + "\"/>"
        + bars
        + "</svg><figcaption>"
        + Html.escape(title)
        + ": "
        + Html.escape(summary.substring(0, summary.indexOf('.') + 1))
        + " Top of scale "
        + Html.escape(top)
        + "; "
        + first
        + " to "
        + last
        + ".</figcaption></figure>";
  }

  /** The numbers behind both charts. */
  static String table(List<Stats.Day> days) {
    StringBuilder rows = new StringBuilder();
    for (Stats.Day d : days) {
      rows.append("<tr><th scope=\"row\">")
          .append(d.day())
          .append("</th><td>")
          .append(d.questions())
          .append("</td><td>")
          .append(d.answered())
          .append("</td><td>")
          .append(d.questions() == 0 ? "–" : Html.percent((double) d.answered() / d.questions()))
          .append("</td></tr>");
    }
    return "<details class=\"numbers\"><summary>The numbers, day by day</summary>"
        + "<table id=\"per-day\"><caption>Questions and answers per day (UTC)</caption>"
        + "<thead><tr><th scope=\"col\">Day</th><th scope=\"col\">Questions</th>"
        + "<th scope=\"col\">Answered</th><th scope=\"col\">Share answered</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></details>";
  }
}
