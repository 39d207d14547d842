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
        new Fusion.Linear(0.10, 0.15, 0.75),
        new Calibration(-3.295, 5.629, 0),
        new Calibration(-5.463, 3.129, 8.321),
        new Calibration(-5.256, 2.108, 9.054));
  }
}
