package org.briefbot.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fitted tree ensemble, read from XGBoost's JSON model and evaluated in plain Java: a row of
 * features in, a score out. XGBoost itself is needed to fit a model, not to serve one: its native
 * library would add 8-17 MB per platform to the jar for what is a walk down a few hundred small
 * trees. {@code TreeModelTest} checks that the scores equal XGBoost's own predictions. Immutable
 * and safe for concurrent use.
 */
public final class TreeModel {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Per-node figures of how a tree was grown, which no prediction reads. */
  private static final Pattern TRAINING_STATISTICS =
      Pattern.compile("\"(loss_changes|sum_hessian)\":\\[([^\\]]*)\\]");

  private final byte[] json;
  private final int columns;
  private final double baseMargin;
  private final boolean logistic;
  private final List<Tree> trees;

  private TreeModel(
      byte[] json, int columns, double baseMargin, boolean logistic, List<Tree> trees) {
    this.json = json;
    this.columns = columns;
    this.baseMargin = baseMargin;
    this.logistic = logistic;
    this.trees = trees;
  }

  /** Reads a model in XGBoost's JSON form; {@code columns} is the feature count it expects. */
  public static TreeModel read(byte[] json, int columns) {
    return read(json, learner(json), columns);
  }

  /**
   * Reads a model in XGBoost's JSON form with the feature count it states ({@link #columnsOf}),
   * parsing the JSON once: the committed ranker is 1.9 MB.
   */
  public static TreeModel read(byte[] json) {
    JsonNode learner = learner(json);
    return read(json, learner, learner.path("learner_model_param").path("num_feature").asInt(-1));
  }

  private static JsonNode learner(byte[] json) {
    Objects.requireNonNull(json, "json");
    try {
      return JSON.readTree(json).path("learner");
    } catch (IOException e) {
      throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
    }
  }

  private static TreeModel read(byte[] json, JsonNode learner, int columns) {
    String objective = learner.path("objective").path("name").asText();
    boolean logistic = objective.equals("binary:logistic");
    if (!logistic && !objective.startsWith("rank:") && !objective.startsWith("reg:squarederror")) {
      throw new IllegalArgumentException("unsupported XGBoost objective: " + objective);
    }
    int features = learner.path("learner_model_param").path("num_feature").asInt(-1);
    if (features != columns) {
      throw new IllegalArgumentException(
          "model has " + features + " features, expected " + columns);
    }
    double base = baseScore(learner.path("learner_model_param").path("base_score").asText());
    // A logistic model stores its base score as a probability; trees add to the margin.
    double baseMargin = logistic ? Math.log(base / (1 - base)) : base;
    List<Tree> trees = new ArrayList<>();
    for (JsonNode tree : learner.path("gradient_booster").path("model").path("trees")) {
      trees.add(Tree.of(tree));
    }
    if (trees.isEmpty()) {
      throw new IllegalArgumentException(
          "XGBoost model has no trees (objective " + objective + ")");
    }
    return new TreeModel(json.clone(), columns, baseMargin, logistic, List.copyOf(trees));
  }

  /**
   * How many feature columns a model in XGBoost's JSON form was fitted on; -1 when it says none.
   */
  public static int columnsOf(byte[] json) {
    try {
      return JSON.readTree(json)
          .path("learner")
          .path("learner_model_param")
          .path("num_feature")
          .asInt(-1);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an XGBoost JSON model: " + e.getMessage(), e);
    }
  }

  /**
   * The JSON of a model committed on the class path at {@code path} (absolute, "/org/..."), or
   * empty when the build has none there.
   */
  public static Optional<byte[]> committedJson(String path) {
    try (InputStream in = TreeModel.class.getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the committed model " + path, e);
    }
  }

  /** XGBoost 3 writes the base score as a one-element vector, "[1.2E-1]"; older ones as "0.5". */
  private static double baseScore(String text) {
    String number = text.strip();
    if (number.startsWith("[") && number.endsWith("]")) {
      number = number.substring(1, number.length() - 1);
    }
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unreadable base_score: " + text, e);
    }
  }

  public int columns() {
    return columns;
  }

  /**
   * One score per row; {@code rows} holds {@code rows.length / columns} rows one after another, NaN
   * for a missing value. Ranking models give scores comparable within one call; probability models
   * give values in [0,1].
   */
  public double[] score(float[] rows) {
    if (rows.length % columns != 0) {
      throw new IllegalArgumentException(
          "rows.length " + rows.length + " is not a multiple of columns " + columns);
    }
    float[] margins = margins(rows);
    double[] scores = new double[margins.length];
    for (int i = 0; i < scores.length; i++) {
      double total = baseMargin + margins[i];
      scores[i] = logistic ? 1 / (1 + Math.exp(-total)) : total;
    }
    return scores;
  }

  /**
   * Each row's sum of its leaves, tree by tree over all rows, so that a tree's nodes are read from
   * memory once per call rather than once per row. Each row still adds the trees in order, in
   * float, as XGBoost does, so that scores match its own to the last bits.
   */
  private float[] margins(float[] rows) {
    float[] margins = new float[rows.length / columns];
    for (Tree tree : trees) {
      for (int i = 0; i < margins.length; i++) {
        margins[i] += tree.leaf(rows, i * columns);
      }
    }
    return margins;
  }

  /** The model as XGBoost's JSON. */
  public byte[] bytes() {
    return json.clone();
  }

  /**
   * The model as XGBoost's JSON with each node's training statistics (its loss change and hessian
   * sum) set to 0, the form committed under src/main/resources: neither XGBoost's predictions nor
   * this evaluator read them, and they were nearly half of the models' share of the jar, which
   * issue 11 caps. Every other character is XGBoost's own.
   */
  public byte[] committable() {
    String text = new String(json, StandardCharsets.UTF_8);
    Matcher m = TRAINING_STATISTICS.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String zeros = m.group(2).isEmpty() ? "" : m.group(2).replaceAll("[^,]+", "0E0");
      m.appendReplacement(out, Matcher.quoteReplacement("\"" + m.group(1) + "\":[" + zeros + "]"));
    }
    m.appendTail(out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One regression tree in XGBoost's array layout: node {@code n} splits on feature {@code
   * feature[n]}, going left when the value is below {@code threshold[n]} (or missing and {@code
   * missingLeft[n]}); a leaf ({@code left[n] == -1}) holds its value in {@code threshold[n]}.
   */
  private record Tree(
      int[] left, int[] right, int[] feature, float[] threshold, boolean[] missingLeft) {
    static Tree of(JsonNode node) {
      for (JsonNode type : node.path("split_type")) {
        if (type.asInt() != 0) {
          throw new IllegalArgumentException("categorical splits are not supported");
        }
      }
      return new Tree(
          ints(node.path("left_children")),
          ints(node.path("right_children")),
          ints(node.path("split_indices")),
          floats(node.path("split_conditions")),
          booleans(node.path("default_left")));
    }

    float leaf(float[] rows, int offset) {
      int n = 0;
      while (left[n] != -1) {
        float value = rows[offset + feature[n]];
        boolean goLeft = Float.isNaN(value) ? missingLeft[n] : value < threshold[n];
        n = goLeft ? left[n] : right[n];
      }
      return threshold[n];
    }

    private static int[] ints(JsonNode array) {
      int[] values = new int[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).asInt();
      }
      return values;
    }

    private static float[] floats(JsonNode array) {
      float[] values = new float[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) array.get(i).asDouble();
      }
      return values;
    }

    private static boolean[] booleans(JsonNode array) {
      boolean[] values = new boolean[array.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = array.get(i).asInt() != 0;
      }
      return values;
    }
  }
}
