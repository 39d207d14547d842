package org.briefbot.conversation.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Conversation;
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
  static final String WHOLE_PASSAGE = "📄 Whole passage";
  static final String MORE_FROM_ARTICLE = "📖 More from this article";

  /** Other passages offered under an answer: with the rest, the keyboard fits a phone screen. */
  private static final int MAX_OFFERS = 2;

  /** Characters of each point shown when browsing an article. */
  private static final int POINT_CHARS = 300;

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
    if (reply instanceof Reply.Article a) {
      return article(a);
    }
    Reply.Answered a = (Reply.Answered) reply;
    Rendered body = answer(a);
    String notice = a.notice().map(n -> Html.italic(n) + "\n\n").orElse("");
    return new Rendered(notice + body.html(), alsoAsked(a.alsoAsked(), body.keyboard()));
  }

  /**
   * The message's other questions first, one button each: they are what the reader asked, the rest
   * of the keyboard only what the answer leads to.
   */
  private static List<List<Button>> alsoAsked(List<String> questions, List<List<Button>> rest) {
    List<List<Button>> keyboard = new ArrayList<>();
    for (String question : questions) {
      keyboard.add(
          List.of(
              new Button(
                  "❓ " + Html.shorten(question, LABEL_CHARS),
                  Reply.Answered.ask(question),
                  Button.Tap.SEND)));
    }
    keyboard.addAll(rest);
    return keyboard;
  }

  /** The answer alone, for inline results: no notice, no buttons. */
  String answerHtml(Answer answer) {
    return answer(new Reply.Answered(answer, Optional.empty())).html();
  }

  private Rendered answer(Reply.Answered reply) {
    Answer answer = reply.answer();
    return switch (answer.kind()) {
      case PASSAGE -> passage(reply);
      case ENTITY -> entity(answer);
      case DECLINED -> declined(answer);
    };
  }

  /**
   * The key sentence first, in bold; the rest of the passage only when it is short, otherwise
   * behind a button. Then the source, and buttons: the whole passage and the article, the other
   * passages by what they lead to, the entities by name (their notes are a tap away, never a repeat
   * of the answer).
   */
  private Rendered passage(Reply.Answered reply) {
    Source source = reply.answer().best().orElseThrow();
    StringBuilder html = new StringBuilder(lead(reply.shown(), source.keySentence()));
    String title = Html.italic(source.article());
    html.append("\n\n📰 ")
        .append(source.link().map(link -> Html.link(link, title)).orElse(title))
        .append(" · ")
        .append(Html.escape(source.sectionLabel()));
    List<List<Button>> keyboard = new ArrayList<>();
    List<Button> first = new ArrayList<>();
    if (reply.cut()) {
      first.add(new Button(WHOLE_PASSAGE, "/whole " + source.passageId(), Button.Tap.EDIT));
    }
    if (!NOT_ARTICLES.contains(source.articleId())) {
      first.add(new Button(MORE_FROM_ARTICLE, "/more " + source.articleId(), Button.Tap.SEND));
    }
    keyboard.add(first);
    for (Reply.Offer offer :
        reply.offers().subList(0, Math.min(reply.offers().size(), MAX_OFFERS))) {
      keyboard.add(
          List.of(
              new Button(
                  "🔎 " + Html.shorten(offer.label(), LABEL_CHARS),
                  offer.command(),
                  Button.Tap.SEND)));
    }
    keyboard.add(reply.notes().stream().map(TelegramFormatter::entityButton).toList());
    return new Rendered(html.toString(), keyboard);
  }

  /** The key sentence in bold, first; when the shown text is more, the rest follows as it reads. */
  private static String lead(String shown, String keySentence) {
    int at = keySentence.isBlank() ? -1 : shown.indexOf(keySentence);
    if (at < 0) {
      return Html.escape(shown);
    }
    return Html.escape(shown.substring(0, at))
        + Html.bold(keySentence)
        + Html.escape(shown.substring(at + keySentence.length()));
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
   * sentence that came closest and offers the whole passage as the first button, then the other
   * passages that came close, each a button opening with its sentence. Each opens as the answer to
   * the declined question ({@link Conversation#openClosest}).
   */
  private Rendered declined(Answer answer) {
    List<List<Button>> keyboard = new ArrayList<>();
    List<Alternative.Passage> close = answer.closestPassages();
    for (int i = 0; i < close.size(); i++) {
      Alternative.Passage passage = close.get(i);
      String open = Conversation.openClosest(answer, passage);
      keyboard.add(
          List.of(
              new Button(
                  i == 0 ? READ_PASSAGE : "🔎 " + Html.shorten(passage.text(), LABEL_CHARS),
                  open,
                  Button.Tap.SEND)));
    }
    for (Alternative topic : answer.alternatives()) {
      topicButton(topic).ifPresent(button -> keyboard.add(List.of(button)));
    }
    if (!close.isEmpty()) {
      String quote = Html.italic("“" + Html.shorten(close.get(0).text(), NOTE_CHARS) + "”");
      return new Rendered(Html.escape(NOT_SURE) + " The closest I found:\n" + quote, keyboard);
    }
    String offer = keyboard.isEmpty() ? "" : "\nThese are the closest topics I know:";
    return new Rendered(Html.escape(DECLINED) + offer, keyboard);
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
    return choices(listing);
  }

  /**
   * Part of an article: its points as bullets, each cut to a few lines, and a button per section to
   * read next.
   */
  private static Rendered article(Reply.Article article) {
    StringBuilder html = new StringBuilder(Html.bold(article.title()));
    if (!article.detail().isEmpty()) {
      html.append('\n').append(Html.italic(article.detail()));
    }
    html.append('\n');
    for (Reply.Item point : article.points()) {
      html.append("\n• ").append(Html.escape(Html.shorten(point.label(), POINT_CHARS)));
    }
    List<List<Button>> keyboard = new ArrayList<>();
    List<Button> pair = new ArrayList<>();
    for (Reply.Item section : article.sections()) {
      pair.add(new Button("📑 " + section.label(), section.command(), Button.Tap.SEND));
      if (pair.size() == 2) {
        keyboard.add(List.copyOf(pair));
        pair.clear();
      }
    }
    keyboard.add(pair);
    return new Rendered(html.toString(), keyboard);
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
