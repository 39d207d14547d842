package org.briefbot.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;

/**
 * One reply to a question, as the store keeps it.
 *
 * @param chatId where it was asked
 * @param userId who asked
 * @param question the question as asked
 * @param answered false when the bot declined
 * @param passageId the passage shown ("entity:NAME" for entity cards); empty when declined
 * @param articleId the article it came from; empty when declined
 * @param confidence in [0,1]
 * @param entities names of the entities the answer carried notes on, counted as asked about
 * @param candidates ids of what was shown: the passage, then alternatives or offered topics
 * @param logAs when present, the question is also put in the unanswered log for this reason
 * @param channel where it was asked
 * @param shownText the passage text as the reader saw it (the key sentence alone when the reply led
 *     with it); empty when declined
 */
public record AnswerRecord(
    long chatId,
    long userId,
    String question,
    boolean answered,
    Optional<String> passageId,
    Optional<String> articleId,
    double confidence,
    List<String> entities,
    List<String> candidates,
    Optional<Reason> logAs,
    Channel channel,
    Optional<String> shownText) {

  public AnswerRecord {
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(shownText, "shownText");
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(logAs, "logAs");
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence not in [0,1]: " + confidence);
    }
    entities = List.copyOf(entities);
    candidates = List.copyOf(candidates);
  }

  /** A Telegram reply, as recorded before channels and shown text were: no text kept. */
  public AnswerRecord(
      long chatId,
      long userId,
      String question,
      boolean answered,
      Optional<String> passageId,
      Optional<String> articleId,
      double confidence,
      List<String> entities,
      List<String> candidates,
      Optional<Reason> logAs) {
    this(
        chatId,
        userId,
        question,
        answered,
        passageId,
        articleId,
        confidence,
        entities,
        candidates,
        logAs,
        Channel.TELEGRAM,
        Optional.empty());
  }

  /**
   * The Telegram record of {@code answer}, its whole passage as the text shown; declined answers
   * and those below {@code lowConfidence} are marked for the unanswered log.
   */
  public static AnswerRecord of(long chatId, long userId, Answer answer, double lowConfidence) {
    return of(
        Channel.TELEGRAM, chatId, userId, answer, answer.best().map(Source::text), lowConfidence);
  }

  /**
   * The record of {@code answer} given on {@code channel}; declined answers and those below {@code
   * lowConfidence} are marked for the unanswered log.
   *
   * @param shownText the passage text as the reader saw it
   */
  public static AnswerRecord of(
      Channel channel,
      long chatId,
      long userId,
      Answer answer,
      Optional<String> shownText,
      double lowConfidence) {
    List<String> entities = answer.entities().stream().map(EntityCard::name).toList();
    List<String> candidates =
        Stream.concat(
                answer.best().map(Source::passageId).stream(),
                answer.alternatives().stream().map(Alternative::id))
            .toList();
    return new AnswerRecord(
        chatId,
        userId,
        answer.question(),
        answer.answered(),
        answer.best().map(Source::passageId),
        answer.best().map(Source::articleId),
        answer.confidence(),
        entities,
        candidates,
        Reason.of(answer, lowConfidence),
        channel,
        answer.answered() ? shownText : Optional.empty());
  }
}
