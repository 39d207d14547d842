package org.briefbot.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real seed article checked in under knowledge/, and edits that break it the ways files break.
 */
final class Seed {
  static final Path KNOWLEDGE = Path.of("knowledge");
  static final Path ARTICLE = KNOWLEDGE.resolve("articles/aws-openai-trainium.txt");
  static final Path FAQ = KNOWLEDGE.resolve("faq/aws-openai-trainium.yaml");
  static final Path ENTITIES = KNOWLEDGE.resolve("entities/entities.yaml");

  private Seed() {}

  static String article() {
    return read(ARTICLE);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The seed without the section whose heading line names {@code heading}, up to the next heading.
   */
  static String withoutSection(String heading, String nextHeading) {
    String text = article();
    return text.substring(0, lineStart(text, heading))
        + text.substring(lineStart(text, nextHeading));
  }

  /**
   * The section whose heading line names {@code heading}, heading line included; "" runs to the
   * end.
   */
  static String section(String heading, String nextHeading) {
    String text = article();
    int end = nextHeading.isEmpty() ? text.length() : lineStart(text, nextHeading);
    return text.substring(lineStart(text, heading), end);
  }

  /** Where the line containing {@code words} starts (headings carry junk before their words). */
  static int lineStart(String text, String words) {
    int at = text.indexOf(words);
    if (at < 0) {
      throw new IllegalArgumentException("seed has no " + words);
    }
    return text.lastIndexOf('\n', at) + 1;
  }

  static String replace(String text, String target, String replacement) {
    if (!text.contains(target)) {
      throw new IllegalArgumentException("seed has no " + target);
    }
    return text.replace(target, replacement);
  }
}
