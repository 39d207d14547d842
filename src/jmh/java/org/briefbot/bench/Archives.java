package org.briefbot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.briefbot.synthetic.ArchiveGenerator;

/**
 * The knowledge folders benchmarks run on: "seed" is the shipped knowledge/ folder, "1k", "10k" and
 * "100k" are synthetic archives generated (once, seed 1) under target/bench-archives.
 */
final class Archives {
  static final Path ROOT =
      Path.of(System.getProperty("briefbot.bench.dir", "target/bench-archives"));
  private static final long SEED = 1;
  private static final int QUESTIONS = 512;

  private Archives() {}

  static Path folder(String archive) {
    if (archive.equals("seed")) {
      return Path.of("knowledge");
    }
    int articles = articles(archive);
    Path folder = ROOT.resolve(archive);
    Path done = folder.resolve(".complete");
    if (!Files.exists(done)) {
      new ArchiveGenerator(SEED).generate(articles, folder);
      try {
        Files.writeString(done, articles + "\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return folder;
  }

  /**
   * Where an archive's index is kept between runs in {@code mode}; bench/run has LoadReport build
   * it first. Hybrid has a folder of its own: the bot keeps one index per knowledge folder, in one
   * format, so a hybrid load over a BM25 index would rebuild it with vectors on every run.
   */
  static Path index(String archive, String mode) {
    return ROOT.resolve(mode.equals("bm25") ? "index-" + archive : "index-" + archive + "-" + mode);
  }

  static int articles(String archive) {
    if (!archive.matches("\\d+k")) {
      throw new IllegalArgumentException("archive is seed or <N>k: " + archive);
    }
    return Integer.parseInt(archive.substring(0, archive.length() - 1)) * 1000;
  }

  /**
   * The seed's gold questions (answerable and out-of-scope), or questions about the synthetic
   * archive.
   */
  static List<String> questions(String archive) {
    if (!archive.equals("seed")) {
      return new ArchiveGenerator(SEED).questions(QUESTIONS);
    }
    try {
      ObjectMapper json = new ObjectMapper();
      List<String> questions = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("src/test/resources/gold/seed.jsonl"))) {
        if (!line.isBlank()) {
          questions.add(json.readTree(line).get("q").asText());
        }
      }
      return questions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
