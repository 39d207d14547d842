package org.briefbot.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFormatTest {
  @Test
  void isGeneratedByTheBuildFromTheSourcesAndLibraryVersions() {
    assertThat(IndexFormat.current())
        .isNotBlank()
        .matches(
            "sources-sha256:[0-9a-f]{64} lucene:\\S+ jackson:\\S+ langchain4j-embeddings:\\S+");
  }

  @Test
  void isStableAcrossReads() {
    assertThat(IndexFormat.current()).isEqualTo(IndexFormat.current());
  }

  @Test
  void namesADifferentCacheEntryForTheSameFolderWhenItChanges(@TempDir Path knowledge)
      throws Exception {
    Files.createDirectories(knowledge.resolve("articles"));
    Files.writeString(knowledge.resolve("articles/a.txt"), "Title\n\nText.");

    Fingerprint current = Fingerprint.of(knowledge, IndexFormat.current());
    Fingerprint other = Fingerprint.of(knowledge, IndexFormat.current() + " edited");

    assertThat(other.folder()).isEqualTo(current.folder());
    assertThat(other.key()).isNotEqualTo(current.key());
    assertThat(current.lines()).contains("format\t" + IndexFormat.current());
  }
}
