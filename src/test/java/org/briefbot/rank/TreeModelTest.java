package org.briefbot.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-Java evaluator gives the scores XGBoost gives for the same model and rows, missing
 * values included, for both kinds of model the bot serves.
 */
class TreeModelTest {
  private static final int COLUMNS = 5;
  private static final int ROWS = 400;
  private static final Fitting.Params PARAMS = new Fitting.Params(40, 4, 0.3, 1);

  @Test
  void probabilitiesEqualXGBoostsOwn() throws Exception {
    Table table = table(new Random(7), false);
    TreeModel model = Fitting.probability(table, PARAMS);

    double[] ours = model.score(table.values());

    assertThat(Arrays.stream(ours).allMatch(p -> p >= 0 && p <= 1)).isTrue();
    assertThat(ours).containsExactly(xgboost(model, table.values()), within(1e-5));
  }

  @Test
  void rankingScoresEqualXGBoostsOwnWithMissingValues() throws Exception {
    Table table = table(new Random(11), true);
    TreeModel model = Fitting.ranking(table, PARAMS);

    assertThat(model.score(table.values()))
        .containsExactly(xgboost(model, table.values()), within(1e-5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ranker.json", "answerable.json", "key-sentence.json"})
  void theCommittedModelsScoreAsXGBoostDoes(String name) throws Exception {
    byte[] json;
    try (InputStream in = TreeModel.class.getResourceAsStream(name)) {
      json = in.readAllBytes();
    }
    TreeModel model = TreeModel.read(json); // as LearnedRanking reads them
    int columns = model.columns();
    assertThat(columns).isEqualTo(TreeModel.columnsOf(json));
    float[] rows = new float[200 * columns];
    Random random = new Random(5);
    for (int i = 0; i < rows.length; i++) {
      rows[i] = random.nextInt(10) == 0 ? Float.NaN : (float) (random.nextGaussian() * 3);
    }

    assertThat(model.score(rows)).containsExactly(xgboost(model, rows, columns), within(1e-5));
  }

  @Test
  void theCommittedFormScoresAsTheFittedModelAndLoadsInXGBoost() throws Exception {
    Table table = table(new Random(13), true);
    TreeModel fitted = Fitting.ranking(table, PARAMS);

    byte[] committable = fitted.committable();
    TreeModel committed = TreeModel.read(committable, COLUMNS);

    assertThat(committable.length).isLessThan(fitted.bytes().length);
    assertThat(committed.score(table.values())).containsExactly(fitted.score(table.values()));
    assertThat(committed.score(table.values()))
        .containsExactly(xgboost(committed, table.values()), within(1e-5));
  }

  @Test
  void aModelForOtherFeaturesIsRefused() {
    TreeModel model = Fitting.probability(table(new Random(3), false), PARAMS);

    assertThatThrownBy(() -> TreeModel.read(model.bytes(), COLUMNS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("model has 5 features, expected 6");
  }

  @Test
  void saysHowManyColumnsAModelWasFittedOn() {
    TreeModel model = Fitting.probability(table(new Random(3), false), PARAMS);

    assertThat(TreeModel.columnsOf(model.bytes())).isEqualTo(COLUMNS);
  }

  @Test
  void textThatIsNoModelIsRefused() {
    assertThatThrownBy(() -> TreeModel.read("{".getBytes(StandardCharsets.UTF_8), COLUMNS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an XGBoost JSON model");
  }

  private static double[] xgboost(TreeModel model, float[] rows) throws Exception {
    return xgboost(model, rows, COLUMNS);
  }

  private static double[] xgboost(TreeModel model, float[] rows, int columns) throws Exception {
    Booster booster = XGBoost.loadModel(model.bytes());
    try {
      float[][] predicted =
          booster.inplace_predict(rows, rows.length / columns, columns, Float.NaN);
      double[] scores = new double[predicted.length];
      for (int i = 0; i < scores.length; i++) {
        scores[i] = predicted[i][0];
      }
      return scores;
    } finally {
      booster.dispose();
    }
  }

  /** Rows in groups of 10 whose label depends on two features; some values missing. */
  private static Table table(Random random, boolean missing) {
    float[] values = new float[ROWS * COLUMNS];
    float[] labels = new float[ROWS];
    float[] weights = new float[ROWS];
    int[] groups = new int[ROWS / 10];
    Arrays.fill(groups, 10);
    Arrays.fill(weights, 1);
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < COLUMNS; c++) {
        values[r * COLUMNS + c] =
            missing && random.nextInt(8) == 0 ? Float.NaN : (float) random.nextGaussian();
      }
      float a = values[r * COLUMNS];
      float b = values[r * COLUMNS + 1];
      labels[r] = (Float.isNaN(a) ? 0 : a) + 0.5f * (Float.isNaN(b) ? 1 : b) > 0.3f ? 1 : 0;
    }
    return new Table(values, COLUMNS, labels, weights, groups);
  }
}
