package org.briefbot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.briefbot.app.LiveLibrary;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.index.TextAnalysis;
import org.briefbot.retrieval.Mode;

/** One archive loaded the way the bot loads it, plus the floor over the same index files. */
final class Loaded implements AutoCloseable {
  final LiveLibrary live;
  final LoadedLibrary core;
  final Floor floor;
  final Floor textFloor;
  final List<String> questions;

  /** Where a mode ends with this, the answer judge is left out: the same bot as before it. */
  static final String WITHOUT_JUDGE = "-nojudge";

  Loaded(String archive, String modeParam) {
    boolean judged = !modeParam.endsWith(WITHOUT_JUDGE);
    String mode =
        judged ? modeParam : modeParam.substring(0, modeParam.length() - WITHOUT_JUDGE.length());
    Path folder = Archives.folder(archive);
    Path index = Archives.index(archive, mode);
    BriefbotConfig config = config(mode, index);
    this.live =
        load(judged ? config : config.withRetrieval(config.retrieval().withoutJudge()), folder);
    this.core = live.serving();
    Path dir = LiveLibrary.indexDir(index, folder);
    try {
      this.floor = new Floor(dir, new TextAnalysis(), false);
      this.textFloor = new Floor(dir, new TextAnalysis(), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.questions = Archives.questions(archive);
  }

  /**
   * The bot's library over {@code folder}, serving in the configured mode: with the model, once the
   * background embedder has given every passage its vectors (at once when the index has them).
   */
  static LiveLibrary load(BriefbotConfig config, Path folder) {
    LiveLibrary live = LiveLibrary.load(config, folder);
    if (!live.awaitEmbedded(Duration.ofHours(2))) {
      live.close();
      throw new IllegalStateException("the model did not embed " + folder + " in two hours");
    }
    return live;
  }

  /**
   * The product's defaults in {@code mode}, with the index kept under {@code index}: bm25 loads no
   * model, hybrid does (and embeds the archive once).
   */
  static BriefbotConfig config(String mode, Path index) {
    BriefbotConfig d = BriefbotConfig.defaults();
    return new BriefbotConfig(
        new BriefbotConfig.KnowledgeConfig(d.knowledge().path(), index.toString()),
        d.retrieval().inMode(Mode.of(mode)),
        d.answer(),
        d.telegram(),
        d.admins(),
        d.store(),
        d.web());
  }

  @Override
  public void close() throws IOException {
    floor.close();
    textFloor.close();
    live.close();
  }
}
