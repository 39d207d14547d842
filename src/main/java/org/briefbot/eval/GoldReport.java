package org.briefbot.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Figures of a gold-file run.
 *
 * @param questions all questions
 * @param answerable questions with expected strings
 * @param outOfScope questions the bot must decline
 * @param hit1 share of answerable questions whose best answer contains an expected string
 * @param hit3 the same within the best answer and the first two alternatives
 * @param mrr mean reciprocal rank of the first right candidate (best, then alternatives)
 * @param declineAccuracy share of out-of-scope questions the bot declined
 * @param falseDeclines answerable questions the bot declined
 * @param keySentenceQuestions answered questions whose passage holds an expected string inside one
 *     sentence: those a key sentence can get right
 * @param keySentenceHit share of those whose key sentence (the one channels emphasise) holds it
 * @param closestRight answerable questions declined while offering, among the passages that came
 *     close, one that holds an expected string: the reader is shown where the answer is, though not
 *     told it
 * @param outOfScopeOffered out-of-scope questions declined while offering passages that came close
 * @param misses every question not answered right at rank 1 (or not declined)
 * @param keySentenceMisses every answer whose key sentence lacks the expected string its passage
 *     holds in one sentence
 */
public record GoldReport(
    int questions,
    int answerable,
    @JsonProperty("out_of_scope") int outOfScope,
    @JsonProperty("hit@1") double hit1,
    @JsonProperty("hit@3") double hit3,
    double mrr,
    @JsonProperty("decline_accuracy") double declineAccuracy,
    @JsonProperty("false_declines") int falseDeclines,
    @JsonProperty("key_sentence_questions") int keySentenceQuestions,
    @JsonProperty("key_sentence_hit") double keySentenceHit,
    @JsonProperty("closest_right") int closestRight,
    @JsonProperty("out_of_scope_offered") int outOfScopeOffered,
    List<Miss> misses,
    @JsonProperty("key_sentence_misses") List<KeySentenceMiss> keySentenceMisses) {

  /**
   * @param q the question
   * @param expected what the answer should have contained; empty for a decline
   * @param got the answer text, or "(declined)"
   * @param confidence the answer's confidence
   */
  public record Miss(String q, List<String> expected, String got, double confidence) {}

  /**
   * @param q the question
   * @param expected what the key sentence should have held
   * @param keySentence the sentence emphasised
   */
  public record KeySentenceMiss(String q, List<String> expected, String keySentence) {}
}
