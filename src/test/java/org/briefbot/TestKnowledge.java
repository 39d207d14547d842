package org.briefbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.briefbot.app.LoadedLibrary;

/** The shipped knowledge folder and small knowledge folders built in tests from real files. */
public final class TestKnowledge {
  /** The knowledge folder the product ships: the seed article, curated FAQ and entities. */
  public static final Path SHIPPED = Path.of("knowledge");

  public static final Path SEED_ARTICLE = SHIPPED.resolve("articles/aws-openai-trainium.txt");

  private TestKnowledge() {}

  /**
   * The answering core over the shipped knowledge with the tests' defaults ({@link TestConfig}).
   */
  public static LoadedLibrary shippedCore() {
    return TestConfig.load(TestConfig.defaults(), SHIPPED);
  }

  /** A copy of the shipped knowledge in {@code dir}, to add or break files in. */
  public static Path copyShipped(Path dir) throws IOException {
    for (String sub : new String[] {"articles", "faq", "entities"}) {
      Path from = SHIPPED.resolve(sub);
      Path to = Files.createDirectories(dir.resolve(sub));
      try (var files = Files.list(from)) {
        for (Path file : files.toList()) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
    return dir;
  }

  /** A second real article in the seed's format, the ECB's June rate cut (test data only). */
  public static final Path ECB_ARTICLE =
      Path.of("src/test/resources/articles/ecb-rate-cut-june.txt");

  /** {@link #copyShipped} with {@link #ECB_ARTICLE} beside the seed: two stories to tell apart. */
  public static Path copyShippedWithEcb(Path dir) throws IOException {
    copyShipped(dir);
    Files.copy(ECB_ARTICLE, dir.resolve("articles").resolve(ECB_ARTICLE.getFileName()));
    return dir;
  }

  /** A news article on a Texas heatwave (one of src/test/resources/heldout's, nothing fits it). */
  public static final Path TEXAS_GRID_ARTICLE =
      Path.of("src/test/resources/heldout/texas-grid-heatwave.txt");

  /** {@link #copyShipped} with {@link #TEXAS_GRID_ARTICLE} beside the seed. */
  public static Path copyShippedWithTexasGrid(Path dir) throws IOException {
    copyShipped(dir);
    Files.copy(
        TEXAS_GRID_ARTICLE, dir.resolve("articles").resolve(TEXAS_GRID_ARTICLE.getFileName()));
    return dir;
  }

  /**
   * A running story: three dated articles on one central bank's rate cuts, each repeating the
   * earlier ones' background and restating their figures (bench/running-stories, written here).
   */
  public static final List<Path> RUNNING_STORY =
      Stream.of("march", "april", "june")
          .map(m -> Path.of("bench/running-stories/articles/kestrel-bank-rates-" + m + ".txt"))
          .toList();

  /** {@link #copyShipped} with the {@link #RUNNING_STORY}'s three articles beside the seed. */
  public static Path copyShippedWithRunningStory(Path dir) throws IOException {
    copyShipped(dir);
    for (Path article : RUNNING_STORY) {
      Files.copy(article, dir.resolve("articles").resolve(article.getFileName()));
    }
    return dir;
  }

  /** The 24 reader-worded tuning articles, each beside its gold file: news on other subjects. */
  public static final Path READER_ARTICLES = Path.of("src/test/resources/tuning/reader-articles");

  /**
   * Copies the {@link #READER_ARTICLES} into the folder {@code articles} (created if missing).
   *
   * @return the articles copied, by file name
   */
  public static List<Path> copyReaderArticles(Path articles) throws IOException {
    Files.createDirectories(articles);
    List<Path> copied;
    try (var files = Files.list(READER_ARTICLES)) {
      copied = files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    for (Path article : copied) {
      Files.copy(article, articles.resolve(article.getFileName()));
    }
    return copied;
  }

  public static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /**
   * A second article in the seed's format about another subject, for tests where several articles
   * share one index. Test data only: it never ships.
   */
  public static final String SECOND_ARTICLE =
      """
      Microsoft expands Azure data centers in Norway with hydropower deal
      #Microsoft #Azure #Norway #data centers #renewable energy
      \u03c0 Key Takeaways
      - Microsoft will build three new Azure data centers near Oslo.
      - The sites will run entirely on hydropower under a 15-year supply contract.
      \u03c0\u00b7\u03bf\u0388 Themes
      Cloud Computing, Energy
      \u03c0 Related People & Topics
      Microsoft Azure
      Cloud computing platform
      Microsoft Azure is the cloud computing platform operated by Microsoft for application management via data centers.
      Statkraft
      Norwegian state-owned hydropower company
      Statkraft is a hydropower company wholly owned by the Norwegian state and Europe's largest generator of renewable energy.
      Deep Analysis
      Why It Matters
      Cheap renewable power lets Microsoft cut the energy cost of its Nordic cloud region while meeting its carbon goals.
      Context & Background
      - Norway's electricity comes almost entirely from hydropower, which keeps industrial power prices among the lowest in Europe.
      What Happens Next
      Construction of the first Oslo site starts in spring, with the region opening to customers within two years.
      Frequently Asked Questions
      The hydropower supply contract with Statkraft runs for 15 years and covers all three Oslo data centers.
      """;

  /**
   * Every question of the gold files a clone has (the seed's, the held-out articles', the CI
   * squad-newsroom articles'), and of the seven news articles in {@code ../shared} when present:
   * what readers ask, for checks that a phrase taken for something else is none of them.
   */
  public static List<String> goldQuestions() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> questions = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path folder :
        List.of(
            Path.of("src/test/resources/gold"),
            Path.of("src/test/resources/heldout"),
            Path.of("src/test/resources/squad-newsroom/gold"),
            Path.of("../shared/articles"))) {
      if (Files.isDirectory(folder)) {
        try (Stream<Path> listed = Files.list(folder)) {
          listed.filter(p -> p.toString().endsWith(".jsonl")).sorted().forEach(files::add);
        }
      }
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          try {
            questions.add(json.readTree(line).path("q").asText());
          } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
          }
        }
      }
    }
    return questions;
  }
}
