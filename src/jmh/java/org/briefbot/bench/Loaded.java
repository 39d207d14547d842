package org.briefbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.app.Core;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.index.TextAnalysis;
import org.briefbot.snapshot.Fingerprint;
import org.briefbot.snapshot.IndexCache;

/** One archive loaded the way the bot loads it, plus the floor over the same index files. */
final class Loaded implements AutoCloseable {
  final Core core;
  final Floor floor;
  final Floor textFloor;
  final List<String> questions;

  Loaded(String archive, String mode) {
    Path folder = Archives.folder(archive);
    BriefbotConfig config = withMode(BriefbotConfig.defaults(), mode);
    this.core = Core.load(config, folder, Optional.of(Archives.index(archive)));
    Path entry = new IndexCache(Archives.index(archive)).find(Fingerprint.of(folder, Core.INDEX_FORMAT)).orElseThrow();
    try {
      this.floor = new Floor(entry, new TextAnalysis(), false);
      this.textFloor = new Floor(entry, new TextAnalysis(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.questions = Archives.questions(archive);
  }

  /** Only bm25 exists today; a hybrid mode becomes one more value of the benchmarks' mode parameter. */
  private static BriefbotConfig withMode(BriefbotConfig config, String mode) {
    BriefbotConfig.Retrieval r = config.retrieval();
    return new BriefbotConfig(config.knowledge(),
        new BriefbotConfig.Retrieval(mode, r.semantic(), r.k1(), r.b(), r.fuzzy(), r.candidates()),
        config.answer(), config.telegram(), config.admins());
  }

  @Override
  public void close() throws IOException {
    floor.close();
    textFloor.close();
    core.close();
  }
}
