package org.briefbot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;

/** What the bot says back, before a channel formats it. */
public sealed interface Reply {
  /** Up to this many characters a passage is shown whole: a few lines on a phone. */
  int SHORT_PASSAGE = 280;

  /**
   * An answer, an entity card or a decline.
   *
   * @param notice something to tell the reader first, e.g. that a long message was cut
   * @param layout whether to lead with the key sentence or show the whole passage
   * @param offers the other passages worth opening, each labelled by what it leads to; never one
   *     that repeats the answer
   * @param alsoAsked the message's other questions when it asked several, in the order asked: each
   *     is one tap away ({@link #ask}), answered then in this answer's context
   */
  record Answered(
      Answer answer,
      Optional<String> notice,
      Layout layout,
      List<Offer> offers,
      List<String> alsoAsked)
      implements Reply {
    public Answered {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(notice, "notice");
      Objects.requireNonNull(layout, "layout");
      offers = List.copyOf(offers);
      alsoAsked = List.copyOf(alsoAsked);
    }

    public Answered(Answer answer, Optional<String> notice, Layout layout, List<Offer> offers) {
      this(answer, notice, layout, offers, List.of());
    }

    /** Led by the key sentence, no offers yet: the conversation adds them once, for every reply. */
    public Answered(Answer answer, Optional<String> notice) {
      this(answer, notice, Layout.LEAD, List.of());
    }

    /** The command that asks one of {@link #alsoAsked}. */
    public static String ask(String question) {
      return "/ask " + question;
    }

    /**
     * Whether only the key sentence is shown: a long passage led by its key sentence. A passage of
     * up to {@value #SHORT_PASSAGE} characters is shown whole, its key sentence still first in
     * weight.
     */
    public boolean cut() {
      return layout == Layout.LEAD
          && answer.kind() == Answer.Kind.PASSAGE
          && answer
              .best()
              .map(b -> b.text().length() > SHORT_PASSAGE && !b.keySentenceLedIn().equals(b.text()))
              .orElse(false);
    }

    /**
     * The passage text to show: when {@link #cut()}, the key sentence led in by the one before it
     * when it points back ({@link Source#keySentenceLedIn}); else all of it.
     */
    public String shown() {
      return answer.best().map(b -> cut() ? b.keySentenceLedIn() : b.text()).orElse("");
    }

    Answered withOffers(List<Offer> newOffers) {
      return new Answered(answer, notice, layout, newOffers, alsoAsked);
    }

    Answered alsoAsking(List<String> questions) {
      return new Answered(answer, notice, layout, offers, questions);
    }

    /**
     * The entity cards worth offering beside the answer: not the one whose note the answer is,
     * which would say the same thing twice.
     */
    public List<EntityCard> notes() {
      String shown = answer.best().map(b -> b.text()).orElse("");
      return answer.entities().stream()
          .filter(card -> card.summary().isBlank() || !shown.contains(card.summary().strip()))
          .toList();
    }
  }

  /** How much of an answer's passage to show. */
  enum Layout {
    /**
     * The key sentence first; the rest of the passage only when it is short, otherwise behind a
     * "whole passage" offer: a reply should fit one phone screen.
     */
    LEAD,
    /** The whole passage, the key sentence in it emphasised: the reader asked for it. */
    WHOLE
  }

  /**
   * Something to open from an answer.
   *
   * @param label what it leads to: the question a passage answers, or its section and article
   * @param command what opening it runs, e.g. "/passage aws-openai-trainium#faq#2"
   */
  record Offer(String label, String command) {
    public Offer {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(command, "command");
    }
  }

  /** Plain text: help, a greeting, an error the reader can act on. */
  record Message(String text) implements Reply {
    public Message {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A list to choose from: entities, sources, topics.
   *
   * @param heading one line above the list
   * @param items the entries, in display order
   */
  record Listing(String heading, List<Item> items) implements Reply {
    public Listing {
      Objects.requireNonNull(heading, "heading");
      items = List.copyOf(items);
    }
  }

  /**
   * Part of an article to read: its key points, or one section, with the sections to open next;
   * never the whole article at once.
   *
   * @param title the article's title
   * @param detail what this part is: the article's date for its key points, else the section
   * @param points the passages shown, each opening the passage alone
   * @param sections the article's other sections, each opening that section
   */
  record Article(String title, String detail, List<Item> points, List<Item> sections)
      implements Reply {
    public Article {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(detail, "detail");
      points = List.copyOf(points);
      sections = List.copyOf(sections);
    }
  }

  /**
   * One entry of a {@link Listing}.
   *
   * @param label what to show, e.g. "OpenAI"
   * @param detail a short description, may be empty
   * @param command what opening it runs, e.g. "/entity OpenAI"
   */
  record Item(String label, String detail, String command) {}
}
