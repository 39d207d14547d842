package org.briefbot.conversation.console;

import java.util.List;
import java.util.Locale;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Reply;

/** Renders replies as plain text; the key sentence is bold on a terminal. */
public final class ConsoleFormatter {
  private static final String BOLD = "\u001b[1m";
  private static final String RESET = "\u001b[0m";
  private static final int NOTE_CHARS = 220;
  private static final int ALTERNATIVE_CHARS = 140;

  private final boolean ansi;

  public ConsoleFormatter(boolean ansi) {
    this.ansi = ansi;
  }

  public String format(Reply reply) {
    if (reply instanceof Reply.Message m) {
      return m.text();
    }
    if (reply instanceof Reply.Listing l) {
      return listing(l);
    }
    Reply.Answered a = (Reply.Answered) reply;
    return a.notice().map(n -> "(" + n + ")\n").orElse("") + answer(a.answer());
  }

  private static String listing(Reply.Listing listing) {
    StringBuilder out = new StringBuilder(listing.heading());
    for (Reply.Item item : listing.items()) {
      out.append("\n  - ").append(item.label());
      if (!item.detail().isEmpty()) {
        out.append(" (").append(item.detail()).append(')');
      }
    }
    return out.toString();
  }

  private String answer(Answer answer) {
    return switch (answer.kind()) {
      case DECLINED -> declined(answer);
      case ENTITY -> entity(answer);
      case PASSAGE -> passage(answer);
    };
  }

  private String passage(Answer answer) {
    Source source = answer.best().orElseThrow();
    StringBuilder out = new StringBuilder(emphasise(source.text(), source.keySentence()));
    out.append("\n  -- ")
        .append(source.article())
        .append(" / ")
        .append(source.sectionLabel())
        .append(String.format(Locale.ROOT, " (confidence %.2f)", answer.confidence()));
    source.link().ifPresent(link -> out.append("\n     ").append(link));
    notes(out, answer.entities());
    alternatives(out, answer.alternatives());
    return out.toString();
  }

  private static String entity(Answer answer) {
    EntityCard card = answer.entities().get(0);
    StringBuilder out = new StringBuilder(card.name());
    if (!card.kindLine().isBlank()) {
      out.append(" (").append(card.kindLine()).append(')');
    }
    out.append('\n').append(answer.best().orElseThrow().text());
    if (!card.articles().isEmpty()) {
      out.append("\n  Mentioned in: ").append(String.join("; ", card.articles()));
    }
    if (!card.related().isEmpty()) {
      out.append("\n  Related: ").append(String.join(", ", card.related()));
    }
    return out.toString();
  }

  private static String declined(Answer answer) {
    List<Alternative> topics =
        answer.alternatives().stream().filter(a -> !(a instanceof Alternative.Passage)).toList();
    StringBuilder out = new StringBuilder();
    answer
        .closest()
        .ifPresentOrElse(
            closest ->
                out.append("I'm not sure my articles answer that. The closest passage I found:\n  ")
                    .append(shorten(closest.text(), ALTERNATIVE_CHARS)),
            () ->
                out.append("Sorry, I don't know the answer to that: my articles don't cover it."));
    if (!topics.isEmpty()) {
      out.append("\nI can tell you about:");
      topics.forEach(a -> out.append("\n  - ").append(a.text()));
    }
    return out.toString();
  }

  private static void notes(StringBuilder out, List<EntityCard> cards) {
    if (cards.isEmpty()) {
      return;
    }
    out.append("\n\nAbout:");
    for (EntityCard card : cards) {
      out.append("\n  * ").append(card.name());
      if (!card.kind().isBlank()) {
        out.append(" (").append(card.kind()).append(')');
      }
      out.append(": ").append(shorten(card.summary(), NOTE_CHARS));
    }
  }

  private static void alternatives(StringBuilder out, List<Alternative> alternatives) {
    if (alternatives.isEmpty()) {
      return;
    }
    out.append("\n\nSee also:");
    for (int i = 0; i < alternatives.size(); i++) {
      Alternative a = alternatives.get(i);
      out.append("\n  ").append(i + 1).append(". ").append(shorten(a.text(), ALTERNATIVE_CHARS));
    }
  }

  private String emphasise(String text, String keySentence) {
    if (!ansi || keySentence.equals(text) || !text.contains(keySentence)) {
      return text;
    }
    return text.replace(keySentence, BOLD + keySentence + RESET);
  }

  static String shorten(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int cut = text.lastIndexOf(' ', max - 1);
    return text.substring(0, cut > max / 2 ? cut : max - 1) + "…";
  }
}
