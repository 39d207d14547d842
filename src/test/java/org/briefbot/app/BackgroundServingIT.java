package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.ServingStatus;
import org.briefbot.retrieval.Embeddings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Hybrid without the wait, with the real model: passages the model has not embedded are indexed at
 * once and answered with BM25 while the model embeds them in the background; the configured hybrid
 * mode serves when their vectors are there. The model's work is held back by a gate, so each test
 * sees the state before the vectors for certain.
 */
class BackgroundServingIT {
  private static final BriefbotConfig CONFIG = TestConfig.defaults();
  private static final Duration PATIENCE = Duration.ofMinutes(3);
  private static final String KELP = "How many tonnes of kelp does Orvanta Kelp Farms harvest?";
  private static final String SALT = "How much salt does Brinmoor Saltworks produce?";

  @TempDir Path knowledge;
  private final GatedModel model = new GatedModel(TestConfig.model(CONFIG).orElseThrow());

  @BeforeEach
  void copySeedAndANewArticle() throws IOException {
    for (String file :
        List.of("articles/aws-openai-trainium.txt", "faq/aws-openai-trainium.yaml")) {
      Files.createDirectories(knowledge.resolve(file).getParent());
      Files.copy(TestKnowledge.SHIPPED.resolve(file), knowledge.resolve(file));
    }
    TestKnowledge.write(
        knowledge.resolve("articles/orvanta-kelp.txt"),
        article(
            "Orvanta Kelp Farms doubles its harvest off the Faroe Islands",
            "Orvanta Kelp Farms harvests 4,000 tonnes of kelp a year off the Faroe Islands."));
  }

  @Test
  void answersWithBm25AtOnceAndServesHybridWhenTheVectorsAreThere() {
    try (LiveLibrary live =
        LiveLibrary.load(CONFIG, knowledge, LiveLibrary.GRACE, Optional.of(model))) {
      ServingStatus before = live.status();
      assertThat(before.mode()).isEqualTo("bm25");
      assertThat(before.configured()).isEqualTo("hybrid");
      assertThat(before.embedding()).isTrue();
      assertThat(before.embedded()).isLessThan(before.passages());
      assertThat(answer(live, KELP)).contains("4,000 tonnes");

      model.open();
      assertThat(live.awaitEmbedded(PATIENCE)).isTrue();

      ServingStatus after = live.status();
      assertThat(after.mode()).isEqualTo("hybrid");
      assertThat(after.embedded()).isEqualTo(after.passages());
      assertThat(after.describe()).isEqualTo("hybrid");
      assertThat(live.serving().retriever().mode().key()).isEqualTo("hybrid");
      assertThat(answer(live, KELP)).contains("4,000 tonnes");
    }
  }

  @Test
  void aNewArticleIsAnsweredAtOnceAndGetsItsVectorsInTheBackground() throws IOException {
    model.open();
    try (LiveLibrary live =
        LiveLibrary.load(CONFIG, knowledge, LiveLibrary.GRACE, Optional.of(model))) {
      assertThat(live.awaitEmbedded(PATIENCE)).isTrue();
      model.shut();
      TestKnowledge.write(
          knowledge.resolve("articles/brinmoor-salt.txt"),
          article(
              "Brinmoor Saltworks reopens its evaporation ponds",
              "Brinmoor Saltworks produces 90,000 tonnes of sea salt a year."));

      assertThat(live.reloadNow().swapped()).isTrue();

      ServingStatus waiting = live.status();
      assertThat(waiting.embedding()).isTrue();
      assertThat(waiting.passages() - waiting.embedded()).isPositive();
      assertThat(answer(live, SALT)).contains("90,000 tonnes");

      model.open();
      assertThat(live.awaitEmbedded(PATIENCE)).isTrue();
      assertThat(live.status().mode()).isEqualTo("hybrid");
      assertThat(live.status().embedded()).isEqualTo(live.status().passages());
      assertThat(answer(live, SALT)).contains("90,000 tonnes");
    }
  }

  /**
   * Closing the knowledge while a batch is being embedded stops it quietly: a shutdown is not a
   * fault. It was logged as a warning with a stack trace ("Cannot use the embedding cache ...:
   * null") when the interrupt reached the cache's file lock.
   */
  @Test
  void closingWhileEmbeddingStopsWithoutAWarning() throws IOException {
    // The embedding cache is shared by the JVM's tests: a text of this test's own is not in it.
    TestKnowledge.write(
        knowledge.resolve("articles/tern-hill-coffee.txt"),
        article(
            "Tern Hill roasts coffee in " + knowledge.getFileName(),
            "Tern Hill roasts 300 tonnes of coffee a year in " + knowledge.getFileName() + "."));
    Logger logger = (Logger) LoggerFactory.getLogger(BackgroundEmbedding.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      try (LiveLibrary live =
          LiveLibrary.load(CONFIG, knowledge, LiveLibrary.GRACE, Optional.of(model))) {
        assertThat(live.status().embedding()).isTrue();
        awaitLogged(logged, "Embedding ");
      }
      assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
      assertThat(messages(logged))
          .contains("Background embedding stopped: the knowledge is closing");
    } finally {
      logger.detachAppender(logged);
    }
  }

  private static void awaitLogged(ListAppender<ILoggingEvent> logged, String start) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (messages(logged).noneMatch(m -> m.startsWith(start))) {
      assertThat(System.nanoTime()).as("logged: " + start).isLessThan(until);
      Thread.onSpinWait();
    }
  }

  private static Stream<String> messages(ListAppender<ILoggingEvent> logged) {
    synchronized (logged) {
      return List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage);
    }
  }

  private static String answer(LiveLibrary live, String question) {
    return live.serving().answerer().answer(question).best().map(b -> b.text()).orElse("");
  }

  private static String article(String title, String takeaway) {
    return title
        + "\n#business\n\u03c0 Key Takeaways\n- "
        + takeaway
        + "\n\u03c0\u00b7\u03bf\u0388 Themes\nBusiness\n";
  }

  /** The shared model, whose embedding waits while the gate is closed. */
  private static final class GatedModel implements Embeddings {
    private final Embeddings model;
    private boolean open; // guarded by this

    GatedModel(Embeddings model) {
      this.model = model;
    }

    synchronized void open() {
      open = true;
      notifyAll();
    }

    synchronized void shut() {
      open = false;
    }

    @Override
    public void close() {
      // The shared model belongs to TestConfig.
    }

    private synchronized void awaitOpen() {
      try {
        while (!open) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("stopped while waiting to embed", e);
      }
    }

    @Override
    public void prepare(Stream<String> texts) {
      awaitOpen();
      model.prepare(texts);
    }

    @Override
    public float[] passage(String text) {
      awaitOpen();
      return model.passage(text);
    }

    @Override
    public Optional<float[]> cached(String text) {
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
  }
}
