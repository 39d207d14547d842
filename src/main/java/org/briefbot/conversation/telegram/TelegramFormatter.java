package org.briefbot.conversation.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Reply;

/**
 * Renders replies as Telegram HTML with inline buttons. Every piece of knowledge text is escaped;
 * the only markup is ours: the key sentence in bold, sources and section names in italics.
 */
final class TelegramFormatter {
  static final String DECLINED =
      "Sorry, I don't know the answer to that: my articles don't cover it.";
  static final String NOT_SURE = "I'm not sure my articles answer that.";
  static final String READ_PASSAGE = "🔎 Read the whole passage";
  private static final int NOTE_CHARS = 220;
  private static final int LABEL_CHARS = 48;
  private static final int SHORT_LABEL = 22;
  private static final int MAX_LIST_BUTTONS = 10;

  /** Source ids that name no article: there is nothing "more from this article" to show. */
  private static final Set<String> NOT_ARTICLES = Set.of("faq", "entity");

  Rendered format(Reply reply) {
    if (reply instanceof Reply.Message m) {
      return Rendered.text(Html.escape(m.text()));
    }
    if (reply instanceof Reply.Listing l) {
      return listing(l);
    }
    Reply.Answered a = (Reply.Answered) reply;
    Rendered body = answer(a.answer());
    String notice = a.notice().map(n -> Html.italic(n) + "\n\n").orElse("");
    return new Rendered(notice + body.html(), body.keyboard());
  }

  /** The answer alone, for inline results: no notice, no buttons. */
  String answerHtml(Answer answer) {
    return answer(answer).html();
  }

  private Rendered answer(Answer answer) {
    return switch (answer.kind()) {
      case PASSAGE -> passage(answer);
      case ENTITY -> entity(answer);
      case DECLINED -> declined(answer);
    };
  }

  private Rendered passage(Answer answer) {
    Source source = answer.best().orElseThrow();
    StringBuilder html = new StringBuilder(Html.emphasise(source.text(), source.keySentence()));
    String title = Html.italic(source.article());
    html.append("\n\n📰 ")
        .append(source.link().map(link -> Html.link(link, title)).orElse(title))
        .append(" · ")
        .append(Html.escape(source.sectionLabel()));
    notes(html, answer.entities());
    List<List<Button>> keyboard = new ArrayList<>();
    for (Alternative alternative : answer.alternatives()) {
      if (alternative instanceof Alternative.Passage other) {
        keyboard.add(List.of(passageButton(other)));
      }
    }
    keyboard.add(answer.entities().stream().map(TelegramFormatter::entityButton).toList());
    if (!NOT_ARTICLES.contains(source.articleId())) {
      keyboard.add(
          List.of(
              new Button(
                  "📖 More from this article", "/more " + source.articleId(), Button.Tap.SEND)));
    }
    return new Rendered(html.toString(), keyboard);
  }

  private static void notes(StringBuilder html, List<EntityCard> cards) {
    if (cards.isEmpty()) {
      return;
    }
    html.append('\n');
    for (EntityCard card : cards) {
      html.append("\nℹ️ ").append(Html.bold(card.name()));
      if (!card.kind().isBlank()) {
        html.append(" (").append(Html.escape(card.kind())).append(')');
      }
      if (!card.summary().isBlank()) {
        html.append(": ").append(Html.escape(Html.shorten(card.summary(), NOTE_CHARS)));
      }
    }
  }

  private Rendered entity(Answer answer) {
    EntityCard card = answer.entities().get(0);
    StringBuilder html = new StringBuilder(Html.bold(card.name()));
    if (!card.kindLine().isBlank()) {
      html.append(" · ").append(Html.escape(card.kindLine()));
    }
    html.append('\n').append(Html.escape(answer.best().orElseThrow().text()));
    if (!card.articles().isEmpty()) {
      html.append("\n\n📰 Mentioned in: ");
      html.append(String.join("; ", card.articles().stream().map(Html::italic).toList()));
    }
    List<Button> related =
        answer.alternatives().stream()
            .filter(Alternative.Entity.class::isInstance)
            .map(a -> entityButton(((Alternative.Entity) a).name()))
            .toList();
    return new Rendered(html.toString(), List.of(related));
  }

  private static Button entityButton(EntityCard card) {
    return entityButton(card.name());
  }

  private static Button entityButton(String name) {
    return new Button("ℹ️ " + Html.shorten(name, LABEL_CHARS), "/entity " + name, Button.Tap.SEND);
  }

  /**
   * Says so plainly; the closest topics are buttons that turn this message into the topic. When a
   * passage came close but not close enough, the reply says the bot is not sure, quotes the
   * sentence that came closest and offers the whole passage as the first button.
   */
  private Rendered declined(Answer answer) {
    List<List<Button>> keyboard = new ArrayList<>();
    Optional<Alternative.Passage> closest = answer.closest();
    closest.ifPresent(
        passage ->
            keyboard.add(
                List.of(
                    new Button(READ_PASSAGE, "/passage " + passage.passageId(), Button.Tap.SEND))));
    for (Alternative topic : answer.alternatives()) {
      topicButton(topic).ifPresent(button -> keyboard.add(List.of(button)));
    }
    if (closest.isPresent()) {
      String quote = Html.italic("“" + Html.shorten(closest.get().text(), NOTE_CHARS) + "”");
      return new Rendered(Html.escape(NOT_SURE) + " The closest I found:\n" + quote, keyboard);
    }
    String offer = keyboard.isEmpty() ? "" : "\nThese are the closest topics I know:";
    return new Rendered(Html.escape(DECLINED) + offer, keyboard);
  }

  private static Button passageButton(Alternative.Passage passage) {
    return new Button(
        "🔎 " + Html.shorten(passage.text(), LABEL_CHARS),
        "/passage " + passage.passageId(),
        Button.Tap.SEND);
  }

  /** A button that turns the decline into the topic; none for a passage. */
  private static Optional<Button> topicButton(Alternative topic) {
    if (topic instanceof Alternative.Entity entity) {
      String name = entity.name();
      return Optional.of(
          new Button("ℹ️ " + Html.shorten(name, LABEL_CHARS), "/entity " + name, Button.Tap.EDIT));
    }
    if (topic instanceof Alternative.Topic article) {
      return Optional.of(
          new Button(
              "📰 " + Html.shorten(article.article(), LABEL_CHARS),
              "/more " + article.articleId(),
              Button.Tap.EDIT));
    }
    return Optional.empty();
  }

  private Rendered listing(Reply.Listing listing) {
    boolean passages =
        !listing.items().isEmpty()
            && listing.items().stream().allMatch(i -> i.command().startsWith("/passage "));
    return passages ? article(listing) : choices(listing);
  }

  /**
   * An article's key points, grouped under their section names; the text is the content, no
   * buttons.
   */
  private static Rendered article(Reply.Listing listing) {
    StringBuilder html = new StringBuilder(Html.bold(listing.heading()));
    String section = null;
    for (Reply.Item item : listing.items()) {
      if (!item.detail().equals(section)) {
        section = item.detail();
        html.append("\n\n").append(Html.italic(section));
      }
      html.append("\n• ").append(Html.escape(item.label()));
    }
    return Rendered.text(html.toString());
  }

  /** Entities, topics, sources: a list to read, and the first few as buttons to open. */
  private static Rendered choices(Reply.Listing listing) {
    StringBuilder html = new StringBuilder(Html.bold(listing.heading()));
    for (Reply.Item item : listing.items()) {
      html.append("\n• ").append(Html.escape(item.label()));
      if (!item.detail().isEmpty()) {
        html.append(" — ").append(Html.italic(item.detail()));
      }
    }
    return new Rendered(html.toString(), buttons(listing.items()));
  }

  /** Short labels two to a row, long ones alone. */
  private static List<List<Button>> buttons(List<Reply.Item> items) {
    List<List<Button>> rows = new ArrayList<>();
    List<Button> pair = new ArrayList<>();
    for (Reply.Item item : items.subList(0, Math.min(items.size(), MAX_LIST_BUTTONS))) {
      Button button =
          new Button(Html.shorten(item.label(), LABEL_CHARS), item.command(), Button.Tap.SEND);
      if (item.label().length() > SHORT_LABEL) {
        rows.add(List.of(button));
        continue;
      }
      pair.add(button);
      if (pair.size() == 2) {
        rows.add(List.copyOf(pair));
        pair.clear();
      }
    }
    if (!pair.isEmpty()) {
      rows.add(List.copyOf(pair));
    }
    return rows;
  }
}
