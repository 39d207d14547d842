package org.briefbot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.knowledge.Article;
import org.briefbot.retrieval.Mode;
import org.briefbot.synthetic.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few articles by id come in the order the whole list has them, without walking it. */
class ArticlesInOrderTest {
  @TempDir Path dir;

  @Test
  void givesTheArticlesOfTheseIdsAsTheWholeListOrdersThem() {
    new ArchiveGenerator(3).generate(40, dir);
    BriefbotConfig bm25 =
        TestConfig.defaults().withRetrieval(TestConfig.defaults().retrieval().inMode(Mode.BM25));
    try (LoadedLibrary library = TestConfig.load(bm25, dir)) {
      Answerer answerer = library.answerer();
      List<Article> all = answerer.articles();
      List<String> ids =
          List.of(all.get(30).id(), all.get(2).id(), "no-such-article", all.get(17).id());

      List<Article> picked =
          answerer.articles(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(1)));

      assertThat(all).hasSize(40);
      assertThat(picked).isEqualTo(all.stream().filter(a -> ids.contains(a.id())).toList());
      assertThat(picked)
          .extracting(Article::id)
          .containsExactly(all.get(2).id(), all.get(17).id(), all.get(30).id());
    }
  }
}
