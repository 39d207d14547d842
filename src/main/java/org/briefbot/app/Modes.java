package org.briefbot.app;

import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.ConfigException;
import org.briefbot.retrieval.Mode;

/**
 * Applies a {@code --mode} option over the configured retrieval mode. Semantic and hybrid load the
 * model whatever retrieval.semantic says; bm25 never does.
 */
final class Modes {
  private Modes() {}

  static BriefbotConfig apply(BriefbotConfig config, String mode) {
    if (mode == null) {
      return config;
    }
    try {
      return config.withRetrieval(config.retrieval().inMode(Mode.of(mode)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--mode must be bm25, semantic or hybrid: " + mode);
    }
  }
}
