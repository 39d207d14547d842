package org.briefbot.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries of the on-disk cache as two writers and a damaged entry leave them. */
class IndexCacheTest {
  @TempDir Path dir;

  private Fingerprint fingerprint() throws IOException {
    Path knowledge = dir.resolve("knowledge");
    Files.createDirectories(knowledge.resolve("articles"));
    Files.writeString(knowledge.resolve("articles/one.txt"), "One\nbody\n");
    return Fingerprint.of(knowledge, "test-format");
  }

  @Test
  void keepsTheEntryPublishedFirstWhenTwoWritersStageTheSameFolder() throws IOException {
    IndexCache cache = new IndexCache(dir.resolve("index"));
    Fingerprint fingerprint = fingerprint();
    Path first = cache.stage(fingerprint);
    Path second = cache.stage(fingerprint);
    Files.writeString(first.resolve("data"), "first");
    Files.writeString(second.resolve("data"), "second");

    Path published = cache.publish(first, fingerprint);
    Path again = cache.publish(second, fingerprint);

    assertThat(again).isEqualTo(published);
    assertThat(Files.readString(again.resolve("data"))).isEqualTo("first");
    assertThat(second).doesNotExist();
    assertThat(cache.find(fingerprint)).contains(published);
  }

  @Test
  void evictsAnEntrySoThatItIsWrittenAgain() throws IOException {
    IndexCache cache = new IndexCache(dir.resolve("index"));
    Fingerprint fingerprint = fingerprint();
    Path entry = cache.publish(cache.stage(fingerprint), fingerprint);

    cache.evict(fingerprint);

    assertThat(cache.find(fingerprint)).isEmpty();
    assertThat(entry).doesNotExist();
    Path staged = cache.stage(fingerprint);
    Files.writeString(staged.resolve("data"), "rewritten");
    assertThat(cache.publish(staged, fingerprint)).isEqualTo(entry);
    assertThat(Files.readString(entry.resolve("data"))).isEqualTo("rewritten");
  }

  @Test
  void discardsAStagedEntryWhoseWritingFailed() throws IOException {
    IndexCache cache = new IndexCache(dir.resolve("index"));
    Fingerprint fingerprint = fingerprint();
    Path staged = cache.stage(fingerprint);
    Files.writeString(staged.resolve("half"), "written");

    cache.discard(staged);

    assertThat(staged).doesNotExist();
    try (Stream<Path> left = Files.list(staged.getParent())) {
      assertThat(left).isEmpty();
    }
  }
}
