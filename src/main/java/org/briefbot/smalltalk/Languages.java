package org.briefbot.smalltalk;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;
import org.briefbot.index.TextAnalysis;

/**
 * Which language a text is in, when its function words say so clearly. A reader's question is
 * short: what tells its language is its function words ("el", "die", "tra"), so each language is
 * known by the Snowball project's stop-word list that Lucene ships, and a text is in the language
 * whose list holds most of its words; when two lists hold as many, the language stays unnamed.
 * Texts in another script are named by the script where only one language writes it.
 *
 * <p>A statistical detector (n-gram profiles of 70 languages) would name more languages, but the
 * ones served here bring Guava and 4 MB of profiles into a jar that must stay small, for a reply
 * that only says which language the bot thinks it saw.
 */
final class Languages {
  /** The Latin-script languages readers are likely to write in instead, by their Snowball list. */
  private static final List<String> LATIN =
      List.of(
          "danish",
          "dutch",
          "finnish",
          "french",
          "german",
          "hungarian",
          "indonesian",
          "italian",
          "norwegian",
          "portuguese",
          "spanish",
          "swedish");

  /** Function words a text must have in its language's list before it is named. */
  private static final int MIN_HITS = 2;

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}]+");

  private final Map<String, CharArraySet> stopWords;
  private final CharArraySet english;
  private final CharArraySet russian;

  private Languages(
      Map<String, CharArraySet> stopWords, CharArraySet english, CharArraySet russian) {
    this.stopWords = stopWords;
    this.english = english;
    this.russian = russian;
  }

  /** The lists every conversation shares: read-only data from the jar, read on first use. */
  static Languages shared() {
    return Holder.LANGUAGES;
  }

  private static final class Holder {
    static final Languages LANGUAGES = load();
  }

  private static Languages load() {
    Map<String, CharArraySet> lists = new LinkedHashMap<>();
    for (String language : LATIN) {
      lists.put(language, TextAnalysis.snowballStopWords(language));
    }
    return new Languages(
        lists,
        TextAnalysis.snowballStopWords("english"),
        TextAnalysis.snowballStopWords("russian"));
  }

  /**
   * What {@code text} is when it is not English: written in another script, or holding at least
   * {@value #MIN_HITS} function words of one of the listed languages, more than of English. Named
   * when its script or its words name one language clearly: a list holding more of its words than
   * any other's. Close languages ("o", "a", "e", "entre" are Portuguese and Italian) stay unnamed.
   */
  Optional<Talk.OtherLanguage> otherLanguage(String text) {
    List<String> words = words(text);
    Optional<Character.UnicodeScript> script = mainScript(text);
    if (script.isPresent() && script.get() != Character.UnicodeScript.LATIN) {
      return Optional.of(new Talk.OtherLanguage(byScript(script.get(), words)));
    }
    List<Score> scores = scores(words);
    if (scores.isEmpty() || scores.get(0).hits() < MIN_HITS) {
      return Optional.empty();
    }
    boolean clear = scores.size() == 1 || scores.get(0).hits() > scores.get(1).hits();
    return Optional.of(
        new Talk.OtherLanguage(
            clear ? Optional.of(capitalised(scores.get(0).language())) : Optional.empty()));
  }

  private record Score(String language, int hits) {}

  /**
   * The listed languages with more of the text's distinct words than English has, most first (ties
   * by name, so the order is the same every time).
   */
  private List<Score> scores(List<String> words) {
    List<String> distinct = words.stream().distinct().toList();
    int englishHits = hits(english, distinct);
    return stopWords.entrySet().stream()
        .map(list -> new Score(list.getKey(), hits(list.getValue(), distinct)))
        .filter(score -> score.hits() > englishHits)
        .sorted(Comparator.comparingInt(Score::hits).reversed().thenComparing(Score::language))
        .toList();
  }

  private Optional<String> byScript(Character.UnicodeScript script, List<String> words) {
    return switch (script) {
      case CYRILLIC -> hits(russian, words) > 0 ? Optional.of("Russian") : Optional.empty();
      case HIRAGANA, KATAKANA -> Optional.of("Japanese");
      case HAN -> Optional.of("Chinese");
      case HANGUL -> Optional.of("Korean");
      case GREEK -> Optional.of("Greek");
      case HEBREW -> Optional.of("Hebrew");
      case THAI -> Optional.of("Thai");
      case DEVANAGARI -> Optional.of("Hindi");
      default -> Optional.empty();
    };
  }

  /**
   * The script most of the text's letters are in; Japanese counts its kana first, since it writes
   * most nouns in Han characters too.
   */
  private static Optional<Character.UnicodeScript> mainScript(String text) {
    Map<Character.UnicodeScript, Integer> counts = new EnumMap<>(Character.UnicodeScript.class);
    text.codePoints()
        .filter(Character::isLetter)
        .forEach(c -> counts.merge(Character.UnicodeScript.of(c), 1, Integer::sum));
    if (counts.containsKey(Character.UnicodeScript.HIRAGANA)
        || counts.containsKey(Character.UnicodeScript.KATAKANA)) {
      return Optional.of(Character.UnicodeScript.HIRAGANA);
    }
    return counts.entrySet().stream()
        .max(
            Map.Entry.<Character.UnicodeScript, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey);
  }

  private static int hits(CharArraySet list, List<String> words) {
    return (int) words.stream().filter(list::contains).count();
  }

  private static List<String> words(String text) {
    String lower = text.replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    return Arrays.stream(NOT_A_WORD.split(lower)).filter(w -> !w.isEmpty()).toList();
  }

  private static String capitalised(String language) {
    return Character.toUpperCase(language.charAt(0)) + language.substring(1);
  }
}
