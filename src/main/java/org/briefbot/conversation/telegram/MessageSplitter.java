package org.briefbot.conversation.telegram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Telegram HTML longer than one message into messages that are each valid on their own: at a
 * paragraph break where possible, else a line break, a sentence end, a space, and only as a last
 * resort anywhere. Never inside a tag or an entity such as {@code &amp;}; a tag open at the cut
 * ({@code <b>} around a long key sentence) is closed at the end of one part and reopened at the
 * start of the next.
 */
final class MessageSplitter {
  /** Telegram's limit for a message's text. Counting the markup too keeps us safely under it. */
  static final int TELEGRAM_LIMIT = 4096;

  private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?…][\"')\\]]?(?= )");

  private final int limit;

  MessageSplitter() {
    this(TELEGRAM_LIMIT);
  }

  MessageSplitter(int limit) {
    if (limit < 64) {
      throw new IllegalArgumentException("limit < 64: " + limit);
    }
    this.limit = limit;
  }

  /** The parts, in order; one part when {@code html} fits. Blank input gives one blank part. */
  List<String> split(String html) {
    List<String> parts = new ArrayList<>();
    String rest = html.strip();
    while (rest.length() > limit) {
      int cut = cutPoint(rest);
      Deque<String> open = openTagsAt(rest, cut);
      parts.add(rest.substring(0, cut).stripTrailing() + closing(open));
      rest = opening(open) + rest.substring(cut).stripLeading();
    }
    parts.add(rest);
    return parts;
  }

  /**
   * Where to cut: the last paragraph break that leaves a first part of at least a quarter of the
   * limit, else the last line break, sentence end or space that does; else as far as fits.
   */
  private int cutPoint(String html) {
    int floor = limit / 4;
    for (Pattern boundary :
        List.of(
            Pattern.compile("\n\n"), Pattern.compile("\n"), SENTENCE_END, Pattern.compile(" "))) {
      List<Integer> ends = new ArrayList<>();
      Matcher m = boundary.matcher(html);
      while (m.find() && m.end() <= limit) {
        if (m.end() >= floor) {
          ends.add(m.end());
        }
      }
      // The last that fits, tried from the end: each try rescans the tags before it.
      for (int i = ends.size() - 1; i >= 0; i--) {
        if (fits(html, ends.get(i))) {
          return ends.get(i);
        }
      }
    }
    return hardCut(html);
  }

  /**
   * The furthest point that fits, backed off to the start of any tag, entity or surrogate pair it
   * splits.
   */
  private int hardCut(String html) {
    for (int cut = limit; cut > 0; cut--) {
      if (safe(html, cut) && fits(html, cut)) {
        return cut;
      }
    }
    throw new IllegalStateException(
        "no place to split a message of " + html.length() + " characters");
  }

  /** True when a part ending at {@code cut}, with its closing tags, stays within the limit. */
  private boolean fits(String html, int cut) {
    return safe(html, cut) && cut + closing(openTagsAt(html, cut)).length() <= limit;
  }

  private static boolean safe(String html, int cut) {
    int lastLt = html.lastIndexOf('<', cut - 1);
    boolean inTag = lastLt >= 0 && html.indexOf('>', lastLt) >= cut;
    int lastAmp = html.lastIndexOf('&', cut - 1);
    boolean inEntity =
        lastAmp >= 0
            && html.indexOf(';', lastAmp) >= cut
            && html.indexOf(';', lastAmp) - lastAmp < 10;
    boolean inPair = Character.isHighSurrogate(html.charAt(cut - 1));
    return !inTag && !inEntity && !inPair;
  }

  /** The opening tags (with their attributes) still open at {@code cut}, outermost first. */
  private static Deque<String> openTagsAt(String html, int cut) {
    Deque<String> open = new ArrayDeque<>();
    Matcher m = TAG.matcher(html).region(0, cut); // a tag that ends after the cut is not open yet
    while (m.find()) {
      if (m.group(1).isEmpty()) {
        open.addLast(m.group());
      } else if (!open.isEmpty()) {
        open.removeLast();
      }
    }
    return open;
  }

  private static String closing(Deque<String> open) {
    StringBuilder out = new StringBuilder();
    open.descendingIterator()
        .forEachRemaining(tag -> out.append("</").append(name(tag)).append('>'));
    return out.toString();
  }

  private static String opening(Deque<String> open) {
    return String.join("", open);
  }

  private static String name(String openTag) {
    Matcher m = TAG.matcher(openTag);
    if (!m.matches()) {
      throw new IllegalStateException("not a tag: " + openTag);
    }
    return m.group(2);
  }
}
