package org.briefbot.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.briefbot.answer.Answer;

/**
 * The {@code ask --json} line, and the body of the web API's answers: a contract other tools read,
 * so its fields never change.
 */
@JsonPropertyOrder({"question", "answered", "confidence", "answer", "entities", "alternatives"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnswerJson(
    String question,
    boolean answered,
    double confidence,
    Text answer,
    List<EntityJson> entities,
    List<AlternativeJson> alternatives) {

  /** {@code link} is null when the article's file gives none. */
  @JsonPropertyOrder({"text", "article", "section", "link"})
  public record Text(String text, String article, String section, String link) {}

  @JsonPropertyOrder({"name", "kind", "summary"})
  public record EntityJson(String name, String kind, String summary) {}

  @JsonPropertyOrder({"text", "article", "section", "confidence"})
  public record AlternativeJson(String text, String article, String section, double confidence) {}

  public static AnswerJson of(Answer answer) {
    Text text =
        answer
            .best()
            .map(s -> new Text(s.text(), s.article(), s.section(), s.link().orElse(null)))
            .orElse(null);
    List<EntityJson> entities =
        answer.entities().stream()
            .map(e -> new EntityJson(e.name(), e.kind(), e.summary()))
            .toList();
    List<AlternativeJson> alternatives =
        answer.alternatives().stream()
            .map(
                a -> new AlternativeJson(a.text(), a.article(), a.section(), round(a.confidence())))
            .toList();
    return new AnswerJson(
        answer.question(),
        answer.answered(),
        round(answer.confidence()),
        text,
        entities,
        alternatives);
  }

  /** Four decimals: enough to compare, stable to read. */
  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
