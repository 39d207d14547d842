package org.briefbot.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeCalibrationsTest {
  @Test
  void theDefaultsServeTheCommittedBm25AndSemanticCalibrations() throws IOException {
    Map<Mode, Calibration> committed;
    try (InputStream in =
        ModeCalibrations.class.getResourceAsStream("/org/briefbot/rank/" + ModeCalibrations.FILE)) {
      committed = ModeCalibrations.read(in);
    }
    RetrievalSettings defaults = RetrievalSettings.defaults(100);

    assertThat(committed.keySet()).containsExactly(Mode.BM25, Mode.SEMANTIC);
    assertThat(defaults.bm25Calibration()).isEqualTo(committed.get(Mode.BM25));
    assertThat(defaults.semanticCalibration()).isEqualTo(committed.get(Mode.SEMANTIC));
    // Hybrid's confidence is the learned answerability; its hand-set calibration stays.
    assertThat(defaults.hybridCalibration())
        .isEqualTo(RetrievalSettings.handSet(100).hybridCalibration());
  }

  @Test
  void readsWhatItWrote() throws IOException {
    Map<Mode, Calibration> calibrations = Map.of(Mode.BM25, new Calibration(-5, 7.5, 0, 0));

    Map<Mode, Calibration> read =
        ModeCalibrations.read(new ByteArrayInputStream(ModeCalibrations.write(calibrations)));

    assertThat(read).isEqualTo(calibrations);
  }

  @Test
  void rejectsAnUnknownModeAndAShortCalibration() {
    assertThatThrownBy(() -> read("{\"fuzzy\": [1, 2, 3, 4]}"))
        .isInstanceOf(IOException.class)
        .hasMessage("retrieval mode must be bm25, semantic or hybrid: fuzzy");
    assertThatThrownBy(() -> read("{\"bm25\": [1, 2, 3]}"))
        .isInstanceOf(IOException.class)
        .hasMessage("bm25: needs bias, coverage, cosine and sentence cosine, not 3 numbers");
  }

  private static Map<Mode, Calibration> read(String json) throws IOException {
    return ModeCalibrations.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
