package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.rank.Fitting;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.RankRows;
import org.briefbot.retrieval.RetrievalSettings;
import org.briefbot.retrieval.Retriever;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rows from the real hybrid retriever over the seed, asked the seed's tuning questions: what {@code
 * train} fits, at every row's full width and cut to the committed models' width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingSetTest {
  private static final Fitting.Params SMALL = new Fitting.Params(20, 3, 0.1, 1);

  private LoadedLibrary core;
  private Retriever handSet;
  private TrainingSet all;

  @BeforeAll
  void ask() {
    BriefbotConfig defaults = TestConfig.defaults();
    BriefbotConfig config = defaults.withRetrieval(defaults.retrieval().inMode(Mode.HYBRID));
    core = TestConfig.load(config, Path.of("knowledge"));
    handSet =
        new Retriever(
            core.index(),
            Mode.HYBRID,
            TestConfig.model(config),
            RetrievalSettings.handSet(config.retrieval().vectorCandidates())
                .withLearned(Optional.empty()));
    all = new TrainingSet();
    for (GoldQuestion q : GoldEval.read(Path.of("src/test/resources/tuning/seed-dev.jsonl"))) {
      all.add(handSet, q, new TrainingSet.Origin(TrainingSet.Corpus.SEED, q.q()));
    }
  }

  @AfterAll
  void close() {
    handSet.close();
    core.close();
  }

  @Test
  void fitsModelsAsWideAsItsRows() {
    TrainingSet.Fit full = all.fit(SMALL, SMALL);
    TrainingSet.Fit committed = all.withColumns(RankRows.COMMITTED_COLUMNS).fit(SMALL, SMALL);

    assertThat(all.inScope()).isPositive();
    assertThat(all.outOfScope()).isPositive();
    assertThat(full.models().ranker().columns()).isEqualTo(RankRows.columns());
    assertThat(full.models().answerable().columns()).isEqualTo(RankRows.columns());
    assertThat(committed.models().ranker().columns()).isEqualTo(RankRows.COMMITTED_COLUMNS);
    assertThat(committed.models().answerable().columns()).isEqualTo(RankRows.COMMITTED_COLUMNS);
  }

  @Test
  void fitsTheSameModelFromTheSameRows() {
    TrainingSet cut = all.withColumns(RankRows.COMMITTED_COLUMNS);

    assertThat(cut.fit(SMALL, SMALL).models().ranker().bytes())
        .isEqualTo(cut.fit(SMALL, SMALL).models().ranker().bytes());
  }

  @Test
  void refusesToJoinRowsOfAnotherWidth() {
    TrainingSet cut = all.withColumns(RankRows.COMMITTED_COLUMNS);

    assertThatThrownBy(() -> cut.addAll(all))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("joined");
    assertThatThrownBy(
            () ->
                cut.add(
                    handSet,
                    new GoldQuestion("why amazon", List.of("AWS")),
                    new TrainingSet.Origin(TrainingSet.Corpus.SEED, "why amazon")))
        .isInstanceOf(IllegalStateException.class);
  }
}
