package org.briefbot.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A weighted logistic regression over a few columns, fitted by Newton's method in plain Java: the
 * per-mode calibrations, where a tree model would be too much for one to three signals. A tiny
 * ridge keeps the fit finite when the data separate. Deterministic.
 *
 * @param coefficients the intercept, then one weight per column
 */
public record Logistic(double[] coefficients) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ITERATIONS = 50;
  private static final double RIDGE = 1e-6;

  public Logistic {
    coefficients = coefficients.clone();
    if (coefficients.length < 1) {
      throw new IllegalArgumentException("a logistic model needs an intercept");
    }
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  /** The probability for one row of {@code coefficients().length - 1} values. */
  public double probability(double... row) {
    if (row.length != coefficients.length - 1) {
      throw new IllegalArgumentException(
          "row has " + row.length + " values, the model " + (coefficients.length - 1));
    }
    double z = coefficients[0];
    for (int j = 0; j < row.length; j++) {
      z += coefficients[j + 1] * row[j];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Fits {@code labels} (0 or 1) on {@code rows}, each row weighing {@code weights[i]}.
   *
   * @throws IllegalArgumentException when the arrays disagree in length or there are no rows
   */
  public static Logistic fit(double[][] rows, double[] labels, double[] weights) {
    if (rows.length == 0 || rows.length != labels.length || rows.length != weights.length) {
      throw new IllegalArgumentException(
          "rows, labels and weights: "
              + rows.length
              + ", "
              + labels.length
              + ", "
              + weights.length);
    }
    int k = rows[0].length + 1;
    double[] beta = new double[k];
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      double[] gradient = new double[k];
      double[][] hessian = new double[k][k];
      for (int i = 0; i < rows.length; i++) {
        double[] x = withIntercept(rows[i], k);
        double p = new Logistic(beta).probability(rows[i]);
        double w = weights[i];
        for (int a = 0; a < k; a++) {
          gradient[a] += w * (labels[i] - p) * x[a];
          for (int b = 0; b < k; b++) {
            hessian[a][b] += w * p * (1 - p) * x[a] * x[b];
          }
        }
      }
      for (int a = 0; a < k; a++) {
        gradient[a] -= RIDGE * beta[a];
        hessian[a][a] += RIDGE;
      }
      double[] step = solve(hessian, gradient);
      double largest = 0;
      for (int a = 0; a < k; a++) {
        beta[a] += step[a];
        largest = Math.max(largest, Math.abs(step[a]));
      }
      if (largest < 1e-9) {
        break;
      }
    }
    return new Logistic(beta);
  }

  private static double[] withIntercept(double[] row, int k) {
    if (row.length != k - 1) {
      throw new IllegalArgumentException("rows differ in length: " + row.length + ", " + (k - 1));
    }
    double[] x = new double[k];
    x[0] = 1;
    System.arraycopy(row, 0, x, 1, row.length);
    return x;
  }

  /** Gaussian elimination with partial pivoting; the matrix is small and positive definite. */
  private static double[] solve(double[][] matrix, double[] vector) {
    int n = vector.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = Arrays.copyOf(matrix[i], n + 1);
      a[i][n] = vector[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        pivot = Math.abs(a[r][col]) > Math.abs(a[pivot][col]) ? r : pivot;
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = col + 1; r < n; r++) {
        double f = a[r][col] / a[col][col];
        for (int c = col; c <= n; c++) {
          a[r][c] -= f * a[col][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sum = a[r][n];
      for (int c = r + 1; c < n; c++) {
        sum -= a[r][c] * x[c];
      }
      x[r] = sum / a[r][r];
    }
    return x;
  }

  /** Named models as one JSON object of coefficient arrays. */
  public static byte[] write(Map<String, Logistic> models) {
    ObjectNode root = JSON.createObjectNode();
    models.forEach(
        (name, model) -> {
          var array = root.putArray(name);
          for (double c : model.coefficients) {
            array.add(c);
          }
        });
    try {
      // Ends with a line break, as the committed file does, so a refit of the same data leaves it
      // byte for byte as it was.
      return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write logistic models", e);
    }
  }

  /** Reads what {@link #write} wrote. */
  public static Map<String, Logistic> read(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    JsonNode root = JSON.readTree(in);
    if (root == null || !root.isObject()) {
      throw new IOException("logistic models must be a JSON object of number arrays");
    }
    Map<String, Logistic> models = new LinkedHashMap<>();
    for (var field : root.properties()) {
      JsonNode array = field.getValue();
      if (!array.isArray() || array.isEmpty()) {
        throw new IOException(field.getKey() + ": must be a non-empty array of numbers");
      }
      double[] c = new double[array.size()];
      for (int i = 0; i < c.length; i++) {
        if (!array.get(i).isNumber()) {
          throw new IOException(field.getKey() + "[" + i + "]: not a number");
        }
        c[i] = array.get(i).asDouble();
      }
      models.put(field.getKey(), new Logistic(c));
    }
    return models;
  }
}
