package org.briefbot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.app.LiveLibrary;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.KnowledgeConfig;
import org.briefbot.config.BriefbotConfig.RetrievalConfig;
import org.briefbot.config.BriefbotConfig.StoreConfig;
import org.briefbot.retrieval.Embeddings;

/**
 * The configuration tests run with: the defaults, except that the index, the embedding cache and
 * the store live in one temporary folder per test JVM ({@link #DATA}), never under {@code data/} in
 * the working tree, so every run starts from the same empty caches. The embedding model is loaded
 * once per JVM, on first use, and shared by every library tests load through here; the libraries do
 * not close it, the JVM's exit does, and then deletes the folder.
 */
public final class TestConfig {
  /** This JVM's folder for the index, the embedding cache and the store. */
  public static final Path DATA = createDataFolder();

  /** Loaded on first use only: tests that never ask for the model never pay for it. */
  private static Embeddings sharedModel; // guarded by TestConfig.class

  private TestConfig() {}

  /** The defaults (hybrid retrieval, the model on) with every file they write in {@link #DATA}. */
  public static BriefbotConfig defaults() {
    BriefbotConfig d = BriefbotConfig.defaults();
    RetrievalConfig r = d.retrieval();
    return new BriefbotConfig(
        new KnowledgeConfig(d.knowledge().path(), DATA.resolve("index").toString()),
        new RetrievalConfig(
            r.mode(),
            r.semantic(),
            r.k1(),
            r.b(),
            r.fuzzy(),
            r.candidates(),
            r.vectorCandidates(),
            DATA.resolve("embeddings").toString(),
            r.judge()),
        d.answer(),
        d.telegram(),
        d.admins(),
        new StoreConfig("jdbc:sqlite:" + DATA.resolve("briefbot.db"), d.store().lowConfidence()),
        d.web());
  }

  /** The shared model when {@code config} wants one; nobody but the JVM's exit closes it. */
  public static Optional<Embeddings> model(BriefbotConfig config) {
    return config.retrieval().semantic() ? Optional.of(sharedModel()) : Optional.empty();
  }

  private static synchronized Embeddings sharedModel() {
    if (sharedModel == null) {
      sharedModel = LoadedLibrary.openModel(defaults()).orElseThrow();
    }
    return sharedModel;
  }

  /** {@code knowledge} loaded with {@code config}, through its index folder, sharing the model. */
  public static LoadedLibrary load(BriefbotConfig config, Path knowledge) {
    String index = config.knowledge().index();
    return LoadedLibrary.load(
        config,
        knowledge,
        index.isBlank() ? Optional.empty() : Optional.of(Path.of(index)),
        model(config));
  }

  /**
   * The live library over {@code knowledge} with {@code config}, sharing the model; not watching.
   */
  public static LiveLibrary live(BriefbotConfig config, Path knowledge) {
    return live(config, knowledge, LiveLibrary.GRACE);
  }

  /** As {@link #live(BriefbotConfig, Path)}, closing replaced cores {@code grace} after a swap. */
  public static LiveLibrary live(BriefbotConfig config, Path knowledge, Duration grace) {
    LiveLibrary live = LiveLibrary.load(config, knowledge, grace, model(config));
    // Tests answer in the configured mode from the first question, as the bot did before it
    // learned to answer with BM25 while the model embeds (BackgroundServingIT tests that).
    if (!live.awaitEmbedded(Duration.ofMinutes(10))) {
      live.close();
      throw new IllegalStateException("the model did not embed " + knowledge + " in 10 minutes");
    }
    return live;
  }

  /**
   * A config file with {@link #defaults()}'s folders, for a command line's {@code --config}: the
   * commands then keep their index, embeddings and store in {@link #DATA} too.
   */
  public static Path file() {
    return ConfigFile.PATH;
  }

  private static final class ConfigFile {
    static final Path PATH = write(DATA.resolve("briefbot.yaml"));

    private static Path write(Path file) {
      BriefbotConfig config = defaults();
      String yaml =
          String.join(
              "\n",
              "knowledge:",
              "  index: " + config.knowledge().index(),
              "retrieval:",
              "  embeddingCache: " + config.retrieval().embeddingCache(),
              "store:",
              "  url: " + config.store().url(),
              "");
      try {
        return Files.writeString(file, yaml, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the test config " + file, e);
      }
    }
  }

  private static Path createDataFolder() {
    try {
      Path folder = Files.createTempDirectory("briefbot-test-");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeAndDelete(folder), "briefbot-test-cleanup"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the tests' data folder", e);
    }
  }

  private static void closeAndDelete(Path folder) {
    synchronized (TestConfig.class) { // the model holds the embedding cache open
      if (sharedModel != null) {
        sharedModel.close();
      }
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      System.err.println("cannot delete the tests' data folder " + folder + ": " + e);
    }
  }
}
