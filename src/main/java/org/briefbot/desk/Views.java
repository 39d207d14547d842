package org.briefbot.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Ranked;
import org.briefbot.answer.Source;
import org.briefbot.knowledge.Article;
import org.briefbot.store.Channel;
import org.briefbot.store.ChannelUse;
import org.briefbot.store.DownvotedAnswer;
import org.briefbot.store.Exchange;
import org.briefbot.store.Reason;
import org.briefbot.store.Stats;

/** The body of each desk page, from the data it shows; pure. */
final class Views {
  /** What FAQ items and articles the action forms offer. */
  record Choices(List<FaqFiles.Choice> items, List<Article> articles) {}

  /** A down-voted passage and the text shown for it. */
  record Downvoted(DownvotedAnswer votes, Optional<String> shownText, boolean textIsCurrent) {}

  private Views() {}

  static String login(Optional<String> problem, String loginToken) {
    return problem
            .map(p -> "<p class=\"problem\" role=\"alert\">" + Html.escape(p) + "</p>")
            .orElse("")
        + "<p>Editors log in with the desk's secret.</p>"
        + "<form method=\"post\" action=\"/desk/login\">"
        + "<input type=\"hidden\" name=\"login\" value=\""
        + Html.escape(loginToken)
        + "\"><label for=\"secret\">Secret</label>"
        + "<input type=\"password\" id=\"secret\" name=\"secret\" autocomplete=\"current-password\" required autofocus>"
        + "<button type=\"submit\">Log in</button></form>";
  }

  static String message(String cssClass, String text) {
    return "<p class=\"" + cssClass + "\" role=\"status\">" + Html.escape(text) + "</p>";
  }

  static String period(String path, int days) {
    StringBuilder out =
        new StringBuilder("<p class=\"meta\">The last ")
            .append(days)
            .append(days == 1 ? " day" : " days")
            .append(" (UTC). Show: ");
    for (int d : List.of(7, 30, 90)) {
      out.append(
              d == days
                  ? "<strong>" + d + " days</strong>"
                  : "<a href=\"" + path + "?days=" + d + "\">" + d + " days</a>")
          .append(' ');
    }
    return out.append("</p>").toString();
  }

  static String overview(
      Stats stats, List<ChannelUse> channels, int days, LocalDate from, LocalDate to) {
    List<Stats.Day> everyDay = Charts.everyDay(stats.perDay(), from, to);
    long smallTalk = channels.stream().mapToLong(ChannelUse::smallTalk).sum();
    return period("/desk", days)
        + "<ul class=\"totals\">"
        + total("Questions", Long.toString(stats.questions()))
        + total("Answered", Html.percent(stats.shareAnswered()))
        + total("Thumbs up", Long.toString(stats.upVotes()))
        + total("Thumbs down", Long.toString(stats.downVotes()))
        + total("Chit-chat", Long.toString(smallTalk))
        + "</ul><h2>Questions per day</h2>"
        + "<p class=\"meta\">Light: asked; dark: answered.</p>"
        + Charts.questionsPerDay(everyDay)
        + "<h2>Share answered per day</h2>"
        + Charts.shareAnswered(everyDay)
        + Charts.table(everyDay)
        + "<h2>By channel</h2>"
        + channelTable(channels);
  }

  private static String total(String label, String value) {
    return "<li><strong>" + Html.escape(value) + "</strong>" + Html.escape(label) + "</li>";
  }

  private static String channelTable(List<ChannelUse> channels) {
    StringBuilder rows = new StringBuilder();
    for (ChannelUse c : channels) {
      rows.append("<tr><th scope=\"row\">")
          .append(label(c.channel()))
          .append("</th><td>")
          .append(c.questions())
          .append("</td><td>")
          .append(c.answered())
          .append("</td><td>")
          .append(c.smallTalk())
          .append("</td></tr>");
    }
    return "<div class=\"scroll\"><table id=\"channels\"><thead><tr><th scope=\"col\">Channel</th>"
        + "<th scope=\"col\">Questions</th><th scope=\"col\">Answered</th>"
        + "<th scope=\"col\">Chit-chat (not counted as questions)</th></tr></thead><tbody>"
        + rows
        + "</tbody></table></div>";
  }

  static String label(Channel channel) {
    return switch (channel) {
      case TELEGRAM -> "Telegram";
      case CONSOLE -> "Console";
      case WEB -> "Web";
    };
  }

  static String questions(
      List<QuestionGroup> groups, int days, Choices choices, String csrf, boolean byMeaning) {
    StringBuilder out =
        new StringBuilder(period("/desk/questions", days))
            .append("<p class=\"meta\">Questions the bot declined or answered with low confidence,")
            .append(" wordings of one question counted together (")
            .append(byMeaning ? "by meaning, with the sentence model" : "by their words")
            .append("). Chit-chat is not listed.</p>");
    if (groups.isEmpty()) {
      return out.append("<p>Nothing to look at: every question was answered confidently.</p>")
          .toString();
    }
    out.append("<ol class=\"items\" id=\"groups\">");
    for (int i = 0; i < groups.size(); i++) {
      out.append(group(groups.get(i), i, choices, csrf));
    }
    return out.append("</ol>").toString();
  }

  private static String group(QuestionGroup g, int index, Choices choices, String csrf) {
    String reasons = g.reasons().stream().map(Views::label).collect(Collectors.joining(", "));
    String channels = g.channels().stream().map(Views::label).collect(Collectors.joining(", "));
    StringBuilder out =
        new StringBuilder("<li class=\"group\"><p><strong class=\"question\">")
            .append(Html.message(g.question()))
            .append("</strong></p>")
            .append(Html.whole(g.question()))
            .append("<p class=\"meta\">")
            .append(g.count())
            .append(g.count() == 1 ? " time" : " times")
            .append(" · ")
            .append(Html.escape(reasons))
            .append(" · ")
            .append(Html.escape(channels))
            .append(" · last ")
            .append(day(g.lastAsked()))
            .append("</p>");
    if (g.wordings().size() > 1) {
      out.append("<details><summary>")
          .append(g.wordings().size())
          .append(" wordings</summary><ul>");
      g.wordings().forEach(w -> out.append("<li>").append(Html.message(w)).append("</li>"));
      out.append("</ul></details>");
    }
    out.append(shown(g.shownText(), g.confidence()));
    return out.append(actions("q" + index, g.question(), g.wordings(), "questions", choices, csrf))
        .append("</li>")
        .toString();
  }

  private static String shown(Optional<String> text, double confidence) {
    return text.map(
            t ->
                "<p class=\"meta\">Shown (confidence "
                    + Html.decimal(confidence)
                    + "):</p><blockquote class=\"shown\">"
                    + Html.escape(t)
                    + "</blockquote>")
        .orElse("<p class=\"meta none\">Shown: nothing, the bot said it does not know.</p>");
  }

  static String label(Reason reason) {
    return switch (reason) {
      case DECLINED -> "declined";
      case LOW_CONFIDENCE -> "low confidence";
      case VOTED_DOWN -> "voted down";
    };
  }

  /**
   * The actions on a question: add a wording to an FAQ item, create an item, or mark it out of
   * scope. Each form carries every wording, so all of them leave the lists.
   */
  static String actions(
      String id,
      String question,
      List<String> wordings,
      String back,
      Choices choices,
      String csrf) {
    StringBuilder hidden = new StringBuilder(Page.csrfField(csrf));
    hidden.append("<input type=\"hidden\" name=\"back\" value=\"").append(back).append("\">");
    wordings.forEach(
        w ->
            hidden
                .append("<input type=\"hidden\" name=\"wording\" value=\"")
                .append(Html.escape(w))
                .append("\">"));
    String wording = Html.escape(Html.shorten(question, FaqFiles.MAX_QUESTION_CHARS));
    StringBuilder items = new StringBuilder();
    for (FaqFiles.Choice c : choices.items()) {
      items
          .append("<option value=\"")
          .append(Html.escape(c.id()))
          .append("\">")
          .append(Html.escape(c.id() + ": " + Html.shorten(c.question(), 70)))
          .append("</option>");
    }
    StringBuilder articles = new StringBuilder("<option value=\"\">None</option>");
    for (Article a : choices.articles()) {
      articles
          .append("<option value=\"")
          .append(Html.escape(a.id()))
          .append("\">")
          .append(Html.escape(Html.shorten(a.title(), 70)))
          .append("</option>");
    }
    return "<details class=\"actions\"><summary>Act on this question</summary>"
        + (items.isEmpty()
            ? ""
            : "<form class=\"act\" method=\"post\" action=\"/desk/faq/add\">"
                + hidden
                + field(id + "-add-q", "question", "Wording to add", wording)
                + "<label for=\""
                + id
                + "-add-item\">To the FAQ item</label><select id=\""
                + id
                + "-add-item\" name=\"item\">"
                + items
                + "</select><button type=\"submit\">Add this wording</button></form>")
        + "<form class=\"act\" method=\"post\" action=\"/desk/faq/new\">"
        + hidden
        + field(id + "-new-q", "question", "Question", wording)
        + "<label for=\""
        + id
        + "-new-a\">Answer</label><textarea id=\""
        + id
        + "-new-a\" name=\"answer\" rows=\"3\" maxlength=\""
        + FaqFiles.MAX_ANSWER_CHARS
        + "\" required></textarea><label for=\""
        + id
        + "-new-article\">Article</label><select id=\""
        + id
        + "-new-article\" name=\"article\">"
        + articles
        + "</select><button type=\"submit\">Create an FAQ item</button></form>"
        + "<form class=\"act\" method=\"post\" action=\"/desk/scope\">"
        + hidden
        + "<button class=\"quiet\" type=\"submit\">Mark out of scope</button></form></details>";
  }

  private static String field(String id, String name, String label, String value) {
    return "<label for=\""
        + id
        + "\">"
        + label
        + "</label><input type=\"text\" id=\""
        + id
        + "\" name=\""
        + name
        + "\" value=\""
        + value
        + "\" maxlength=\""
        + FaqFiles.MAX_QUESTION_CHARS
        + "\" required>";
  }

  static String downvoted(List<Downvoted> answers, int days, Choices choices, String csrf) {
    StringBuilder out =
        new StringBuilder(period("/desk/downvoted", days))
            .append("<p class=\"meta\">Passages readers voted down, votes summed over every")
            .append(" question they answered.</p>");
    if (answers.isEmpty()) {
      return out.append("<p>No answer was voted down.</p>").toString();
    }
    out.append("<ol class=\"items\" id=\"downvoted\">");
    for (int i = 0; i < answers.size(); i++) {
      Downvoted d = answers.get(i);
      DownvotedAnswer v = d.votes();
      out.append("<li><p class=\"meta\">")
          .append(v.downVotes())
          .append(" down, ")
          .append(v.upVotes())
          .append(" up · ")
          .append(Html.escape(v.passageId()))
          .append("</p>")
          .append(
              d.shownText()
                  .map(
                      t ->
                          (d.textIsCurrent()
                                  ? "<p class=\"meta\">The passage now (what was shown was not recorded):</p>"
                                  : "<p class=\"meta\">Shown:</p>")
                              + "<blockquote class=\"shown\">"
                              + Html.escape(t)
                              + "</blockquote>")
                  .orElse("<p class=\"meta none\">The passage is no longer served.</p>"))
          .append("<p class=\"meta\">Voted down on:</p><ul>");
      v.questions().forEach(q -> out.append("<li>").append(Html.message(q)).append("</li>"));
      out.append("</ul>");
      if (!v.questions().isEmpty()) {
        out.append(
            actions("d" + i, v.questions().get(0), v.questions(), "downvoted", choices, csrf));
      }
      out.append("</li>");
    }
    return out.append("</ol>").toString();
  }

  static String review(List<Exchange> sample, int days, Choices choices, String csrf) {
    StringBuilder out =
        new StringBuilder(period("/desk/review", days))
            .append("<p class=\"meta\">A fixed sample of confident answers to spot-check: the")
            .append(" same answers on every visit, so two editors see the same queue. A wrong one")
            .append(" deserves an FAQ item with the right answer.</p>");
    if (sample.isEmpty()) {
      return out.append("<p>No confident answers in this period.</p>").toString();
    }
    out.append("<ol class=\"items\" id=\"review\">");
    for (int i = 0; i < sample.size(); i++) {
      Exchange e = sample.get(i);
      out.append("<li><p><strong class=\"question\">")
          .append(Html.message(e.question()))
          .append("</strong></p>")
          .append(Html.whole(e.question()))
          .append("<p class=\"meta\">")
          .append(label(e.channel()))
          .append(" · ")
          .append(day(e.askedAt()))
          .append("</p>")
          .append(
              e.shownText()
                  .map(t -> shown(Optional.of(t), e.confidence()))
                  .orElse(
                      "<p class=\"meta\">Shown: "
                          + Html.escape(e.passageId().orElse("?"))
                          + " (text not recorded), confidence "
                          + Html.decimal(e.confidence())
                          + "</p>"))
          .append(actions("r" + i, e.question(), List.of(e.question()), "review", choices, csrf))
          .append("</li>");
    }
    return out.append("</ol>").toString();
  }

  static String testForm(String question) {
    return "<form method=\"get\" action=\"/desk/test\" role=\"search\">"
        + "<label for=\"q\">Question</label><input type=\"search\" id=\"q\" name=\"q\" value=\""
        + Html.escape(question)
        + "\" maxlength=\"1000\" required><button type=\"submit\">Ask</button></form>";
  }

  static String test(String question, Answer answer, List<Ranked> ranked, double threshold) {
    StringBuilder out = new StringBuilder(testForm(question)).append("<h2>The bot's answer</h2>");
    if (answer.best().isPresent()) {
      Source best = answer.best().get();
      out.append("<p class=\"meta\" id=\"verdict\">")
          .append(answer.kind() == Answer.Kind.ENTITY ? "Entity card" : "Answered")
          .append(" with confidence ")
          .append(Html.decimal(answer.confidence()))
          .append(" (threshold ")
          .append(Html.decimal(threshold))
          .append(") from ")
          .append(Html.escape(best.passageId()))
          .append(", ")
          .append(Html.escape(best.sectionLabel()))
          .append("</p><blockquote class=\"shown\">")
          .append(Html.escape(best.text()))
          .append("</blockquote>");
    } else {
      out.append("<p class=\"meta none\" id=\"verdict\">Declined: confidence ")
          .append(Html.decimal(answer.confidence()))
          .append(" is under the threshold ")
          .append(Html.decimal(threshold))
          .append(".</p>");
    }
    out.append("<h2>Ranked candidates</h2>");
    if (ranked.isEmpty()) {
      return out.append("<p>No passage matched.</p>").toString();
    }
    out.append("<div class=\"scroll\"><table id=\"candidates\"><thead><tr>")
        .append("<th scope=\"col\">#</th><th scope=\"col\">Passage</th>")
        .append("<th scope=\"col\">Confidence</th><th scope=\"col\">Score</th>")
        .append("<th scope=\"col\">BM25 rank</th><th scope=\"col\">BM25 relative</th>")
        .append("<th scope=\"col\">Coverage</th><th scope=\"col\">Vector rank</th>")
        .append("<th scope=\"col\">Similarity</th><th scope=\"col\">Best sentence</th>")
        .append("</tr></thead><tbody>");
    for (Ranked r : ranked) {
      out.append("<tr><td>")
          .append(r.rank())
          .append("</td><td><strong>")
          .append(Html.escape(r.passageId()))
          .append("</strong><br><span class=\"meta\">")
          .append(Html.escape(r.section() + " · " + r.article()))
          .append("</span><br>")
          .append(Html.escape(Html.shorten(r.text(), 200)))
          .append("</td><td>")
          .append(Html.decimal(r.confidence()))
          .append("</td><td>")
          .append(Html.decimal(r.score()))
          .append("</td><td>")
          .append(r.lexicalRank() == 0 ? "–" : Integer.toString(r.lexicalRank()))
          .append("</td><td>")
          .append(Html.decimal(r.lexical()))
          .append("</td><td>")
          .append(Html.decimal(r.coverage()))
          .append("</td><td>")
          .append(r.vectorRank() == 0 ? "–" : Integer.toString(r.vectorRank()))
          .append("</td><td>")
          .append(Html.decimal(r.similarity()))
          .append("</td><td>")
          .append(Html.decimal(r.sentenceSimilarity()))
          .append("</td></tr>");
    }
    return out.append("</tbody></table></div>").toString();
  }

  static String back(String path) {
    return "<p><a href=\"" + path + "\">Back</a></p>";
  }

  private static String day(Instant at) {
    return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }
}
