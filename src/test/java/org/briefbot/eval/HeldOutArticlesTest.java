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

  /**
   * 29 of the 104 answerable questions right first: what main reached when the six articles with
   * reader-worded questions were added (15 of 26 on the first two alone).
   */
  private static final double HIT1 = 29.0 / 104;

  /**
   * Measured 28 of 29 (15 of 15 on the first two articles); the floor is issue 15's target, as a
   * better ranking changes which passages are judged.
   */
  private static final double KEY_SENTENCE_HIT = 0.9;

  @Test
  void heldOutArticlesKeepTheirFigures(@TempDir Path knowledge) throws IOException {
    List<Path> articles = files(".txt");
    List<Path> golds = files(".gold.jsonl");
    assertThat(articles).hasSize(8);
    assertThat(golds).hasSize(8);
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

    assertThat(report.answerable()).isEqualTo(104);
    assertThat(report.outOfScope()).isEqualTo(16);
    assertThat(report.hit1()).as(report.misses().toString()).isGreaterThanOrEqualTo(HIT1);
    assertThat(report.keySentenceHit()).isGreaterThanOrEqualTo(KEY_SENTENCE_HIT);
  }

  private static List<Path> files(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(HELD_OUT)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
