package org.briefbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.briefbot.retrieval.Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @Test
  void shippedConfigFileStatesExactlyTheDefaults() {
    BriefbotConfig shipped = loader.load(Optional.of(Path.of("config/briefbot.yaml")));
    assertThat(shipped).isEqualTo(BriefbotConfig.defaults());
  }

  @Test
  void noFileMeansDefaults() {
    assertThat(loader.load(Optional.empty())).isEqualTo(BriefbotConfig.defaults());
  }

  @Test
  void fileWithOneKeyKeepsTheOtherDefaults(@TempDir Path dir) throws IOException {
    Path file = write(dir, "answer:\n  threshold: 0.5\n");
    BriefbotConfig config = loader.load(Optional.of(file));
    assertThat(config.answer().threshold()).isEqualTo(0.5);
    assertThat(config.answer().alternatives())
        .isEqualTo(BriefbotConfig.defaults().answer().alternatives());
    assertThat(config.retrieval()).isEqualTo(BriefbotConfig.defaults().retrieval());
  }

  @Test
  void unknownKeyFailsNamingTheKey(@TempDir Path dir) throws IOException {
    Path file = write(dir, "retrieval:\n  k3: 1.2\n");
    assertThatThrownBy(() -> loader.load(Optional.of(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": unknown config key 'retrieval.k3'");
  }

  @Test
  void unknownTopLevelKeyFailsNamingTheKey(@TempDir Path dir) throws IOException {
    Path file = write(dir, "telegramm:\n  mode: webhook\n");
    assertThatThrownBy(() -> loader.load(Optional.of(file)))
        .hasMessage(file + ": unknown config key 'telegramm'");
  }

  @ParameterizedTest
  @CsvSource({
    "'retrieval:\n  mode: fast\n', 'retrieval.mode', 'bm25, semantic, hybrid: fast'",
    "'telegram:\n  mode: push\n', 'telegram.mode', 'polling, webhook: push'"
  })
  void modeOutsideItsChoicesNamesKeyAndChoices(
      String yaml, String key, String choices, @TempDir Path dir) throws IOException {
    Path file = write(dir, yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> loader.load(Optional.of(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": config key '" + key + "' must be one of " + choices);
  }

  @Test
  void modesAreReadInAnyCase(@TempDir Path dir) throws IOException {
    Path file =
        write(dir, "retrieval:\n  mode: BM25\n  semantic: false\ntelegram:\n  mode: Webhook\n");
    BriefbotConfig config = loader.load(Optional.of(file));
    assertThat(config.retrieval().mode()).isEqualTo(Mode.BM25);
    assertThat(config.telegram().mode()).isEqualTo(BriefbotConfig.TelegramConfig.Delivery.WEBHOOK);
  }

  @Test
  void thresholdOutsideZeroToOneIsRefused(@TempDir Path dir) throws IOException {
    Path file = write(dir, "answer:\n  threshold: 1.5\n");
    assertThatThrownBy(() -> loader.load(Optional.of(file)))
        .hasMessage("answer.threshold must be in [0,1]: 1.5");
  }

  @Test
  void brokenYamlNamesFileAndLine(@TempDir Path dir) throws IOException {
    Path file = write(dir, "answer:\n  threshold: [0.5\n");
    assertThatThrownBy(() -> loader.load(Optional.of(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missingFileIsReported() {
    assertThatThrownBy(() -> loader.load(Optional.of(Path.of("no/such.yaml"))))
        .hasMessage("Config file not found: no/such.yaml");
  }

  private static Path write(Path dir, String yaml) throws IOException {
    return Files.writeString(dir.resolve("briefbot.yaml"), yaml);
  }
}
