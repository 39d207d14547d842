package org.briefbot.retrieval;

import java.util.Objects;

/**
 * How candidates are fused and calibrated.
 *
 * @param vectorDepth how many nearest vectors HNSW returns (BM25 returns the request's topK)
 * @param fusion how hybrid candidates are scored
 * @param bm25Calibration confidence from coverage alone
 * @param semanticCalibration confidence from similarity (and coverage) of semantic hits
 * @param hybridCalibration confidence from coverage and similarity of fused hits
 */
public record RetrievalSettings(
    int vectorDepth, Fusion fusion, Calibration bm25Calibration, Calibration semanticCalibration, Calibration hybridCalibration) {
  public RetrievalSettings {
    if (vectorDepth < 1) {
      throw new IllegalArgumentException("vectorDepth < 1: " + vectorDepth);
    }
    Objects.requireNonNull(fusion, "fusion");
    Objects.requireNonNull(bm25Calibration, "bm25Calibration");
    Objects.requireNonNull(semanticCalibration, "semanticCalibration");
    Objects.requireNonNull(hybridCalibration, "hybridCalibration");
  }

  /**
   * The fitted fusion and calibrations, with {@code vectorDepth} nearest vectors. Fitted by
   * scripts/tune_fusion.py on the tuning halves only (StackFAQ set A, SciFact train, the seed's
   * own tuning questions); docs/retrieval.md has the figures behind each number.
   */
  public static RetrievalSettings defaults(int vectorDepth) {
    return new RetrievalSettings(
        vectorDepth,
        // Best mean of StackFAQ-A P@1, answers-only-A P@1 and SciFact-train nDCG@10 on a 0.05 grid.
        // BM25's own score adds nothing once coverage and both cosines are in: it only finds candidates.
        new Fusion.Linear(0.00, 0.20, 0.35, 0.45),
        new Calibration(-3.338, 5.676, 0, 0),
        new Calibration(-5.505, 2.138, 5.161, 3.565),
        new Calibration(-5.077, 2.458, 7.169, 1.124));
  }
}
