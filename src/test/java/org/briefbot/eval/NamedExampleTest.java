package org.briefbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The named examples {@code train} judges every fit on: each expected text is in the article it is
 * asked of, so that a miss in train's report is the models', not a typo's.
 */
class NamedExampleTest {
  private static final Path NAMED = Path.of("src/test/resources/tuning/named-examples.jsonl");
  private static final Path SHARED = Path.of("../shared");

  @Test
  void everyExpectedTextIsInTheArticlesItIsAskedOf() throws IOException {
    List<NamedExample> examples = NamedExample.read(NAMED);
    assertThat(examples).extracting(NamedExample::news).contains(List.of());
    assertThat(examples).filteredOn(e -> e.expect().isEmpty()).isNotEmpty();

    for (NamedExample example : examples) {
      List<Path> articles = articlesOf(example);
      if (articles.stream().allMatch(Files::exists)) {
        String text = read(articles);
        assertThat(example.expect()).as(example.q()).allMatch(text::contains);
      }
    }
  }

  @Test
  void anExampleIsAskedOfNewsBesideTheSeedOrOfSquadNotBoth(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("named.jsonl");
    Files.writeString(
        file,
        "{\"q\": \"what is the rate\", \"expect\": [\"2%\"], \"news\": [\"ecb\"]}\n\n"
            + "{\"q\": \"how long\", \"expect\": [], \"news\": [\"ecb\"], \"squad\": [\"hill\"]}\n");

    assertThatThrownBy(() -> NamedExample.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("named.jsonl:3: not a named example")
        .hasMessageContaining("news beside the seed or of squad, not both");
  }

  private static List<Path> articlesOf(NamedExample example) {
    if (!example.squad().isEmpty()) {
      Path squad = SHARED.resolve("benchmarks/squad-newsroom/knowledge/articles");
      return example.squad().stream().map(a -> squad.resolve(a + ".txt")).toList();
    }
    Path seed = Path.of("knowledge/articles/aws-openai-trainium.txt");
    return Stream.concat(
            Stream.of(seed),
            example.news().stream().map(a -> SHARED.resolve("articles/" + a + ".txt")))
        .toList();
  }

  private static String read(List<Path> files) throws IOException {
    StringBuilder text = new StringBuilder();
    for (Path file : files) {
      text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
    }
    return text.toString();
  }
}
