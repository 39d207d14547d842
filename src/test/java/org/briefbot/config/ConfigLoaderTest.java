package org.briefbot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
