package org.briefbot.knowledge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The section headings an article file may use, and how to recognise them under junk. */
enum Heading {
  KEY_TAKEAWAYS("Key Takeaways"),
  THEMES("Themes"),
  RELATED("Related People & Topics", "Related People and Topics"),
  INTERSECTION_GRAPH("Entity Intersection Graph"),
  MENTIONED("Mentioned Entities"),
  DEEP_ANALYSIS("Deep Analysis"),
  WHY_IT_MATTERS("Why It Matters"),
  BACKGROUND("Context & Background", "Context and Background", "Background"),
  WHAT_HAPPENS_NEXT("What Happens Next"),
  FAQ("Frequently Asked Questions", "FAQs", "FAQ");

  /** Markdown and punctuation that may close a heading line: "**Themes:**", "## FAQ ##". */
  private static final Pattern TRAILING_MARKS = Pattern.compile("[\\s*_#:]+$");
  private static final Pattern ASCII_ALNUM = Pattern.compile("[A-Za-z0-9]");
  private static final Pattern BULLET_ONLY = Pattern.compile("[-*•+]");
  /** Longest spelling first, so "Context & Background" wins over "Background". */
  private static final List<Map.Entry<String, Heading>> SPELLINGS =
      Arrays.stream(values())
          .flatMap(h -> h.spellings.stream().map(s -> Map.entry(s.toLowerCase(Locale.ROOT), h)))
          .sorted(Comparator.comparingInt((Map.Entry<String, Heading> e) -> e.getKey().length()).reversed())
          .toList();

  private final String label;
  private final List<String> spellings;

  Heading(String label, String... otherSpellings) {
    this.label = label;
    this.spellings = Stream.concat(Stream.of(label), Arrays.stream(otherSpellings)).toList();
  }

  String label() {
    return label;
  }

  /**
   * The heading a line names, if it is one: it ends with a known heading text and what stands
   * before it has no ASCII letter or digit (mojibake such as "π·οΈ " or Markdown "## ").
   */
  static Optional<Heading> match(String line) {
    String text = TRAILING_MARKS.matcher(line).replaceFirst("");
    String lower = text.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Heading> spelling : SPELLINGS) {
      if (lower.endsWith(spelling.getKey())) {
        String prefix = text.substring(0, text.length() - spelling.getKey().length());
        return isJunkPrefix(prefix) ? Optional.of(spelling.getValue()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean isJunkPrefix(String prefix) {
    // "- Background" is a list item that happens to end with a heading word, not a heading.
    return !ASCII_ALNUM.matcher(prefix).find() && !BULLET_ONLY.matcher(prefix.strip()).matches();
  }
}
