package org.briefbot.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The real model on real sentences from the seed article. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PassageEmbedderTest {
  private static final String PRICING =
      "OpenAI likely secured better pricing, more dedicated AI infrastructure, and greater access to Amazon's custom Trainium chips.";
  private static final String OUTAGE =
      "If Amazon experiences service disruptions or fails to meet scaling requirements, it could severely impact OpenAI's product development.";

  private SentenceEncoder encoder;

  @BeforeAll
  void loadModel() {
    encoder = SentenceEncoder.load();
  }

  @AfterAll
  void closeModel() {
    encoder.close();
  }

  @Test
  void embedsTextAsUnitVectorOfModelSize() {
    float[] vector = encoder.embed(PRICING);

    assertThat(vector).hasSize(SentenceEncoder.DIMENSIONS);
    assertThat(dot(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
  }

  @Test
  void placesQuestionNearerItsAnswerThanAnotherPassage() {
    float[] question = encoder.embed("why did openai pick amazon?");

    assertThat(dot(question, encoder.embed(PRICING)))
        .isGreaterThan(dot(question, encoder.embed(OUTAGE)));
  }

  @Test
  void knowsEnglishWordsWholeAndNotTypos() {
    assertThat(encoder.knowsWord("Dallas")).isTrue();
    assertThat(encoder.knowsWord("dalas")).isFalse();
    assertThat(encoder.knowsWord("layofs")).isFalse();
  }

  @Test
  void knowsAWordItReadsAsAKnownWordAndAnEnding() {
    // "pastor", "##s": English to the model, not a typo of "pastures".
    assertThat(encoder.knowsWord("pastors")).isTrue();
    assertThat(encoder.knowsWord("planing")).isTrue();
  }

  @Test
  void readsAContractionAsItsTokenizerSplitsIt() {
    assertThat(encoder.knowsWord("don't")).isTrue();
    assertThat(encoder.knowsWord("amazn's")).isFalse();
  }

  @Test
  void embedsTheSameTextToTheSameVector() {
    assertThat(encoder.embed(OUTAGE)).containsExactly(encoder.embed(OUTAGE));
  }

  @Test
  void reusesCachedVectorsAfterRestart(@TempDir Path cacheDir) {
    List<String> passages = List.of(PRICING, OUTAGE, PRICING);
    PassageEmbedder first = embedderWith(cacheDir);
    long before = encoder.textsEmbedded();
    List<float[]> vectors = vectorsOf(first, passages);
    long embeddedFirst = encoder.textsEmbedded() - before;

    // A restart: a new cache object reads the same folder.
    PassageEmbedder second = embedderWith(cacheDir);
    long beforeSecond = encoder.textsEmbedded();
    List<float[]> again = vectorsOf(second, passages);

    assertThat(embeddedFirst).isEqualTo(2);
    assertThat(encoder.textsEmbedded() - beforeSecond).isZero();
    for (int i = 0; i < passages.size(); i++) {
      assertThat(again.get(i)).containsExactly(vectors.get(i));
    }
  }

  @Test
  void embedsOnlyTextsTheCacheLacks(@TempDir Path cacheDir) {
    PassageEmbedder embedder = embedderWith(cacheDir);
    embedder.embedMissing(Stream.of(PRICING));
    long before = encoder.textsEmbedded();

    embedder.embedMissing(Stream.of(PRICING, OUTAGE));

    assertThat(encoder.textsEmbedded() - before).isEqualTo(1);
  }

  @Test
  void embedsMissingTextsOnceAndReadsThemBackFromTheCache(@TempDir Path cacheDir) {
    PassageEmbedder embedder = embedderWith(cacheDir);
    long before = encoder.textsEmbedded();

    int embedded = embedder.embedMissing(Stream.of(PRICING, OUTAGE, PRICING));
    long afterEmbedding = encoder.textsEmbedded();
    float[] pricing = embedder.embedPassage(PRICING);

    assertThat(embedded).isEqualTo(2);
    assertThat(afterEmbedding - before).isEqualTo(2);
    assertThat(embedder.embedMissing(Stream.of(OUTAGE, PRICING))).isZero();
    assertThat(encoder.textsEmbedded())
        .as("read back, not embedded again")
        .isEqualTo(afterEmbedding);
    assertThat(pricing).containsExactly(encoder.embed(PRICING));
  }

  @Test
  void embedsAQuestionAskedAgainOnceWhileItIsAmongTheLatest(@TempDir Path cacheDir) {
    PassageEmbedder embedder = embedderWith(cacheDir);
    String question = "how much is the aws deal worth";
    float[] expected = encoder.embed(question);
    long before = encoder.textsEmbedded();

    float[] first = embedder.embedQuery(question);
    first[0] = 42;
    float[] again = embedder.embedQuery(question);
    long afterAgain = encoder.textsEmbedded();
    for (int i = 0; i < 16; i++) {
      embedder.embedQuery("question number " + i);
    }
    long afterOthers = encoder.textsEmbedded();
    float[] later = embedder.embedQuery(question);
    long afterLater = encoder.textsEmbedded();

    assertThat(afterAgain - before).as("asked again at once: read back").isEqualTo(1);
    assertThat(again).as("a caller's change to its copy stays its own").containsExactly(expected);
    assertThat(afterLater - afterOthers)
        .as("sixteen other questions later: embedded again")
        .isEqualTo(1);
    assertThat(later).containsExactly(expected);
  }

  /** An embedder whose cache is in {@code cacheDir}: a new one reads what an earlier one wrote. */
  private PassageEmbedder embedderWith(Path cacheDir) {
    return new PassageEmbedder(
        encoder,
        EmbeddingCache.open(cacheDir, SentenceEncoder.MODEL_ID, SentenceEncoder.DIMENSIONS));
  }

  /** What a build does: embed what the cache lacks, then read each vector back. */
  private static List<float[]> vectorsOf(PassageEmbedder embedder, List<String> texts) {
    embedder.embedMissing(texts.stream());
    return texts.stream().map(embedder::embedPassage).toList();
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
