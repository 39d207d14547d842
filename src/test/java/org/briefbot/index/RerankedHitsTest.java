package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.briefbot.knowledge.Passage;
import org.briefbot.synthetic.ArchiveGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the answer path relies on when it asks the index for fewer hits, and how hits are read back.
 */
class RerankedHitsTest {
  @TempDir static Path dir;
  private static Knowledge knowledge;
  private static PassageIndex index;
  private static ArchiveGenerator generator;

  @BeforeAll
  static void indexSyntheticArchive() {
    generator = new ArchiveGenerator(3);
    generator.generate(300, dir);
    knowledge = new KnowledgeLoader().load(dir);
    EntityCatalog catalog = EntityCatalog.build(knowledge);
    IndexInput input = new IndexInput(knowledge.passages(), Map.of(), catalog.synonymGroups());
    index = PassageIndex.build(input, IndexSettings.defaults(0.9, 0.4, true), new TextAnalysis());
  }

  @Test
  void theReRankedHitsAreTheSameHoweverManyMoreAreAskedFor() {
    for (String question : generator.questions(64)) {
      List<Hit> many = index.search(SearchRequest.of(question, 50));
      List<Hit> reranked = index.search(SearchRequest.of(question, PassageIndex.COVERAGE_DEPTH));

      assertThat(reranked)
          .as(question)
          .isEqualTo(many.subList(0, Math.min(many.size(), PassageIndex.COVERAGE_DEPTH)));
    }
  }

  @Test
  void readsEveryPassageBackExactlyAsIndexed() {
    List<Passage> passages = knowledge.passages();
    assertThat(passages).hasSizeGreaterThan(1000);
    for (Passage passage : passages.subList(0, 200)) {
      assertThat(index.find(passage.id())).contains(passage);
    }
  }
}
