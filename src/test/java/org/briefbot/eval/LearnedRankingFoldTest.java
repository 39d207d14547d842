package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.briefbot.TestConfig;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.Test;

/**
 * A fold figure on articles the committed models were never fitted on (src/test/resources/
 * squad-newsroom, left out by {@code briefbot train}): the default bot indexes two of them, answers
 * their crowd-written questions, and declines the questions about the third, which it does not
 * have. The floors sit a little under what the committed models and answer judge reach
 * (docs/retrieval.md), so a change that loses generalization fails the build.
 */
class LearnedRankingFoldTest {
  private static final Path DIR = Path.of("src/test/resources/squad-newsroom");
  private static final List<String> INDEXED = List.of("pharmacy", "private-school");
  private static final String ABSENT = "victoria-australia";

  @Test
  void answersUnseenArticlesAndDeclinesAnAbsentOne() {
    Knowledge all = new KnowledgeLoader().load(DIR.resolve("knowledge"));
    assertThat(all.articles()).hasSize(3);
    Knowledge indexed =
        new Knowledge(
            all.articles().stream().filter(a -> Set.copyOf(INDEXED).contains(a.id())).toList(),
            List.of(),
            List.of(),
            all.report());
    List<GoldQuestion> answerable = INDEXED.stream().flatMap(id -> gold(id).stream()).toList();
    List<GoldQuestion> absent =
        gold(ABSENT).stream().map(q -> new GoldQuestion(q.q(), List.of())).toList();

    GoldReport answered;
    GoldReport declined;
    BriefbotConfig config = TestConfig.defaults();
    try (LoadedLibrary core = LoadedLibrary.build(config, indexed, TestConfig.model(config))) {
      answered = new GoldEval().run(core.answerer(), answerable);
      declined = new GoldEval().run(core.answerer(), absent);
    }

    assertThat(answered.answerable()).isEqualTo(242);
    assertThat(answered.hit1()).isGreaterThanOrEqualTo(FLOOR_HIT1);
    assertThat((double) answered.falseDeclines() / answered.answerable())
        .isLessThanOrEqualTo(CEILING_ANSWERABLE_DECLINED);
    assertThat(answered.keySentenceHit()).isGreaterThanOrEqualTo(FLOOR_KEY_SENTENCE);
    assertThat(declined.outOfScope()).isEqualTo(124);
    assertThat(declined.declineAccuracy()).isGreaterThanOrEqualTo(FLOOR_ABSENT_DECLINED);
  }

  // With the answer judge the bot reaches hit@1 0.893, 10 of 242 declined (0.041), all of the
  // absent article's questions declined; the learned confidence alone 0.884, 11, 0.968 (fitted
  // without the news articles: 0.872, 13, 0.960; the hand-set ranking: 0.897, 8, 0.935).
  private static final double FLOOR_HIT1 = 0.87;
  private static final double CEILING_ANSWERABLE_DECLINED = 0.05;
  private static final double FLOOR_ABSENT_DECLINED = 0.98;

  // The key-sentence model emphasises the answering sentence for 0.856 of the 215 answers whose
  // passage has it in one sentence; the hand-set rule it replaced, 0.800.
  private static final double FLOOR_KEY_SENTENCE = 0.84;

  private static List<GoldQuestion> gold(String article) {
    return GoldEval.read(DIR.resolve("gold").resolve(article + ".jsonl"));
  }
}
