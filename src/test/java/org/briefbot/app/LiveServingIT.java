package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.BriefbotConfig.KnowledgeConfig;
import org.briefbot.conversation.Library.Reloaded;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.snapshot.Fingerprint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live library serves from its index on disk: a restart over an unchanged folder reopens the
 * index the last start or reload committed instead of parsing the files. Each test proves it the
 * same way: it overwrites a file with bytes of the same size and keeps its modification time, which
 * only a library that did not parse the file still serves.
 */
class LiveServingIT {
  private static final Path SEED = Path.of("knowledge");
  private static final String ARTICLE = "articles/aws-openai-trainium.txt";
  private static final String DEAL = "How much is the AWS deal worth?";
  private static final BriefbotConfig CONFIG = TestConfig.defaults();
  private static final Duration PATIENCE = Duration.ofMinutes(3);

  @TempDir Path knowledge;

  @BeforeEach
  void copySeedKnowledge() throws IOException {
    for (String file : List.of(ARTICLE, "faq/aws-openai-trainium.yaml", "entities/entities.yaml")) {
      Files.createDirectories(knowledge.resolve(file).getParent());
      Files.copy(SEED.resolve(file), knowledge.resolve(file));
    }
  }

  @Test
  void restartsOverAnUnchangedFolderWithoutParsingIt() throws IOException {
    TestConfig.live(CONFIG, knowledge).close();
    blankKeepingSizeAndTime(knowledge.resolve(ARTICLE));

    try (LiveLibrary restarted = TestConfig.live(CONFIG, knowledge)) {
      assertThat(restarted.serving().answerer().answer(DEAL).best())
          .hasValueSatisfying(best -> assertThat(best.text()).contains("$138 billion"));
      assertThat(restarted.loaded().articles()).isEqualTo(1);
    }
  }

  @Test
  void restartsFromTheEntryTheLastReloadWrote() throws IOException {
    Path nvidia = knowledge.resolve("articles/nvidia-blackwell.txt");
    try (LiveLibrary live = TestConfig.live(CONFIG, knowledge)) {
      Files.writeString(nvidia, nvidiaArticle(), StandardCharsets.UTF_8);
      Reloaded reloaded = live.reloadNow();
      assertThat(reloaded.clean()).isTrue();
      assertThat(reloaded.articles()).isEqualTo(2);
    }
    blankKeepingSizeAndTime(nvidia);

    try (LiveLibrary restarted = TestConfig.live(CONFIG, knowledge)) {
      assertThat(articleIds(restarted)).containsExactly("aws-openai-trainium", "nvidia-blackwell");
      assertThat(restarted.serving().answerer().passagesOf("nvidia-blackwell"))
          .anySatisfy(p -> assertThat(p.text()).contains("$138 billion"));
    }
  }

  @Test
  void keepsServingTheLastGoodVersionOfAFileBrokenAfterARestartFromTheCache() throws IOException {
    TestConfig.live(CONFIG, knowledge).close();
    try (LiveLibrary restarted = TestConfig.live(CONFIG, knowledge)) {
      Path article = knowledge.resolve(ARTICLE);
      Files.writeString(article, "#only #hashtags, no title line\n", StandardCharsets.UTF_8);

      Reloaded broken = restarted.reloadNow();

      assertThat(broken.swapped()).isTrue();
      assertThat(broken.errors()).extracting(IngestProblem::path).containsExactly(article);
      assertThat(articleIds(restarted)).containsExactly("aws-openai-trainium");
      assertThat(restarted.serving().answerer().answer(DEAL).best())
          .hasValueSatisfying(best -> assertThat(best.text()).contains("$138 billion"));
    }
  }

  @Test
  void rebuildsAnIndexEntryThatCannotBeReadInsteadOfFailingToStart() throws IOException {
    TestConfig.live(CONFIG, knowledge).close();
    Path snapshot = snapshotOf(knowledge);
    Files.write(snapshot, Arrays.copyOf(Files.readAllBytes(snapshot), 40));

    try (LiveLibrary restarted = TestConfig.live(CONFIG, knowledge)) {
      assertThat(restarted.serving().answerer().answer(DEAL).best())
          .hasValueSatisfying(best -> assertThat(best.text()).contains("$138 billion"));
    }
    try (LiveLibrary again = TestConfig.live(CONFIG, knowledge)) {
      assertThat(Files.size(snapshotOf(knowledge)))
          .as("the entry was written again, whole")
          .isGreaterThan(40);
      assertThat(again.loaded().articles()).isEqualTo(1);
    }
  }

  @Test
  void parsesTheFolderAtEveryStartWithoutAnIndexFolder() throws IOException {
    BriefbotConfig inMemory =
        new BriefbotConfig(
            new KnowledgeConfig(CONFIG.knowledge().path(), ""),
            CONFIG.retrieval(),
            CONFIG.answer(),
            CONFIG.telegram(),
            CONFIG.admins(),
            CONFIG.store(),
            CONFIG.web());
    TestConfig.live(inMemory, knowledge).close();
    blankKeepingSizeAndTime(knowledge.resolve(ARTICLE));

    try (LiveLibrary restarted = TestConfig.live(inMemory, knowledge)) {
      assertThat(articleIds(restarted)).isEmpty();
      assertThat(restarted.loaded().filesWithErrors()).isEqualTo(1);
    }
  }

  @Test
  void aReloadThatFailsInsideTheWriterKeepsServingAndCatchesUpOnTheNextChange() throws IOException {
    FailingModel model = new FailingModel(TestConfig.model(CONFIG).orElseThrow());
    Path nvidia = knowledge.resolve("articles/nvidia-blackwell.txt");
    try (LiveLibrary live =
        LiveLibrary.load(CONFIG, knowledge, LiveLibrary.GRACE, Optional.of(model))) {
      assertThat(live.awaitEmbedded(PATIENCE)).isTrue();
      Files.writeString(nvidia, nvidiaArticle(), StandardCharsets.UTF_8);
      model.failAfter(3);

      Reloaded failed = live.reloadNow();

      assertThat(failed.swapped()).isFalse();
      assertThat(failed.failure()).hasValue("vectors failed half-way through the update");
      assertThat(articleIds(live)).containsExactly("aws-openai-trainium");
      assertThat(live.serving().answerer().answer(DEAL).best()).isPresent();
    }
    model.failAfter(Integer.MAX_VALUE);
    try (LiveLibrary restarted =
        LiveLibrary.load(CONFIG, knowledge, LiveLibrary.GRACE, Optional.of(model))) {
      assertThat(articleIds(restarted)).containsExactly("aws-openai-trainium", "nvidia-blackwell");
      assertThat(restarted.serving().answerer().passagesOf("nvidia-blackwell")).isNotEmpty();
      assertThat(restarted.awaitEmbedded(PATIENCE)).isTrue();
      Files.delete(nvidia);
      model.failAfter(0);

      assertThat(restarted.reloadNow().swapped()).isFalse();
      assertThat(articleIds(restarted)).containsExactly("aws-openai-trainium", "nvidia-blackwell");

      model.failAfter(Integer.MAX_VALUE);
      assertThat(restarted.reloadNow().swapped()).isTrue();
      assertThat(articleIds(restarted)).containsExactly("aws-openai-trainium");
      assertThat(restarted.serving().answerer().passagesOf("nvidia-blackwell")).isEmpty();
    }
  }

  /**
   * The shared model, failing when a passage vector is read after a number of reads: a writer meets
   * the failure half-way through the documents of an update.
   */
  private static final class FailingModel implements Embeddings {
    private final Embeddings model;
    private final AtomicInteger left = new AtomicInteger(Integer.MAX_VALUE);

    FailingModel(Embeddings model) {
      this.model = model;
    }

    void failAfter(int reads) {
      left.set(reads);
    }

    @Override
    public void prepare(Stream<String> texts) {
      model.prepare(texts);
    }

    @Override
    public float[] passage(String text) {
      return model.passage(text);
    }

    @Override
    public Optional<float[]> cached(String text) {
      if (left.getAndDecrement() <= 0) {
        throw new IllegalStateException("vectors failed half-way through the update");
      }
      return model.cached(text);
    }

    @Override
    public float[] question(String text) {
      return model.question(text);
    }

    @Override
    public boolean knowsWord(String word) {
      return model.knowsWord(word);
    }

    @Override
    public void close() {
      // The shared model belongs to TestConfig.
    }
  }

  /** The one snapshot beside the live index of {@code folder}. */
  private static Path snapshotOf(Path folder) throws IOException {
    Path live =
        Path.of(CONFIG.knowledge().index())
            .resolve(Fingerprint.of(folder, "").folder())
            .resolve("live");
    try (Stream<Path> files = Files.list(live)) {
      List<Path> snapshots =
          files.filter(p -> p.getFileName().toString().endsWith(".snapshot")).toList();
      assertThat(snapshots).hasSize(1);
      return snapshots.get(0);
    }
  }

  private static List<String> articleIds(LiveLibrary live) {
    return live.serving().knowledge().articles().stream().map(Article::id).toList();
  }

  private static String nvidiaArticle() throws IOException {
    String seed = Files.readString(SEED.resolve(ARTICLE), StandardCharsets.UTF_8);
    return "Nvidia ships Blackwell chips to every cloud\n" + seed.substring(seed.indexOf('\n') + 1);
  }

  /** Same size, same modification time, other bytes: the fingerprint cannot tell. */
  private static void blankKeepingSizeAndTime(Path file) throws IOException {
    FileTime time = Files.getLastModifiedTime(file);
    byte[] blank = new byte[(int) Files.size(file)];
    Arrays.fill(blank, (byte) 'x');
    Files.write(file, blank);
    Files.setLastModifiedTime(file, time);
  }
}
