package org.briefbot.app;

import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.ConfigException;

/** Applies a {@code --mode} option over the configured retrieval mode. */
final class Modes {
  private Modes() {}

  static BriefbotConfig apply(BriefbotConfig config, String mode) {
    if (mode == null) {
      return config;
    }
    if (!mode.equals("bm25")) {
      throw new ConfigException("--mode " + mode + " is not available yet: only bm25 is built");
    }
    BriefbotConfig.Retrieval r = config.retrieval();
    BriefbotConfig.Retrieval retrieval = new BriefbotConfig.Retrieval(mode, r.semantic(), r.k1(), r.b(), r.fuzzy(), r.candidates());
    return new BriefbotConfig(config.knowledge(), retrieval, config.answer(), config.telegram(), config.admins(), config.store());
  }
}
