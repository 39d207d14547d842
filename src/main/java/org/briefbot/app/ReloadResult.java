package org.briefbot.app;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;

/**
 * What a knowledge reload did, for {@code /reload} and for telling admins about broken files.
 *
 * @param report files read and problems found; a broken file that had a good version before has its
 *     error here and a warning that the previous version is still served
 * @param articles articles serving after the reload
 * @param passages passages indexed after the reload
 * @param swapped true when the new core replaced the old one; false when building it failed
 * @param failure why the new core could not be built, when {@code swapped} is false
 * @param took how long loading and indexing took
 */
public record ReloadResult(
    IngestReport report,
    int articles,
    int passages,
    boolean swapped,
    Optional<String> failure,
    Duration took) {
  public ReloadResult {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(took, "took");
  }

  /** Files skipped as a whole: what an admin should be told about. */
  public List<IngestProblem> errors() {
    return report.problems().stream().filter(IngestProblem::fatal).toList();
  }

  /** True when every file loaded and the new core serves. */
  public boolean clean() {
    return swapped && errors().isEmpty();
  }
}
