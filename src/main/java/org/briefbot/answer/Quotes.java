package org.briefbot.answer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reported speech: sentences that report someone's words ("Lagarde said ..."), and questions that
 * ask for them ("what did lagarde say?").
 */
public final class Quotes {
  private static final Pattern REPORTED =
      Pattern.compile(
          "\\b(?:said|says|say|told|according to|wrote|writes|argued|argues|added|noted|warned"
              + "|stated|called|calls|quoted)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "what did lagarde say", "and what has jensen huang said about china?". */
  private static final Pattern ASKS_WHAT_WAS_SAID =
      Pattern.compile(
          "^(?:and |so )?what (?:did|does|has|have) (.+?) (?:say|said|tell us|told us|write|wrote"
              + "|warn|warned|announce|announced|claim|argue|think)( about .+?)?[\\s?.!]*$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
  private static final List<String> NOT_NAMES = List.of("the", "they", "you", "she", "her", "his");

  private Quotes() {}

  /** Whether {@code sentence} reports someone's words. */
  public static boolean reports(String sentence) {
    return REPORTED.matcher(sentence).find();
  }

  /**
   * Whose words a question asks for.
   *
   * @param words the words naming them, lower case: "christine", "lagarde"
   * @param aboutSomething whether it asks what they said about something: "what did lagarde say
   *     about cuts"
   */
  record Speaker(List<String> words, boolean aboutSomething) {
    Speaker {
      words = List.copyOf(words);
    }
  }

  /** Whose words {@code question} asks for, if it asks that. */
  static Optional<Speaker> speakerAsked(String question) {
    Matcher m = ASKS_WHAT_WAS_SAID.matcher(question.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    List<String> words =
        WORD.matcher(m.group(1).toLowerCase(Locale.ROOT))
            .results()
            .map(r -> r.group())
            .filter(w -> !NOT_NAMES.contains(w))
            .toList();
    return words.isEmpty() ? Optional.empty() : Optional.of(new Speaker(words, m.group(2) != null));
  }

  /** Whether {@code sentence} reports the words of someone named by one of {@code speaker}. */
  static boolean reportsWordsOf(String sentence, List<String> speaker) {
    if (!reports(sentence)) {
      return false;
    }
    String lower = sentence.toLowerCase(Locale.ROOT);
    return WORD.matcher(lower).results().anyMatch(r -> speaker.contains(r.group()));
  }
}
