package org.briefbot.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state of a knowledge folder as cheaply as it can be read: every file's path, size and
 * modification time, no content. Editing, adding, removing or touching a file changes it.
 *
 * @param folder a short hash of the folder's absolute path: entries of one folder replace each
 *     other
 * @param key a short hash of all of it (and of {@code indexFormat}), names the cache entry
 * @param lines one line per file, sorted, "relative/path\tsize\tmtime", for people and diffs
 */
public record Fingerprint(String folder, String key, List<String> lines) {
  /** The sub-folders {@code KnowledgeLoader} reads. */
  private static final List<String> FOLDERS = List.of("articles", "faq", "entities");

  public Fingerprint {
    lines = List.copyOf(lines);
  }

  /**
   * @param indexFormat the code that writes the index, usually from {@link IndexFormat}: an entry
   *     written by other code is never read as if it were current
   */
  public static Fingerprint of(Path knowledgeDir, String indexFormat) {
    List<String> lines = new ArrayList<>();
    String folderLine = "folder\t" + knowledgeDir.toAbsolutePath().normalize();
    lines.add(folderLine);
    lines.add("format\t" + indexFormat);
    for (String sub : FOLDERS) {
      lines.addAll(files(knowledgeDir, sub));
    }
    return new Fingerprint(hash(List.of(folderLine)), hash(lines), lines);
  }

  private static List<String> files(Path knowledgeDir, String folder) {
    Path dir = knowledgeDir.resolve(folder);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> listing = Files.list(dir)) {
      return listing.map(file -> line(knowledgeDir, file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String line(Path knowledgeDir, Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return knowledgeDir.relativize(file)
          + "\t"
          + attributes.size()
          + "\t"
          + attributes.lastModifiedTime().toInstant();
    } catch (IOException e) {
      // Unreadable now: a line that never matches a stored one, so the folder is loaded afresh and
      // the loader reports it.
      return knowledgeDir.relativize(file) + "\tunreadable\t" + e.getClass().getSimpleName();
    }
  }

  private static String hash(List<String> lines) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String line : lines) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
