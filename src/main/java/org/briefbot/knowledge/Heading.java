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
          .sorted(
              Comparator.comparingInt((Map.Entry<String, Heading> e) -> e.getKey().length())
                  .reversed())
          .toList();

  /** The last letter of every spelling: a line ending in anything else names no heading. */
  private static final String LAST_LETTERS =
      SPELLINGS.stream()
          .map(spelling -> spelling.getKey().substring(spelling.getKey().length() - 1))
          .distinct()
          .reduce("", String::concat);

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
    if (cannotBeHeading(line)) {
      return Optional
          .empty(); // most lines: a sentence ending in '.', checked without a regular expression
    }
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

  /**
   * True when the line, without its trailing marks, ends in an ASCII character no spelling ends
   * with, so {@link #match} would find nothing. Only ASCII is judged here: lower-casing other
   * characters may change the text's length or give an ASCII letter (the Kelvin sign gives 'k'). A
   * line ending in a Unicode line separator is left to the regular expression, whose '$' may match
   * before it.
   */
  private static boolean cannotBeHeading(String line) {
    int end = line.length();
    while (end > 0 && isTrailingMark(line.charAt(end - 1))) {
      end--;
    }
    if (end == 0) {
      return true;
    }
    char last = line.charAt(line.length() - 1);
    if (last == '\u0085' || last == '\u2028' || last == '\u2029') {
      return false;
    }
    char c = line.charAt(end - 1);
    return c < 0x80 && LAST_LETTERS.indexOf(Character.toLowerCase(c)) < 0;
  }

  /**
   * The characters of {@link #TRAILING_MARKS}: {@code \\s} (ASCII white space), '*', '_', '#' and
   * ':'.
   */
  private static boolean isTrailingMark(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\u000B'
        || c == '\f'
        || c == '\r'
        || c == '*'
        || c == '_'
        || c == '#'
        || c == ':';
  }

  private static boolean isJunkPrefix(String prefix) {
    // "- Background" is a list item that happens to end with a heading word, not a heading.
    return !ASCII_ALNUM.matcher(prefix).find() && !BULLET_ONLY.matcher(prefix.strip()).matches();
  }
}
