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

  /** The fitted fusion and calibrations, with {@code vectorDepth} nearest vectors. */
  public static RetrievalSettings defaults(int vectorDepth) {
    return new RetrievalSettings(
        vectorDepth,
        new Fusion.Linear(0.3, 0.3, 0.4),
        new Calibration(-3, 10, 0),
        new Calibration(-5, 0, 10),
        new Calibration(-5, 5, 5));
  }
}
