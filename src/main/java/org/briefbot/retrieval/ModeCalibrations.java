package org.briefbot.retrieval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.briefbot.rank.Logistic;

/**
 * The BM25 and semantic modes' calibrations as {@code briefbot train} refits them (the hand-set
 * ones rescaled on the questions the learned answerability is fitted on), so that {@code
 * answer.threshold} means the same probability in every mode. A JSON object beside the learned
 * models: each mode's key to {@code [bias, coverage, cosine, sentence cosine]}.
 */
public final class ModeCalibrations {
  /** The file's name, beside ranker.json and answerable.json. */
  public static final String FILE = "calibration.json";

  private static final String RESOURCE = "/org/briefbot/rank/" + FILE;

  private ModeCalibrations() {}

  /** {@code settings}' calibration for {@code mode}. */
  public static Calibration of(RetrievalSettings settings, Mode mode) {
    return switch (mode) {
      case BM25 -> settings.bm25Calibration();
      case SEMANTIC -> settings.semanticCalibration();
      case HYBRID -> settings.hybridCalibration();
    };
  }

  /** {@code settings} with the committed calibrations, for the modes the file has. */
  static RetrievalSettings committed(RetrievalSettings settings) {
    try (InputStream in = ModeCalibrations.class.getResourceAsStream(RESOURCE)) {
      return in == null ? settings : with(settings, read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the committed calibrations " + RESOURCE, e);
    }
  }

  /** {@code settings} with {@code calibrations} in place of their modes' ones. */
  public static RetrievalSettings with(
      RetrievalSettings settings, Map<Mode, Calibration> calibrations) {
    return new RetrievalSettings(
        settings.vectorDepth(),
        settings.fusion(),
        calibrations.getOrDefault(Mode.BM25, settings.bm25Calibration()),
        calibrations.getOrDefault(Mode.SEMANTIC, settings.semanticCalibration()),
        calibrations.getOrDefault(Mode.HYBRID, settings.hybridCalibration()),
        settings.sectionPriors(),
        settings.answerCueWeight(),
        settings.learned());
  }

  /** The calibrations as the file holds them. */
  public static byte[] write(Map<Mode, Calibration> calibrations) {
    Map<String, Logistic> models = new LinkedHashMap<>();
    calibrations.forEach(
        (mode, c) ->
            models.put(
                mode.key(),
                new Logistic(new double[] {c.bias(), c.coverage(), c.similarity(), c.sentence()})));
    return Logistic.write(models);
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @throws IOException when the file is not such an object or names an unknown mode
   */
  public static Map<Mode, Calibration> read(InputStream in) throws IOException {
    Map<Mode, Calibration> calibrations = new EnumMap<>(Mode.class);
    for (var model : Logistic.read(in).entrySet()) {
      Mode mode;
      try {
        mode = Mode.of(model.getKey());
      } catch (IllegalArgumentException e) {
        throw new IOException(e.getMessage(), e);
      }
      double[] c = model.getValue().coefficients();
      if (c.length != 4) {
        throw new IOException(
            model.getKey()
                + ": needs bias, coverage, cosine and sentence cosine, not "
                + c.length
                + " numbers");
      }
      calibrations.put(mode, new Calibration(c[0], c[1], c[2], c[3]));
    }
    return calibrations;
  }
}
