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

class RetrievalConfigTest {
  @TempDir Path dir;

  private BriefbotConfig load(String yaml) throws IOException {
    return new ConfigLoader()
        .load(Optional.of(Files.writeString(dir.resolve("briefbot.yaml"), yaml)));
  }

  @Test
  void refusesSemanticModeWithoutTheModel() {
    assertThatThrownBy(() -> load("retrieval:\n  mode: hybrid\n  semantic: false\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("retrieval.mode hybrid needs retrieval.semantic: true (the embedding model)");
  }

  @Test
  void acceptsPureBm25() throws IOException {
    BriefbotConfig config = load("retrieval:\n  mode: bm25\n  semantic: false\n");

    assertThat(config.retrieval().mode()).isEqualTo(Mode.BM25);
    assertThat(config.retrieval().semantic()).isFalse();
  }

  @Test
  void shippedConfigFileHoldsTheDefaults() {
    BriefbotConfig shipped =
        new ConfigLoader().load(Optional.of(Path.of("config", "briefbot.yaml")));

    assertThat(shipped).isEqualTo(BriefbotConfig.defaults());
  }

  @Test
  void modeOptionLoadsTheModelForSemanticModesOnly() {
    BriefbotConfig.RetrievalConfig configured = BriefbotConfig.defaults().retrieval();

    assertThat(configured.inMode(Mode.BM25).semantic()).isFalse();
    assertThat(configured.inMode(Mode.SEMANTIC).semantic()).isTrue();
    assertThat(configured.inMode(Mode.HYBRID).semantic()).isTrue();
  }
}
