package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Answer;
import org.briefbot.conversation.Library.Reloaded;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.IngestProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editors change files in the knowledge folder; readers see the change without a restart. */
class LiveLibraryIT {
  private static final Path SEED = Path.of("knowledge");
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * The watcher's quiet period, shorter than the bot's second: each test writes a file in one call,
   * and a reload that catches one half-written is followed by another when it is done.
   */
  private static final Duration QUIET = Duration.ofMillis(250);

  private static final String DEAL = "How much is the AWS deal worth?";

  @TempDir Path knowledge;
  private final List<Reloaded> reloads = new CopyOnWriteArrayList<>();
  private LiveLibrary live;

  @BeforeEach
  void copySeedKnowledge() throws IOException {
    for (String file :
        List.of(
            "articles/aws-openai-trainium.txt",
            "faq/aws-openai-trainium.yaml",
            "entities/entities.yaml")) {
      Files.createDirectories(knowledge.resolve(file).getParent());
      Files.copy(SEED.resolve(file), knowledge.resolve(file));
    }
    live = TestConfig.live(TestConfig.defaults(), knowledge);
    live.onReload(reloads::add);
  }

  @AfterEach
  void closeLiveCore() {
    live.close();
  }

  private static String seedArticle() throws IOException {
    return Files.readString(
        SEED.resolve("articles/aws-openai-trainium.txt"), StandardCharsets.UTF_8);
  }

  private List<String> articleIds() {
    return live.serving().answerer().articles().stream().map(Article::id).toList();
  }

  private List<String> topics() {
    Reply reply = live.serving().conversation().handle("/topics");
    return ((Reply.Listing) reply).items().stream().map(Reply.Item::label).toList();
  }

  private boolean servesBoth(Reloaded result) {
    return result.articles() == 2;
  }

  /** Waits for a condition the watcher makes true; fails only if it never comes. */
  private static void eventually(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s for: %s", PATIENCE, what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  @Test
  void listsANewArticleInTopicsOnceItsFileAppears() throws Exception {
    live.watch(QUIET);
    String nvidia =
        "Nvidia ships Blackwell chips to every cloud\n"
            + seedArticle().substring(seedArticle().indexOf('\n') + 1);

    Files.writeString(
        knowledge.resolve("articles/nvidia-blackwell.txt"), nvidia, StandardCharsets.UTF_8);

    eventually("the new article to be served", () -> articleIds().contains("nvidia-blackwell"));
    assertThat(topics())
        .contains(
            "Nvidia ships Blackwell chips to every cloud",
            "Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium");
    // The listener hears after the new core is swapped in: under load, a moment after.
    eventually(
        "the listener to hear about the reload", () -> reloads.stream().anyMatch(this::servesBoth));
    assertThat(reloads.stream().filter(this::servesBoth).findFirst())
        .hasValueSatisfying(result -> assertThat(result.clean()).isTrue());
  }

  /**
   * A running story's next update, filed while a chat goes on: the chat's next question about the
   * figure it restates gets the new figure, though the chat's last answer came from the update
   * before (the copies are grouped with the reloaded folder's dates).
   */
  @Test
  void aRunningStorysNewUpdateAnswersTheChatsNextQuestion() throws Exception {
    live.watch(QUIET);
    String question = "what rate did the kestrel national bank cut to?";
    for (Path article : TestKnowledge.RUNNING_STORY.subList(0, 2)) {
      Files.copy(article, knowledge.resolve("articles").resolve(article.getFileName()));
    }
    eventually("the first two updates to be served", () -> articleIds().size() == 3);
    Turn before = live.serving().conversation().reply(question, Optional.empty());

    Path june = TestKnowledge.RUNNING_STORY.get(2);
    Files.copy(june, knowledge.resolve("articles").resolve(june.getFileName()));
    eventually("the third update to be served", () -> articleIds().size() == 4);
    Turn after = live.serving().conversation().reply(question, before.context());

    assertThat(keySentence(before)).contains("to 3.25%");
    assertThat(keySentence(after)).contains("to 3.00%");
  }

  private static String keySentence(Turn turn) {
    return ((Reply.Answered) turn.reply()).answer().best().orElseThrow().keySentence();
  }

  @Test
  void keepsAnsweringFromThePreviousVersionOfABrokenArticleAndTellsTheListener() throws Exception {
    live.watch(QUIET);
    Path article = knowledge.resolve("articles/aws-openai-trainium.txt");

    Files.writeString(
        article, "#only #hashtags, the title line was deleted\n", StandardCharsets.UTF_8);

    eventually(
        "the listener to hear about the broken file",
        () -> reloads.stream().anyMatch(r -> !r.errors().isEmpty()));
    Reloaded broken = reloads.stream().filter(r -> !r.errors().isEmpty()).findFirst().orElseThrow();
    assertThat(broken.errors()).extracting(IngestProblem::path).containsExactly(article);
    assertThat(broken.swapped()).isTrue();
    assertThat(articleIds()).containsExactly("aws-openai-trainium");
    Answer answer = live.serving().answerer().answer(DEAL);
    assertThat(answer.answered()).isTrue();
    assertThat(answer.best().orElseThrow().text()).contains("$138 billion");
  }

  @Test
  void dropsAnArticleWhoseFileIsRemoved() throws Exception {
    live.watch(QUIET);
    Files.writeString(
        knowledge.resolve("articles/second.txt"), seedArticle(), StandardCharsets.UTF_8);
    eventually("the second article to be served", () -> articleIds().contains("second"));

    Files.delete(knowledge.resolve("articles/second.txt"));

    eventually("the removed article to be gone", () -> !articleIds().contains("second"));
    assertThat(articleIds()).containsExactly("aws-openai-trainium");
  }

  @Test
  void watchesAFolderCreatedAfterItStarted() throws Exception {
    Files.delete(knowledge.resolve("faq/aws-openai-trainium.yaml"));
    Files.delete(knowledge.resolve("faq"));
    live.reloadNow();
    live.watch(QUIET);
    Path faq = Files.createDirectories(knowledge.resolve("faq"));
    eventually("a reload after the folder appeared", () -> reloads.size() > 1);

    Files.writeString(
        faq.resolve("newco.yaml"),
        "items:\n  - question: Who founded NewCo?\n    answer: Nobody, it is made up.\n");

    eventually(
        "the new FAQ item to be served", () -> live.serving().knowledge().faqItems().size() == 1);
    assertThat(live.serving().answerer().answer("Who founded NewCo?").best().orElseThrow().text())
        .isEqualTo("Nobody, it is made up.");
  }

  @Test
  void reloadNowSwapsInANewCoreWhileQuestionsInFlightFinishOnTheOldOne() throws Exception {
    LoadedLibrary before = live.serving();
    Files.writeString(
        knowledge.resolve("entities/newco.yaml"),
        "entities:\n  - name: NewCo\n    kind: company\n    summary: A made-up company.\n");

    Reloaded result = live.reloadNow();

    assertThat(result.clean()).isTrue();
    assertThat(result.articles()).isEqualTo(1);
    assertThat(result.report().filesRead()).contains(knowledge.resolve("entities/newco.yaml"));
    assertThat(reloads).containsExactly(result);
    assertThat(live.serving()).isNotSameAs(before);
    assertThat(live.serving().answerer().entity("/entity NewCo", "NewCo").entities())
        .singleElement()
        .satisfies(card -> assertThat(card.summary()).isEqualTo("A made-up company."));
    assertThat(before.answerer().entity("/entity NewCo", "NewCo").kind())
        .isEqualTo(Answer.Kind.DECLINED);
    assertThat(before.answerer().answer(DEAL).answered())
        .as("the old core still answers during its grace period")
        .isTrue();
  }
}
