package org.briefbot.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogisticTest {
  @Test
  void recoversTheCoefficientsTheLabelsWereDrawnFrom() {
    double[] truth = {-1.5, 3.0, -2.0};
    Logistic model = new Logistic(truth);
    List<double[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    // Each point as a right and a wrong row weighing its probability and the rest: the maximum
    // likelihood is then the truth exactly.
    for (int i = 0; i <= 10; i++) {
      for (int j = 0; j <= 10; j++) {
        double[] x = {i / 10.0, j / 10.0};
        double p = model.probability(x);
        rows.add(x);
        labels.add(1.0);
        weights.add(p);
        rows.add(x);
        labels.add(0.0);
        weights.add(1 - p);
      }
    }

    Logistic fitted =
        Logistic.fit(
            rows.toArray(double[][]::new),
            labels.stream().mapToDouble(Double::doubleValue).toArray(),
            weights.stream().mapToDouble(Double::doubleValue).toArray());

    assertThat(fitted.coefficients()).containsExactly(truth, within(1e-4));
  }

  @Test
  void heavierRowsCountMore() {
    double[][] rows = {{0}, {0}};
    double[] labels = {1, 0};

    double even = Logistic.fit(rows, labels, new double[] {1, 1}).probability(0);
    double leaning = Logistic.fit(rows, labels, new double[] {3, 1}).probability(0);

    assertThat(even).isCloseTo(0.5, within(1e-6));
    assertThat(leaning).isCloseTo(0.75, within(1e-6));
  }

  @Test
  void readsWhatItWrote() throws IOException {
    Map<String, Logistic> models = new LinkedHashMap<>();
    models.put("bm25", new Logistic(new double[] {-5.1, 7.8, 0, 0}));
    models.put("semantic", new Logistic(new double[] {-7.3, 2.5, 6.1, 4.2}));

    Map<String, Logistic> read = Logistic.read(new ByteArrayInputStream(Logistic.write(models)));

    assertThat(read.keySet()).containsExactly("bm25", "semantic");
    assertThat(read.get("semantic").coefficients())
        .containsExactly(models.get("semantic").coefficients());
  }

  @Test
  void rejectsAFileThatIsNotArraysOfNumbers() {
    String json = "{\"bm25\": [1.0, \"two\"]}";

    assertThatThrownBy(
            () -> Logistic.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IOException.class)
        .hasMessage("bm25[1]: not a number");
  }

  @Test
  void rejectsRowsOfTheWrongLength() {
    assertThatThrownBy(() -> new Logistic(new double[] {0, 1}).probability(1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row has 2 values, the model 1");
  }
}
