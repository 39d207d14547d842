package org.briefbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs of capitalised words in a sentence ("Marloes Verbeek", "Maasvlakte Container Terminals"):
 * where a person, organisation or place is named, without a tagger. A capitalised sentence opener
 * alone ("Terminals expect ...") is not taken for a name, nor a capitalised function word ("The",
 * "In") at the start of a run, nor a month.
 */
final class ProperNames {
  private static final Pattern TOKEN =
      Pattern.compile("\\p{L}(?:[\\p{L}\\p{N}_'’\\-]|\\.(?=\\p{L}))*|\\S");

  private static final Pattern END_PUNCTUATION = Pattern.compile("^[.,]+|[.,]+$");

  private static final Set<String> FUNCTION_WORDS =
      Set.of(
          "the",
          "a",
          "an",
          "in",
          "on",
          "at",
          "of",
          "for",
          "and",
          "but",
          "or",
          "it",
          "this",
          "that",
          "these",
          "those",
          "he",
          "she",
          "they",
          "we",
          "his",
          "her",
          "its",
          "their",
          "however",
          "after",
          "before",
          "when",
          "while",
          "although",
          "as",
          "by",
          "with",
          "from",
          "to",
          "since",
          "during",
          "despite",
          "following",
          "some",
          "many",
          "most",
          "there",
          "here",
          "if",
          "so",
          "then",
          "thus",
          "other",
          "such",
          "each",
          "every",
          "both",
          "all",
          "any",
          "no",
          "not",
          "one",
          "two",
          "three",
          "new",
          "old",
          "first",
          "last");

  private static final Set<String> CALENDAR =
      Set.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday");

  private ProperNames() {}

  /** The names in {@code sentence} whose words are not all in {@code question}. */
  static List<String> newIn(String sentence, String question) {
    String asked = question.toLowerCase(Locale.ROOT);
    return in(sentence).stream().filter(name -> !allAsked(name, asked)).toList();
  }

  /** The runs of capitalised words in {@code sentence}, in order. */
  static List<String> in(String sentence) {
    List<String> tokens = tokens(sentence);
    List<String> names = new ArrayList<>();
    List<String> run = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (continuesName(token, run.isEmpty())) {
        run.add(token);
      } else {
        close(run, i, names);
      }
    }
    close(run, tokens.size(), names);
    return names;
  }

  private static boolean continuesName(String token, boolean starting) {
    String lower = token.toLowerCase(Locale.ROOT);
    return Character.isUpperCase(token.charAt(0))
        && !CALENDAR.contains(lower)
        && !(starting && FUNCTION_WORDS.contains(lower));
  }

  /** Ends a run before token {@code end}; a run of only the sentence's first word is no name. */
  private static void close(List<String> run, int end, List<String> names) {
    if (!run.isEmpty() && !(run.size() == 1 && end == 1)) {
      names.add(String.join(" ", run));
    }
    run.clear();
  }

  private static boolean allAsked(String name, String asked) {
    for (String word : name.split(" ")) {
      if (!asked.contains(END_PUNCTUATION.matcher(word.toLowerCase(Locale.ROOT)).replaceAll(""))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> tokens(String sentence) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(sentence);
    while (m.find()) {
      tokens.add(m.group());
    }
    return tokens;
  }
}
