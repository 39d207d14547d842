package org.briefbot.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small, deterministic generator of text hostile to parsers and formatters: arbitrary UTF-16
 * (control characters with NUL, invisible and bidi characters, noncharacters, emoji, halves of
 * surrogate pairs, markup), and lines mixing known fragments with such text. The same seed gives
 * the same text, so a failing test names the seed that reproduces it.
 */
public final class HostileText {
  /** Invisible, formatting and odd whitespace characters. */
  private static final String INVISIBLE =
      "\u200b\u200c\u200d\u2060\ufeff\u00ad\u034f\u202e\u202d\u200e\u200f\u180e\u00a0\u2028"
          + "\u2029\u3000\u0085\u061c\u2066\u2069";

  /** Characters that mean something in Markdown, YAML or HTML. */
  private static final String MARKUP = "<>&\"'[](){}*#-:!|\\`~_=+>%@?,.;/ \t\n";

  private final SplittableRandom random;

  public HostileText(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** An integer from {@code min} to {@code max}, both included. */
  public int between(int min, int max) {
    return random.nextInt(min, max + 1);
  }

  /** True about once in {@code n}. */
  public boolean oneIn(int n) {
    return random.nextInt(n) == 0;
  }

  public <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /**
   * Any UTF-16 text of at most {@code maxLength} chars, lone surrogates included; empty and very
   * short text more often than a uniform length would give.
   */
  public String anyString(int maxLength) {
    int length =
        switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1 -> Math.min(maxLength, between(1, 3));
          default -> between(0, maxLength);
        };
    StringBuilder text = new StringBuilder(length + 1);
    while (text.length() < length) {
      appendChar(text);
    }
    text.setLength(length); // may cut an emoji in half: one more lone surrogate
    return text.toString();
  }

  /**
   * Up to {@code maxLines} lines joined with line breaks, each one of {@code fragments} or, as
   * often, arbitrary text of at most {@code maxLineLength} chars.
   */
  public String lines(List<String> fragments, int maxLines, int maxLineLength) {
    int count = between(0, maxLines);
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(random.nextBoolean() ? pick(fragments) : anyString(maxLineLength));
    }
    return String.join("\n", lines);
  }

  /** Up to {@code maxWords} of {@code words}, joined with spaces. */
  public String words(List<String> words, int maxWords) {
    int count = between(0, maxWords);
    List<String> chosen = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      chosen.add(pick(words));
    }
    return String.join(" ", chosen);
  }

  private void appendChar(StringBuilder text) {
    switch (random.nextInt(12)) {
      case 0, 1, 2 -> text.append((char) between(0x20, 0x7e)); // printable ASCII
      case 3 -> text.append((char) between(0x00, 0x1f)); // control characters, NUL among them
      case 4 -> text.append(MARKUP.charAt(random.nextInt(MARKUP.length())));
      case 5 -> text.append(INVISIBLE.charAt(random.nextInt(INVISIBLE.length())));
      case 6 -> text.append((char) between(0xd800, 0xdbff)); // a high surrogate, alone
      case 7 -> text.append((char) between(0xdc00, 0xdfff)); // a low surrogate, alone
      case 8 -> text.appendCodePoint(between(0x1f300, 0x1faff)); // emoji
      case 9 -> text.appendCodePoint(between(0x10000, 0x10ffff)); // any supplementary code point
      case 10 -> text.append(random.nextBoolean() ? '\ufffe' : '\uffff'); // noncharacters
      default -> text.append((char) random.nextInt(0x10000)); // any UTF-16 code unit
    }
  }
}
