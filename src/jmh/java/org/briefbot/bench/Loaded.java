package org.briefbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.index.TextAnalysis;
import org.briefbot.retrieval.Mode;
import org.briefbot.snapshot.Fingerprint;
import org.briefbot.snapshot.IndexCache;

/** One archive loaded the way the bot loads it, plus the floor over the same index files. */
final class Loaded implements AutoCloseable {
  final LoadedLibrary core;
  final Floor floor;
  final Floor textFloor;
  final List<String> questions;

  Loaded(String archive, String mode) {
    Path folder = Archives.folder(archive);
    BriefbotConfig config = config(mode);
    this.core = LoadedLibrary.load(config, folder, Optional.of(Archives.index(archive, mode)));
    Path entry =
        new IndexCache(Archives.index(archive, mode))
            .find(Fingerprint.of(folder, LoadedLibrary.indexFormat(config)))
            .orElseThrow();
    try {
      this.floor = new Floor(entry, new TextAnalysis(), false);
      this.textFloor = new Floor(entry, new TextAnalysis(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.questions = Archives.questions(archive);
  }

  /**
   * The product's defaults in {@code mode}: bm25 loads no model, hybrid does (and embeds the
   * archive once).
   */
  static BriefbotConfig config(String mode) {
    BriefbotConfig defaults = BriefbotConfig.defaults();
    return defaults.withRetrieval(defaults.retrieval().inMode(Mode.of(mode)));
  }

  @Override
  public void close() throws IOException {
    floor.close();
    textFloor.close();
    core.close();
  }
}
