package org.briefbot.rank;

/**
 * Whether XGBoost is on the class path: it is for {@code mvn exec:java} and the tests, not in the
 * jar, which serves models without it. Kept apart from {@link Fitting}, whose own loading would
 * fail without XGBoost before it could answer.
 */
public final class Xgboost {
  private Xgboost() {}

  public static boolean onClassPath() {
    try {
      Class.forName("ml.dmlc.xgboost4j.java.XGBoost", false, Xgboost.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
