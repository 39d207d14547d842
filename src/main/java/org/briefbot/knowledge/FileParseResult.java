package org.briefbot.knowledge;

import java.util.List;

/**
 * What parsing one curated YAML file gave: the items that loaded and the problems found. When a
 * problem is fatal the whole file was skipped and {@code items} is empty.
 *
 * @param items the items that loaded, in file order
 * @param problems warnings (item or key skipped) and fatal problems (file skipped), in file order
 * @param <T> {@link FaqItem} or {@link EntityEntry}
 */
public record FileParseResult<T>(List<T> items, List<IngestProblem> problems) {
  public FileParseResult {
    items = List.copyOf(items);
    problems = List.copyOf(problems);
  }

  /** True when the whole file was skipped. */
  public boolean skipped() {
    return problems.stream().anyMatch(IngestProblem::fatal);
  }
}
