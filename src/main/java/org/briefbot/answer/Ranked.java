package org.briefbot.answer;

import java.util.Objects;

/**
 * One candidate passage for a question with the signals that ranked it, for the editors' test pane:
 * why the bot chose what it chose.
 *
 * @param rank 1-based position in the final ranking
 * @param passageId the passage
 * @param article its article's title
 * @param section the section heading readers see
 * @param text the passage text
 * @param score the ranking score; comparable within one question only
 * @param confidence calibrated probability that it answers, in [0,1]
 * @param lexicalRank 1-based rank in the BM25 list, 0 when BM25 did not return it
 * @param lexical BM25 score relative to the question's best, in [0,1]
 * @param coverage share of the question's IDF the passage matches, in [0,1]
 * @param vectorRank 1-based rank among the nearest vectors, 0 when not among them or no model
 * @param similarity cosine of question and passage vectors; 0 without a model
 * @param sentenceSimilarity the highest cosine of the question with one sentence of the passage
 */
public record Ranked(
    int rank,
    String passageId,
    String article,
    String section,
    String text,
    double score,
    double confidence,
    int lexicalRank,
    double lexical,
    double coverage,
    int vectorRank,
    double similarity,
    double sentenceSimilarity) {
  public Ranked {
    Objects.requireNonNull(passageId, "passageId");
    Objects.requireNonNull(text, "text");
  }
}
