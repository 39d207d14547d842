package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefbot.TestKnowledge;
import org.briefbot.embedding.SentenceEncoder;
import org.briefbot.index.Candidate;
import org.briefbot.index.IndexInput;
import org.briefbot.index.IndexSettings;
import org.briefbot.index.PassageIndex;
import org.briefbot.index.SearchRequest;
import org.briefbot.index.TextAnalysis;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Passage;
import org.briefbot.retrieval.PassageTexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hybrid build reads each passage's vectors from the embedding cache as it is indexed; it must
 * give the index the vectors the model gives, and the answers of an index built from all vectors
 * held in maps. The real model on the seed knowledge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedVectorsTest {
  private static final List<String> QUESTIONS =
      List.of(
          "why did openai pick amazon?",
          "when did aws start",
          "will this create a two-tier market for ai compute");
  private static final IndexSettings SETTINGS = IndexSettings.defaults(0.9, 0.4, true);

  private final Knowledge knowledge = new KnowledgeLoader().load(TestKnowledge.SHIPPED);
  private final IndexInput input = IndexInput.of(knowledge.passages());
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
  void streamedVectorsAreTheModelsAndSearchLikeVectorsInMaps(@TempDir Path cacheDir) {
    try (ModelEmbeddings model = ModelEmbeddings.open(cacheDir)) {
      IndexInput streamed = Indexing.withVectors(input, Optional.of(model));
      IndexInput inMaps = withVectorsInMaps();

      for (Passage passage : knowledge.passages()) {
        assertThat(streamed.vectors().passage(passage).orElseThrow())
            .containsExactly(inMaps.vectors().passage(passage).orElseThrow());
        assertThat(streamed.vectors().sentences(passage))
            .usingRecursiveComparison()
            .isEqualTo(inMaps.vectors().sentences(passage));
      }
      try (PassageIndex fromCache = PassageIndex.build(streamed, SETTINGS, new TextAnalysis());
          PassageIndex fromMaps = PassageIndex.build(inMaps, SETTINGS, new TextAnalysis())) {
        for (String question : QUESTIONS) {
          float[] vector = model.question(question);
          assertThat(signals(fromCache, question, vector))
              .as(question)
              .isEqualTo(signals(fromMaps, question, vector));
        }
      }
    }
  }

  @Test
  void aRebuildOverAFullCacheEmbedsNothing(@TempDir Path cacheDir) {
    try (ModelEmbeddings first = ModelEmbeddings.open(cacheDir)) {
      PassageIndex.build(
              Indexing.withVectors(input, Optional.of(first)), SETTINGS, new TextAnalysis())
          .close();
      assertThat(first.textsEmbedded()).isPositive();
    }
    // A restart: the second model finds every passage and sentence text in the cache file.
    try (ModelEmbeddings second = ModelEmbeddings.open(cacheDir)) {
      PassageIndex.build(
              Indexing.withVectors(input, Optional.of(second)), SETTINGS, new TextAnalysis())
          .close();
      assertThat(second.textsEmbedded()).isZero();
    }
  }

  /**
   * What the build held before it streamed: every vector, straight from the model, in maps by
   * passage id.
   */
  private IndexInput withVectorsInMaps() {
    Map<String, float[]> byId = new LinkedHashMap<>();
    Map<String, List<float[]>> sentencesById = new LinkedHashMap<>();
    for (Passage passage : knowledge.passages()) {
      byId.put(passage.id(), encoder.embed(PassageTexts.forEmbedding(passage)));
      List<String> sentences = PassageTexts.sentencesForEmbedding(passage);
      if (!sentences.isEmpty()) {
        sentencesById.put(passage.id(), sentences.stream().map(encoder::embed).toList());
      }
    }
    return input.withVectors(byId, sentencesById);
  }

  /**
   * Every candidate's passage and signals, in order: equal lists mean equal rankings in every mode.
   */
  private static List<String> signals(PassageIndex index, String question, float[] vector) {
    List<Candidate> candidates =
        index.candidates(SearchRequest.of(question, 10), () -> Optional.of(vector), 20);
    return candidates.stream()
        .map(
            c ->
                String.join(
                    " ",
                    c.passage().id(),
                    "bm25 " + c.lexicalRank(),
                    String.valueOf(c.lexical()),
                    "vector " + c.vectorRank(),
                    String.valueOf(c.similarity()),
                    String.valueOf(c.sentenceSimilarity()),
                    Arrays.toString(c.sentenceSimilarities())))
        .toList();
  }
}
