package org.briefbot.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reader questions about a synthetic archive, for latency benchmarks: topical questions, section
 * questions ("why does it matter"), entity requests, misspelt names, keyword queries and questions
 * no article answers, in fixed proportions.
 */
final class Questions {
  private static final List<String> OUT_OF_SCOPE =
      List.of(
          "Who won the 1998 chess olympiad?", "What is the boiling point of mercury?",
          "How tall is the tallest lighthouse in Portugal?", "Recommend a recipe for lentil soup",
          "What time does the museum open on Sundays?",
              "Which river is the longest in South America?");

  private final EntityPool pool;

  Questions(EntityPool pool) {
    this.pool = pool;
  }

  List<String> sample(Dice dice, int count) {
    List<String> questions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      questions.add(question(dice, i % 8));
    }
    return questions;
  }

  private String question(Dice dice, int kind) {
    PoolEntity a = pool.company(dice);
    String deal = dice.pickZipf(Vocabulary.DEAL_NOUNS);
    String topic = dice.pickZipf(Vocabulary.TOPIC_NOUNS);
    return switch (kind) {
      case 0 -> "How much is the " + a.name() + " " + deal + " worth?";
      case 1 -> "Why does the " + a.name() + " " + deal + " matter?";
      case 2 -> "What is " + pool.product(dice).name() + "?";
      case 3 -> "What happens next for " + a.name() + " and " + topic + "?";
      case 4 ->
          "will "
              + typo(dice, a.name())
              + " raise "
              + topic
              + " in "
              + dice.pickZipf(Vocabulary.REGIONS);
      case 5 -> "Who is " + pool.person(dice).name() + "?";
      case 6 -> a.name() + " " + dice.pickZipf(Vocabulary.SECTORS) + " " + topic;
      default -> dice.pick(OUT_OF_SCOPE);
    };
  }

  /** The name with one letter of its first long word dropped, as people type on phones. */
  private static String typo(Dice dice, String name) {
    String[] words = name.split(" ");
    String word = words[0];
    if (word.length() >= 6) {
      int at = dice.between(1, word.length() - 2);
      words[0] = word.substring(0, at) + word.substring(at + 1);
    }
    return String.join(" ", words).toLowerCase(Locale.ROOT);
  }
}
