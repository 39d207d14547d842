package org.briefbot.knowledge;

import java.nio.file.Path;
import java.util.List;

/**
 * What ingest read and what it could not use.
 *
 * @param filesRead every knowledge file that was looked at
 * @param problems errors (file skipped) and warnings (part skipped), in file order
 */
public record IngestReport(List<Path> filesRead, List<IngestProblem> problems) {
  public IngestReport {
    filesRead = List.copyOf(filesRead);
    problems = List.copyOf(problems);
  }

  /** True when at least one file was skipped as a whole. */
  public boolean hasErrors() {
    return problems.stream().anyMatch(IngestProblem::fatal);
  }

  public long errorCount() {
    return problems.stream().filter(IngestProblem::fatal).count();
  }
}
