package org.briefbot.rank;

import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fits the two models: LambdaMART for the order of candidates, a logistic one for the probability
 * that a candidate answers. Deterministic: a fixed seed, exact row order, no subsampling.
 */
public final class Fitting {
  private Fitting() {}

  /**
   * Hyper-parameters; chosen once by the fold harness's figures on tuning data, not searched per
   * run.
   *
   * @param rounds boosting rounds
   * @param depth maximum tree depth
   * @param eta learning rate
   * @param minChildWeight the least total weight a leaf must hold
   */
  public record Params(int rounds, int depth, double eta, double minChildWeight) {
    public Params {
      if (rounds < 1) {
        throw new IllegalArgumentException("rounds < 1: " + rounds);
      }
      if (depth < 1) {
        throw new IllegalArgumentException("depth < 1: " + depth);
      }
    }
  }

  /** LambdaMART (XGBoost's {@code rank:ndcg}), groups are questions. */
  public static TreeModel ranking(Table table, Params params) {
    Map<String, Object> p = common(params);
    p.put("objective", "rank:ndcg");
    p.put("eval_metric", "ndcg@1");
    // Judge the first place above all: the bot shows one answer.
    p.put("lambdarank_num_pair_per_sample", 8);
    p.put("lambdarank_pair_method", "topk");
    return fit(table, p, params, true);
  }

  /** Logistic regression trees: scores are probabilities in [0,1]. */
  public static TreeModel probability(Table table, Params params) {
    Map<String, Object> p = common(params);
    p.put("objective", "binary:logistic");
    p.put("eval_metric", "logloss");
    return fit(table, p, params, false);
  }

  private static float[] groupWeights(Table table) {
    float[] weights = new float[table.groups().length];
    int row = 0;
    for (int g = 0; g < weights.length; g++) {
      weights[g] = table.weights()[row];
      row += table.groups()[g];
    }
    return weights;
  }

  private static Map<String, Object> common(Params params) {
    Map<String, Object> p = new HashMap<>();
    p.put("tree_method", "hist");
    p.put("max_depth", params.depth());
    p.put("eta", params.eta());
    p.put("min_child_weight", params.minChildWeight());
    p.put("seed", 0);
    // One thread: on two shared cores OpenMP's threads wait on each other more than they work.
    p.put("nthread", 1);
    p.put("verbosity", 0);
    return p;
  }

  private static TreeModel fit(Table table, Map<String, Object> p, Params params, boolean grouped) {
    DMatrix matrix = null;
    try {
      matrix = new DMatrix(table.values(), table.rows(), table.columns(), Float.NaN);
      matrix.setLabel(table.labels());
      if (grouped) {
        matrix.setGroup(table.groups());
        // XGBoost weighs ranking groups, not rows: a group weighs what its first row does.
        matrix.setWeight(groupWeights(table));
      } else {
        matrix.setWeight(table.weights());
      }
      Booster booster = XGBoost.train(matrix, p, params.rounds(), new HashMap<>(), null, null);
      try {
        return TreeModel.read(booster.toByteArray("json"), table.columns());
      } finally {
        booster.dispose();
      }
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
    }
  }
}
