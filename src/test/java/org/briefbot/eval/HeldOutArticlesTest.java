package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out articles (src/test/resources/heldout, written in the seed's format and never fitted
 * on), answered by the default configuration with only them in the knowledge. The floors are what
 * the product reaches there, measured once and not tuned towards: a change that loses any of it on
 * articles nobody here tuned for fails the build.
 */
class HeldOutArticlesTest {
  private static final Path HELD_OUT = Path.of("src/test/resources/heldout");

  /** 15 of the 26 answerable questions right first: what main reached when the set was written. */
  private static final double HIT1 = 15.0 / 26;

  /**
   * Measured 15 of 15; the floor is issue 15's target, as a better ranking changes which passages
   * are judged.
   */
  private static final double KEY_SENTENCE_HIT = 0.9;

  @Test
  void heldOutArticlesKeepTheirFigures(@TempDir Path knowledge) throws IOException {
    List<Path> articles = files(".txt");
    List<Path> golds = files(".gold.jsonl");
    assertThat(articles).hasSize(2);
    assertThat(golds).hasSize(2);
    Path into = Files.createDirectories(knowledge.resolve("articles"));
    for (Path article : articles) {
      Files.copy(article, into.resolve(article.getFileName()));
    }
    List<GoldQuestion> questions = new ArrayList<>();
    golds.forEach(g -> questions.addAll(GoldEval.read(g)));

    GoldReport report;
    try (LoadedLibrary library = TestConfig.load(TestConfig.defaults(), knowledge)) {
      report = new GoldEval().run(library.answerer(), questions);
    }

    assertThat(report.answerable()).isEqualTo(26);
    assertThat(report.outOfScope()).isEqualTo(4);
    assertThat(report.hit1()).as(report.misses().toString()).isGreaterThanOrEqualTo(HIT1);
    assertThat(report.keySentenceHit()).isGreaterThanOrEqualTo(KEY_SENTENCE_HIT);
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(HELD_OUT)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
