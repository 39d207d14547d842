package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.TestConfig;
import org.briefbot.answer.Answer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.knowledge.Section;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexCacheTest {
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
  void answersTheSameFromTheCacheAsFromAFreshLoad() {
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
  void loadsAChangedFolderAfreshAndDropsTheOldEntry() throws IOException {
    answer(Optional.of(cache));
    String text =
        Files.readString(article, StandardCharsets.UTF_8)
            .replace("$138 billion AWS deal", "$139 billion AWS deal");
    Files.writeString(article, text, StandardCharsets.UTF_8);

    try (LoadedLibrary core = load(Optional.of(cache))) {
      assertThat(core.answerer().passagesOf("aws-openai-trainium"))
          .anySatisfy(p -> assertThat(p.text()).contains("$139 billion"));
    }
    try (Stream<Path> folders = Files.list(cache);
        Stream<Path> entries = Files.list(Files.list(cache).findFirst().orElseThrow())) {
      assertThat(folders.count()).isEqualTo(1);
      assertThat(entries.count()).isEqualTo(1);
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

  /** The seed copy loaded with the index in {@code indexCache}, or in memory when empty. */
  private LoadedLibrary load(Optional<Path> indexCache) {
    return LoadedLibrary.load(CONFIG, knowledge, indexCache, TestConfig.model(CONFIG));
  }

  private Answer answer(Optional<Path> indexCache) {
    try (LoadedLibrary core = load(indexCache)) {
      return core.answerer().answer(QUESTION);
    }
  }
}
