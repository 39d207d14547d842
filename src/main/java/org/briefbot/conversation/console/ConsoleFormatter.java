package org.briefbot.conversation.console;

import java.util.ArrayList;
import java.util.List;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Reply;

/**
 * Renders replies as plain text; the key sentence leads, bold on a terminal. Whatever a reply
 * offers to open next is numbered, and {@link Shown#commands()} says what each number runs.
 */
public final class ConsoleFormatter {
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final int ALTERNATIVE_CHARS = 140;
  private static final int POINT_CHARS = 300;

  /** Offers shown under an answer, as on Telegram. */
  private static final int MAX_OFFERS = 3;

  private final boolean ansi;

  /**
   * A reply as text, and the command each of its numbered items runs (item 1 is the first).
   *
   * @param text what to print
   * @param commands what typing 1, 2, ... runs
   */
  public record Shown(String text, List<String> commands) {
    public Shown {
      commands = List.copyOf(commands);
    }
  }

  public ConsoleFormatter(boolean ansi) {
    this.ansi = ansi;
  }

  public String format(Reply reply) {
    return render(reply).text();
  }

  public Shown render(Reply reply) {
    Numbered out = new Numbered();
    if (reply instanceof Reply.Message m) {
      out.text.append(m.text());
    } else if (reply instanceof Reply.Listing l) {
      listing(out, l);
    } else if (reply instanceof Reply.Article a) {
      article(out, a);
    } else {
      Reply.Answered a = (Reply.Answered) reply;
      a.notice().ifPresent(n -> out.text.append('(').append(n).append(")\n"));
      answer(out, a);
      alsoAsked(out, a.alsoAsked());
    }
    return new Shown(out.text.toString(), out.commands);
  }

  /** Text being written, and the commands of the items numbered so far. */
  private static final class Numbered {
    final StringBuilder text = new StringBuilder();
    final List<String> commands = new ArrayList<>();

    void item(String label, String command) {
      commands.add(command);
      text.append("\n  ").append(commands.size()).append(". ").append(label);
    }
  }

  private static void listing(Numbered out, Reply.Listing listing) {
    out.text.append(listing.heading());
    for (Reply.Item item : listing.items()) {
      out.item(
          item.label() + (item.detail().isEmpty() ? "" : " (" + item.detail() + ")"),
          item.command());
    }
  }

  private static void article(Numbered out, Reply.Article article) {
    out.text.append(article.title());
    if (!article.detail().isEmpty()) {
      out.text.append("\n  ").append(article.detail());
    }
    for (Reply.Item point : article.points()) {
      out.text.append("\n  * ").append(shorten(point.label(), POINT_CHARS));
    }
    if (!article.sections().isEmpty()) {
      out.text.append("\n\nSections:");
      article.sections().forEach(s -> out.item(s.label(), s.command()));
    }
  }

  private void answer(Numbered out, Reply.Answered reply) {
    Answer answer = reply.answer();
    switch (answer.kind()) {
      case DECLINED -> declined(out, answer);
      case ENTITY -> entity(out, answer);
      case PASSAGE -> passage(out, reply);
    }
  }

  private void passage(Numbered out, Reply.Answered reply) {
    Source source = reply.answer().best().orElseThrow();
    out.text
        .append(lead(reply.shown(), source.keySentence()))
        .append("\n  -- ")
        .append(source.article())
        .append(" / ")
        .append(source.sectionLabel());
    source.link().ifPresent(link -> out.text.append("\n     ").append(link));
    List<EntityCard> notes = reply.notes();
    if (!notes.isEmpty()) {
      out.text
          .append("\n  About: ")
          .append(String.join(", ", notes.stream().map(ConsoleFormatter::name).toList()));
    }
    List<Reply.Offer> offers =
        reply.offers().subList(0, Math.min(reply.offers().size(), MAX_OFFERS));
    if (reply.cut() || !offers.isEmpty()) {
      out.text.append("\n\nSee also (type the number):");
      if (reply.cut()) {
        out.item("The whole passage", "/whole " + source.passageId());
      }
      offers.forEach(o -> out.item(shorten(o.label(), ALTERNATIVE_CHARS), o.command()));
    }
  }

  /** The message's other questions, each answered by typing its number. */
  private static void alsoAsked(Numbered out, List<String> questions) {
    if (questions.isEmpty()) {
      return;
    }
    out.text.append("\n\nYou also asked (type the number):");
    questions.forEach(q -> out.item(shorten(q, ALTERNATIVE_CHARS), Reply.Answered.ask(q)));
  }

  private static String name(EntityCard card) {
    return card.kind().isBlank() ? card.name() : card.name() + " (" + card.kind() + ")";
  }

  private static void entity(Numbered out, Answer answer) {
    EntityCard card = answer.entities().get(0);
    out.text.append(card.name());
    if (!card.kindLine().isBlank()) {
      out.text.append(" (").append(card.kindLine()).append(')');
    }
    out.text.append('\n').append(answer.best().orElseThrow().text());
    if (!card.articles().isEmpty()) {
      out.text.append("\n  Mentioned in: ").append(String.join("; ", card.articles()));
    }
    if (!card.related().isEmpty()) {
      out.text.append("\n  Related: ").append(String.join(", ", card.related()));
    }
  }

  private static void declined(Numbered out, Answer answer) {
    List<Alternative> topics =
        answer.alternatives().stream().filter(a -> !(a instanceof Alternative.Passage)).toList();
    List<Alternative.Passage> close = answer.closestPassages();
    if (close.isEmpty()) {
      out.text.append("Sorry, I don't know the answer to that: my articles don't cover it.");
    } else {
      Alternative.Passage closest = close.get(0);
      out.text
          .append("I'm not sure my articles answer that. The closest passage I found:\n  ")
          .append(shorten(closest.text(), ALTERNATIVE_CHARS));
      out.item("Read that passage", Conversation.openClosest(answer, closest));
      for (Alternative.Passage other : close.subList(1, close.size())) {
        out.item(
            "Also close: " + shorten(other.text(), ALTERNATIVE_CHARS),
            Conversation.openClosest(answer, other));
      }
    }
    if (!topics.isEmpty()) {
      out.text.append("\nI can tell you about:");
      for (Alternative topic : topics) {
        String command =
            topic instanceof Alternative.Topic t
                ? "/more " + t.articleId()
                : "/entity " + topic.text();
        out.item(topic.text(), command);
      }
    }
  }

  /** The key sentence first (bold on a terminal); the rest of the shown text as it reads. */
  private String lead(String shown, String keySentence) {
    int at = keySentence.isBlank() ? -1 : shown.indexOf(keySentence);
    if (!ansi || at < 0) {
      return shown;
    }
    return shown.substring(0, at)
        + BOLD
        + keySentence
        + RESET
        + shown.substring(at + keySentence.length());
  }

  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }
}
