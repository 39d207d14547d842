package org.briefbot.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Library;
import org.briefbot.desk.Desk;
import org.briefbot.desk.DeskSettings;
import org.briefbot.desk.Meanings;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.store.ResilientStore;

/** Builds the editors' desk for a server to mount at {@link Desk#PREFIX}. */
final class DeskMount {
  private DeskMount() {}

  /**
   * The desk over {@code library} and {@code store}, its secret read from {@code env}, grouping
   * questions with {@code model} when one is loaded.
   */
  static Desk desk(
      BriefbotConfig config,
      Library library,
      Optional<Embeddings> model,
      ResilientStore store,
      Path knowledgeDir,
      Map<String, String> env) {
    Meanings meanings =
        model.isPresent() ? text -> Optional.of(model.get().question(text)) : Meanings.none();
    return new Desk(
        library, store, DeskSettings.from(config, env, knowledgeDir), meanings, Clock.systemUTC());
  }
}
