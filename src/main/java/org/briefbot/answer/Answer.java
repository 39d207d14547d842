package org.briefbot.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * briefbot's reply to one question, before any channel formats it.
 *
 * @param question the question as asked
 * @param kind a passage, an entity card, or a polite "I don't know"
 * @param confidence in [0,1]; the same value means the same certainty for every question
 * @param best the chosen passage (or entity summary); empty when declined
 * @param entities notes on up to three entities the question or the passage mentions
 * @param alternatives other passages; when declined, the closest topics, after the passages that
 *     came close (see {@link #closestPassages()})
 * @param readAs the question as it was answered, when that is not as asked: its typos spelt as the
 *     articles spell the words they are closest to
 */
public record Answer(
    String question,
    Kind kind,
    double confidence,
    Optional<Source> best,
    List<EntityCard> entities,
    List<Alternative> alternatives,
    Optional<String> readAs) {

  public enum Kind {
    PASSAGE,
    ENTITY,
    DECLINED
  }

  public Answer {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(readAs, "readAs");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence not in [0,1]: " + confidence);
    }
    if ((kind == Kind.DECLINED) != best.isEmpty()) {
      throw new IllegalArgumentException(
          "a declined answer has no passage, any other has one: " + kind);
    }
    entities = List.copyOf(entities);
    alternatives = List.copyOf(alternatives);
  }

  /** An answer to the question as asked. */
  public Answer(
      String question,
      Kind kind,
      double confidence,
      Optional<Source> best,
      List<EntityCard> entities,
      List<Alternative> alternatives) {
    this(question, kind, confidence, best, entities, alternatives, Optional.empty());
  }

  /**
   * This answer, given to {@code asked}, which it answers as {@link #question()} reads, or as it
   * was read already when that was respelt too.
   */
  public Answer readFrom(String asked) {
    return new Answer(
        asked,
        kind,
        confidence,
        best,
        entities,
        alternatives,
        readAs.or(() -> Optional.of(question)));
  }

  public boolean answered() {
    return kind != Kind.DECLINED;
  }

  /**
   * For a declined answer, the passage that came closest, if any passage came close enough to
   * offer; the rest are topics.
   */
  public Optional<Alternative.Passage> closest() {
    return closestPassages().stream().findFirst();
  }

  /** For a declined answer, the passages that came close enough to offer, closest first. */
  public List<Alternative.Passage> closestPassages() {
    return answered()
        ? List.of()
        : alternatives.stream()
            .filter(Alternative.Passage.class::isInstance)
            .map(Alternative.Passage.class::cast)
            .toList();
  }
}
