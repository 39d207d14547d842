package org.briefbot.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.answer.Answer;

/** What the bot says back, before a channel formats it. */
public sealed interface Reply {

  /**
   * An answer, an entity card or a decline.
   *
   * @param notice something to tell the reader first, e.g. that a long message was cut
   */
  record Answered(Answer answer, Optional<String> notice) implements Reply {
    public Answered {
      Objects.requireNonNull(answer, "answer");
      Objects.requireNonNull(notice, "notice");
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
   * One entry of a {@link Listing}.
   *
   * @param label what to show, e.g. "OpenAI"
   * @param detail a short description, may be empty
   * @param command what opening it runs, e.g. "/entity OpenAI"
   */
  record Item(String label, String detail, String command) {}
}
