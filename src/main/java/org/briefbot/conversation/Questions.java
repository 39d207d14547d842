package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The questions one message asks. Readers type several at once ("How much is the AWS deal worth?
 * Who signed it?"); asked as one, their words pull the search toward passages that fit neither, so
 * each is answered on its own and the surest answer leads.
 */
final class Questions {
  /** Questions answered from one message at most; any after these stay with the last one. */
  static final int MAX = 4;

  /**
   * Fewer words than this end no question of their own ("Really? How much is it worth?"): they stay
   * with the question after them, or the one before when last.
   */
  private static final int MIN_WORDS = 3;

  /** A question mark (Latin, full-width or Arabic) that ends a sentence. */
  private static final Pattern END = Pattern.compile("[?\uFF1F\u061F]+(?=\\s|$)");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  private Questions() {}

  /**
   * The message's questions in the order asked, each ending at its question mark; text after the
   * last one stays with it. One element, the message itself, when it asks one question or its parts
   * are too short to stand alone.
   */
  static List<String> of(String message) {
    List<String> parts = new ArrayList<>();
    Matcher end = END.matcher(message);
    int from = 0;
    while (end.find()) {
      parts.add(message.substring(from, end.end()).strip());
      from = end.end();
    }
    String rest = message.substring(from).strip();
    if (parts.isEmpty()) {
      return List.of(message);
    }
    if (!rest.isEmpty()) {
      parts.set(parts.size() - 1, parts.get(parts.size() - 1) + " " + rest);
    }
    List<String> questions = standingAlone(parts);
    if (questions.size() > MAX) {
      String last = String.join(" ", questions.subList(MAX - 1, questions.size()));
      questions = new ArrayList<>(questions.subList(0, MAX - 1));
      questions.add(last);
    }
    return questions.size() < 2 ? List.of(message) : questions;
  }

  /**
   * The parts, each too short to stand alone joined to the one after it (the last to the one
   * before).
   */
  private static List<String> standingAlone(List<String> parts) {
    List<String> joined = new ArrayList<>();
    StringBuilder carried = new StringBuilder();
    int carriedWords = 0;
    for (String part : parts) {
      if (carried.length() > 0) {
        carried.append(' ');
      }
      carried.append(part);
      carriedWords += words(part);
      if (carriedWords >= MIN_WORDS) {
        joined.add(carried.toString());
        carried.setLength(0);
        carriedWords = 0;
      }
    }
    if (carried.length() > 0) {
      if (joined.isEmpty()) {
        joined.add(carried.toString());
      } else {
        joined.set(joined.size() - 1, joined.get(joined.size() - 1) + " " + carried);
      }
    }
    return joined;
  }

  private static int words(String text) {
    int count = 0;
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      count++;
    }
    return count;
  }
}
