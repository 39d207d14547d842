package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.answer.Answer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Library.Reloaded;
import org.briefbot.index.TextAnalysis;
import org.briefbot.index.UpdateLock;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ask}, {@code eval} and {@code check} load the folder through the bot's own index on disk
 * ({@link LiveArchive}): the same answers as a load in memory, an unchanged folder reopened, a
 * changed one updated in place, and a bot on the same folder never disturbed.
 */
class SharedIndexTest {
  private static final String QUESTION = "How much is the AWS deal worth?";
  private static final BriefbotConfig CONFIG = TestConfig.defaults();

  @TempDir Path dir;
  private Path knowledge;
  private Path cache;
  private Path article;

  @BeforeEach
  void copySeed() throws IOException {
    knowledge = dir.resolve("knowledge");
    cache = dir.resolve("data/index");
    try (Stream<Path> files = Files.walk(Path.of("knowledge"))) {
      for (Path source : files.toList()) {
        Path target = knowledge.resolve(Path.of("knowledge").relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
    article = knowledge.resolve("articles/aws-openai-trainium.txt");
  }

  @Test
  void answersTheSameFromTheIndexAsFromALoadInMemory() {
    Answer fresh = answer(Optional.empty());
    Answer cold = answer(Optional.of(cache));
    Answer warm = answer(Optional.of(cache));

    assertThat(fresh.best()).isPresent();
    assertThat(cold).isEqualTo(fresh);
    assertThat(warm).isEqualTo(fresh);
  }

  @Test
  void readsAnUnchangedFolderBackWithoutParsingIt() throws IOException {
    answer(Optional.of(cache));
    // Same size and time, different bytes: only a load that skips parsing still has the deal.
    FileTime time = Files.getLastModifiedTime(article);
    byte[] blank = new byte[(int) Files.size(article)];
    Arrays.fill(blank, (byte) 'x');
    Files.write(article, blank);
    Files.setLastModifiedTime(article, time);

    Answer warm = answer(Optional.of(cache));

    assertThat(warm.best()).hasValueSatisfying(s -> assertThat(s.text()).contains("$138 billion"));
    try (LoadedLibrary core = load(Optional.of(cache))) {
      assertThat(core.knowledge().articles()).hasSize(1);
      assertThat(core.knowledge().report().problems()).isEmpty();
      assertThat(core.catalog().find("AWS")).isPresent();
    }
  }

  @Test
  void appliesAChangedArticleToTheOneIndexOfTheFolder() throws IOException {
    answer(Optional.of(cache));
    replaceInArticle("$138 billion AWS deal", "$139 billion AWS deal");

    try (LoadedLibrary core = load(Optional.of(cache))) {
      assertThat(core.answerer().passagesOf("aws-openai-trainium"))
          .filteredOn(p -> p.section() != Section.CURATED_FAQ)
          .anySatisfy(p -> assertThat(p.text()).contains("$139 billion"))
          .noneSatisfy(p -> assertThat(p.text()).contains("$138 billion AWS deal"));
    }
    try (Stream<Path> folders = Files.list(cache);
        Stream<Path> snapshots = Files.list(liveFolder())) {
      assertThat(folders.count()).isEqualTo(1);
      assertThat(snapshots.filter(f -> f.toString().endsWith(".snapshot")).count()).isEqualTo(1);
    }
  }

  @Test
  @SuppressWarnings("try") // the lock stands for a bot's update under way
  void answersFromTheLastCommitWhileAnotherHolderUpdatesTheIndex() throws IOException {
    answer(Optional.of(cache));
    replaceInArticle("$138 billion AWS deal", "$139 billion AWS deal");
    List<String> notes = new ArrayList<>();

    try (UpdateLock bot = UpdateLock.obtain(liveFolder(), Duration.ofSeconds(5))) {
      assertThat(UpdateLock.tryObtain(liveFolder())).as("held").isEmpty();
      Optional<LoadedLibrary.Loaded> loaded =
          LiveArchive.loadOnce(CONFIG, cache, knowledge, TestConfig.model(CONFIG), notes::add);
      try (LoadedLibrary core = wire(loaded.orElseThrow())) {
        assertThat(dealTexts(core)).singleElement().asString().contains("$138 billion AWS deal");
      }
    }
    assertThat(notes)
        .singleElement()
        .satisfies(n -> assertThat(n).contains("lacks the latest changes to " + knowledge));

    try (LoadedLibrary core = load(Optional.of(cache))) {
      assertThat(dealTexts(core))
          .as("once the lock is free, the next load applies the change")
          .singleElement()
          .asString()
          .contains("$139 billion AWS deal");
    }
  }

  /** The article's passages that put a figure on the deal. */
  private static List<String> dealTexts(LoadedLibrary core) {
    return core.answerer().passagesOf("aws-openai-trainium").stream()
        .filter(p -> p.section() != Section.CURATED_FAQ)
        .map(Passage::text)
        .filter(t -> t.contains("billion AWS deal with"))
        .toList();
  }

  @Test
  void aBotAndAnAskOnOneFolderTakeInEachOthersCommits() throws IOException {
    Path botIndex = Path.of(CONFIG.knowledge().index());
    try (LiveLibrary bot = TestConfig.live(CONFIG, knowledge)) {
      int seedPassages = bot.serving().index().size();
      Path nvidia = knowledge.resolve("articles/nvidia-blackwell.txt");
      Files.writeString(nvidia, nvidiaArticle(), StandardCharsets.UTF_8);
      int withNvidia;
      try (LoadedLibrary ask = load(Optional.of(botIndex))) {
        withNvidia = ask.index().size();
        assertThat(ask.knowledge().articles()).hasSize(2);
      }

      Reloaded reloaded = bot.reloadNow();

      assertThat(reloaded.articles()).isEqualTo(2);
      assertThat(reloaded.passages())
          .as("the bot follows the ask's commit instead of adding the article a second time")
          .isEqualTo(withNvidia)
          .isGreaterThan(seedPassages);
      Files.delete(nvidia);
      bot.reloadNow();
      try (LoadedLibrary ask = load(Optional.of(botIndex))) {
        assertThat(ask.knowledge().articles()).hasSize(1);
        assertThat(ask.index().size()).isEqualTo(seedPassages);
      }
    }
  }

  @Test
  void keepsNoPassageTextOnTheHeap() {
    try (LoadedLibrary core = load(Optional.of(cache))) {
      assertThat(core.knowledge().articles()).allSatisfy(a -> assertThat(a.passages()).isEmpty());
      assertThat(core.answerer().passagesOf("aws-openai-trainium"))
          .filteredOn(p -> p.section() != Section.CURATED_FAQ)
          .hasSize(21);
    }
  }

  /** The seed copy loaded with the index under {@code indexRoot}, or in memory when empty. */
  private LoadedLibrary load(Optional<Path> indexRoot) {
    return LoadedLibrary.load(CONFIG, knowledge, indexRoot, TestConfig.model(CONFIG));
  }

  private static LoadedLibrary wire(LoadedLibrary.Loaded loaded) {
    return LoadedLibrary.wire(
        CONFIG, loaded, new TextAnalysis(), TestConfig.model(CONFIG), Optional.empty());
  }

  private Answer answer(Optional<Path> indexRoot) {
    try (LoadedLibrary core = load(indexRoot)) {
      return core.answerer().answer(QUESTION);
    }
  }

  private void replaceInArticle(String from, String to) throws IOException {
    String text = Files.readString(article, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(article, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** The folder of the knowledge copy's index: its snapshots, its index and its lock. */
  private Path liveFolder() throws IOException {
    try (Stream<Path> folders = Files.list(cache)) {
      return folders.findFirst().orElseThrow().resolve("live");
    }
  }

  private String nvidiaArticle() throws IOException {
    String seed = Files.readString(article, StandardCharsets.UTF_8);
    return "Nvidia ships Blackwell chips to every cloud\n" + seed.substring(seed.indexOf('\n') + 1);
  }
}
