package org.briefbot.knowledge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A knowledge file that could not be used, or a part of one that was skipped.
 *
 * @param path the file
 * @param line 1-based line of the problem, 0 when it concerns the whole file
 * @param reason what is wrong, for an editor to fix
 * @param fatal true when the whole file was skipped, false for a warning
 */
public record IngestProblem(Path path, int line, String reason, boolean fatal) {
  public IngestProblem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String toString() {
    return (fatal ? "ERROR " : "WARN  ") + path + (line > 0 ? ":" + line : "") + ": " + reason;
  }
}
