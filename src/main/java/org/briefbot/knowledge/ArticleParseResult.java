package org.briefbot.knowledge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What parsing one article file gave: the article with any warnings, or no article and the problems
 * that made the file unusable (at least one of them fatal).
 *
 * @param article the article, empty when the file was skipped
 * @param problems warnings, and the fatal problem when the file was skipped
 */
public record ArticleParseResult(Optional<Article> article, List<IngestProblem> problems) {
  public ArticleParseResult {
    Objects.requireNonNull(article, "article");
    problems = List.copyOf(problems);
  }

  static ArticleParseResult parsed(Article article, List<IngestProblem> warnings) {
    return new ArticleParseResult(Optional.of(article), warnings);
  }

  static ArticleParseResult skipped(List<IngestProblem> problems) {
    return new ArticleParseResult(Optional.empty(), problems);
  }
}
