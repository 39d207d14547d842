package org.briefbot.rank;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A fitted XGBoost model: a row of features in, a score out. Safe for concurrent use (XGBoost's
 * in-place prediction is thread-safe); prediction runs on the caller's thread only, so the model
 * starts no threads of its own while serving.
 */
public final class TreeModel {
  private final Booster booster;
  private final int columns;

  private TreeModel(Booster booster, int columns) {
    this.booster = booster;
    this.columns = columns;
  }

  static TreeModel of(Booster booster, int columns) {
    try {
      // One thread: a question scores a few dozen rows, where a pool costs more than it saves.
      booster.setParam("nthread", 1);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost refused nthread=1: " + e.getMessage(), e);
    }
    return new TreeModel(booster, columns);
  }

  /** Reads a model written by {@link #bytes()}; {@code columns} is the feature count it expects. */
  public static TreeModel read(byte[] json, int columns) {
    Objects.requireNonNull(json, "json");
    try {
      return of(XGBoost.loadModel(json), columns);
    } catch (XGBoostError e) {
      throw new IllegalArgumentException("not an XGBoost model: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a model from a stream, e.g. a class-path resource. */
  public static TreeModel read(InputStream in, int columns) {
    try {
      return read(in.readAllBytes(), columns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model: " + e.getMessage(), e);
    }
  }

  public int columns() {
    return columns;
  }

  /**
   * One score per row; {@code rows} holds {@code rows.length / columns} rows one after another.
   * Ranking models give scores comparable within one call; probability models give values in [0,1].
   */
  public double[] score(float[] rows) {
    if (rows.length % columns != 0) {
      throw new IllegalArgumentException(
          "rows.length " + rows.length + " is not a multiple of columns " + columns);
    }
    int n = rows.length / columns;
    double[] scores = new double[n];
    if (n == 0) {
      return scores;
    }
    try {
      float[][] predicted = booster.inplace_predict(rows, n, columns, Float.NaN);
      for (int i = 0; i < n; i++) {
        scores[i] = predicted[i][0];
      }
      return scores;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** The model as XGBoost's JSON, the form committed under src/main/resources. */
  public byte[] bytes() {
    try {
      return booster.toByteArray("json");
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost cannot write its model: " + e.getMessage(), e);
    }
  }
}
