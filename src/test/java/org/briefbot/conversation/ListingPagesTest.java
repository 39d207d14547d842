package org.briefbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.knowledge.Article;
import org.briefbot.retrieval.Mode;
import org.briefbot.synthetic.ArchiveGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /topics} and {@code /sources} list the articles a page at a time, as {@code /entities}
 * does: at 100,000 articles one listing would be thousands of messages.
 */
class ListingPagesTest {
  private static final int PAGE = Conversation.ENTITIES_PER_PAGE;

  @TempDir Path dir;

  @Test
  void topicsAndSourcesGoAPageAtATimeAndTogetherListEveryArticleOnce() {
    new ArchiveGenerator(5).generate(2 * PAGE + 3, dir);
    BriefbotConfig bm25 =
        TestConfig.defaults().withRetrieval(TestConfig.defaults().retrieval().inMode(Mode.BM25));
    try (LoadedLibrary library = TestConfig.load(bm25, dir)) {
      Conversation conversation = library.conversation();
      List<String> newestFirst =
          library.answerer().articles().stream().map(Article::title).toList();
      int total = newestFirst.size();

      for (String command : List.of("/topics", "/sources")) {
        List<String> listed = new ArrayList<>();
        Reply.Listing first = (Reply.Listing) conversation.handle(command);
        Reply.Listing second = (Reply.Listing) conversation.handle(command + " 2");
        Reply.Listing last = (Reply.Listing) conversation.handle(command + " 3");
        Reply.Listing beyond = (Reply.Listing) conversation.handle(command + " 99");

        assertThat(first.items()).hasSize(PAGE + 1);
        assertThat(first.items().get(PAGE))
            .isEqualTo(
                new Reply.Item(
                    "More articles (" + (PAGE + 1) + "-" + total + ")", "", command + " 2"));
        assertThat(first.heading()).contains("(" + total).contains("1-" + PAGE);
        assertThat(second.items().get(PAGE).command()).isEqualTo(command + " 3");
        assertThat(last.items()).hasSize(total - 2 * PAGE);
        assertThat(last.heading()).contains((2 * PAGE + 1) + "-" + total);
        assertThat(beyond).isEqualTo(last);
        for (Reply.Listing page : List.of(first, second, last)) {
          page.items().stream()
              .filter(i -> i.command().startsWith("/more "))
              .forEach(i -> listed.add(i.label()));
        }
        assertThat(listed).as(command).isEqualTo(newestFirst);
      }
    }
  }
}
