package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * An answer's alternatives as things to open, each labelled by what it leads to: the question a
 * curated passage answers, the entity a note is about, or the section (and article, when it is
 * another one) with its opening words. A passage that says what the answer already says is left
 * out: a button that repeats the bold sentence tells the reader nothing.
 */
final class Offers {
  /** Enough opening words to tell two passages of one section apart. */
  private static final int OPENING_CHARS = 40;

  private final Answerer answerer;

  Offers(Answerer answerer) {
    this.answerer = answerer;
  }

  /** The reply with its offers, when it is an answer that has alternatives; else as it was. */
  Reply offered(Reply reply) {
    if (!(reply instanceof Reply.Answered answered) || !answered.answer().answered()) {
      return reply;
    }
    return answered.withOffers(of(answered.answer()));
  }

  private List<Reply.Offer> of(Answer answer) {
    Source best = answer.best().orElseThrow();
    List<Reply.Offer> offers = new ArrayList<>();
    List<String> named = answer.entities().stream().map(EntityCard::name).toList();
    for (Alternative alternative : answer.alternatives()) {
      if (alternative instanceof Alternative.Passage other
          && !repeats(other, best)
          && !aboutNamed(other, named)) {
        offers.add(new Reply.Offer(label(other, best), "/passage " + other.passageId()));
      }
    }
    return offers;
  }

  /** An entity's note when that entity has a button of its own beside the answer. */
  private boolean aboutNamed(Alternative.Passage other, List<String> named) {
    return answerer
        .passage(other.passageId())
        .filter(p -> p.section() == Section.ENTITY_NOTE)
        .map(p -> p.entities().stream().anyMatch(named::contains))
        .orElse(false);
  }

  /**
   * Whether the alternative says what the answer says: one holds the other, or the key sentence.
   */
  private static boolean repeats(Alternative.Passage other, Source best) {
    return other.passageId().equals(best.passageId()) || repeats(other.text(), best);
  }

  /** Whether {@code text} says what {@code best} says: one holds the other, or its key sentence. */
  static boolean repeats(String text, Source best) {
    String said = normal(text);
    String shown = normal(best.text());
    return shown.contains(said)
        || said.contains(shown)
        || said.contains(normal(best.keySentence()));
  }

  private String label(Alternative.Passage other, Source best) {
    Optional<Passage> passage = answerer.passage(other.passageId());
    if (passage.isPresent() && !passage.get().questions().isEmpty()) {
      return passage.get().questions().get(0);
    }
    if (passage.isPresent()
        && passage.get().section() == Section.ENTITY_NOTE
        && !passage.get().entities().isEmpty()) {
      return "About " + passage.get().entities().get(0);
    }
    String section = passage.map(p -> p.section().label()).orElse(other.section());
    String where =
        other.articleId().equals(best.articleId()) ? section : section + " · " + other.article();
    return where + ": " + opening(other.text());
  }

  private static String opening(String text) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= OPENING_CHARS) {
      return oneLine;
    }
    int cut = oneLine.lastIndexOf(' ', OPENING_CHARS);
    return oneLine.substring(0, cut > OPENING_CHARS / 2 ? cut : OPENING_CHARS) + "…";
  }

  private static String normal(String text) {
    return text.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
  }
}
