package org.briefbot.desk;

import java.util.Optional;

/**
 * Sentence vectors of questions, for grouping them by meaning; empty when no model is loaded, and
 * the desk then groups by words alone.
 */
@FunctionalInterface
public interface Meanings {
  /** The unit vector of {@code text}, if a model is loaded. */
  Optional<float[]> vector(String text);

  /** Whether a model is behind this, so questions are grouped by meaning. */
  default boolean loaded() {
    return true;
  }

  /** No model: questions are grouped by their words. */
  static Meanings none() {
    return new Meanings() {
      @Override
      public Optional<float[]> vector(String text) {
        return Optional.empty();
      }

      @Override
      public boolean loaded() {
        return false;
      }
    };
  }
}
