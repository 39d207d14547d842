package org.briefbot.smalltalk;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * Tells small talk from questions. Social phrases must be the whole message ("hi", "thanks a
 * lot!"), so a question that merely starts with "hi" is still a question. A message is taken as
 * another language only when it is long enough to tell, the knowledge does not know most of its
 * words, and the detector is sure: a short English question about an unusual name stays English.
 */
public final class SmallTalk {
  private static final String BOT = "(?: (?:bot|briefbot|there|everyone|all))?";

  private static final List<Phrase> PHRASES =
      List.of(
          new Phrase(
              Talk.Kind.GREETING,
              "(?:hi|hello|hey|hiya|howdy|yo|greetings|good (?:morning|afternoon|evening|day))"
                  + BOT
                  + "(?: how are you(?: doing)?(?: today)?)?"),
          new Phrase(
              Talk.Kind.THANKS,
              "(?:(?:ok|okay|great|cool|perfect|nice|awesome|got it|brilliant) )?"
                  + "(?:thanks|thank you|thx|ty|cheers|many thanks|much appreciated)"
                  + "(?: (?:a lot|so much|very much|a bunch|again))?"
                  + BOT),
          // After thanks, so that "ok thanks" thanks. Not "right" or "yes": those end questions.
          new Phrase(
              Talk.Kind.ACKNOWLEDGE,
              "(?:ah |oh |ok |okay )?"
                  + "(?:ok|okay|okey|k|kk|alright|all right|sure|fine|good|great|cool|nice|neat"
                  + "|awesome|perfect|wow|interesting|i see|got it|understood|makes sense"
                  + "|fair enough|noted|hm+|ah+|oh+|lol|ha(?:ha)+)"
                  + "(?: (?:then|now|ok|okay|cool|great|nice|got it|i see|makes sense))?"
                  + BOT),
          new Phrase(
              Talk.Kind.WHO_ARE_YOU,
              "(?:who|what) are you|what(?: is|s) your name|who (?:made|built|created) you"
                  + "|are you (?:a |an )?(?:bot|robot|human|person|real|ai)"
                  + "|(?:who|what) is briefbot"),
          new Phrase(
              Talk.Kind.WHAT_CAN_YOU_DO,
              "help(?: me)?(?: please)?|what can (?:you|i) (?:do|ask(?: you)?(?: about)?)"
                  + "|what do you (?:do|know)|what can you help(?: me)? with"
                  + "|how (?:does|do) (?:this|it|you) work|how do i use (?:this|you|it)"
                  + "|what do you have|what have you got"),
          new Phrase(
              Talk.Kind.LATEST,
              "(?:so |and |ok |okay )?(?:"
                  + "(?:whats|what is|anything|something|any) (?:new|happening|going on)"
                  + "|(?:whats|what is|what are) (?:the )?(?:latest|news|headlines|top stories)"
                  + "(?: (?:news|stories|articles|headlines))?"
                  + "|(?:(?:show|give|send|tell|list) (?:me )?)?"
                  + "(?:the |todays |today s |your |all (?:the |your )?)?"
                  + "(?:(?:latest|recent|top|new) )?(?:news|headlines|stories|articles|topics)"
                  + "|(?:show|give|send|tell) me (?:the |whats )?(?:latest|new)"
                  + "|(?:what|which) (?:topics|articles|stories|subjects)"
                  + " (?:do you (?:have|know(?: about)?|cover)|are there|have you got|are covered"
                  + "|can i ask(?: you)?(?: about)?)"
                  + "|any news|whats in the news|what happened today"
                  + ")(?: (?:today|now|lately|this week|please))?"
                  + BOT),
          new Phrase(
              Talk.Kind.GOODBYE,
              "(?:bye|goodbye|good bye|bye bye|see you|see ya|good night|later)" + BOT));

  private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Thumbs up, OK hand, folded hands, a heart, a smile, clapping, "100", with skin tones and
   * joiners: a reader's thanks without words.
   */
  private static final Pattern THANKS_EMOJI =
      Pattern.compile(
          "[\\x{1F44D}\\x{1F44C}\\x{1F64F}\\x{2764}\\x{1F60A}\\x{1F642}\\x{1F44F}\\x{1F4AF}"
              + "\\x{1F3FB}-\\x{1F3FF}\\x{FE0F}\\x{200D}\\s!]+");

  /**
   * Letters a Latin-script message needs before its language is guessed; shorter ones are too
   * easily mistaken.
   */
  static final int MIN_LETTERS = 20;

  /** Words a Latin-script message needs: one long word is a name or a typo, not a language. */
  static final int MIN_WORDS = 3;

  /**
   * A message whose searchable words the knowledge mostly has is taken as English whatever the
   * detector says: names and figures carry no language.
   */
  static final double KNOWN_WORDS_FOR_ENGLISH = 0.5;

  /**
   * Words that are English and no word of the languages readers are likely to write in instead (not
   * "was", German for "what", nor "is", Dutch for "is"): one is enough to call a message English,
   * which the detector, made for longer text, gets wrong on short lower-case questions.
   */
  private static final Set<String> ENGLISH_ONLY =
      Set.of(
          "the", "and", "how", "what", "when", "where", "who", "whom", "whose", "why", "which",
          "did", "does", "you", "your", "with", "about", "this", "that", "these", "those", "they",
          "their", "there", "could", "should", "would", "many", "much", "my", "now", "can", "it",
          "its", "are", "were", "been", "from", "into", "tell");

  /**
   * What {@code message} is, when it is small talk.
   *
   * @param knownShare the share of a text's searchable words that the knowledge has, in [0,1]
   */
  public Optional<Talk> recognize(String message, ToDoubleFunction<String> knownShare) {
    if (THANKS_EMOJI.matcher(message).matches()) {
      return Optional.of(new Talk.Social(Talk.Kind.THANKS));
    }
    String phrase = normalized(message);
    for (Phrase p : PHRASES) {
      if (p.pattern().matcher(phrase).matches()) {
        return Optional.of(new Talk.Social(p.kind()));
      }
    }
    return otherLanguage(message, knownShare);
  }

  private Optional<Talk> otherLanguage(String message, ToDoubleFunction<String> knownShare) {
    Letters letters = Letters.of(message);
    if (letters.total() == 0) {
      return Optional.empty();
    }
    if (letters.latin() * 2 < letters.total()) {
      // Cyrillic, Greek, Han, Arabic...: no English question is written in them.
      return Optional.of(
          Languages.shared()
              .otherLanguage(message)
              .orElse(new Talk.OtherLanguage(Optional.empty())));
    }
    List<String> words = words(message);
    if (letters.latin() < MIN_LETTERS
        || words.size() < MIN_WORDS
        || words.stream().anyMatch(ENGLISH_ONLY::contains)
        || knownShare.applyAsDouble(message) >= KNOWN_WORDS_FOR_ENGLISH) {
      return Optional.empty();
    }
    return Languages.shared().otherLanguage(message).map(Talk.class::cast);
  }

  /** The message's words in lower case, accents kept: "thé" is French, not "the". */
  private static List<String> words(String message) {
    String lower = message.replace('\u2019', '\'').replace("'", "").toLowerCase(Locale.ROOT);
    return Arrays.stream(NOT_A_WORD.split(lower)).filter(w -> !w.isEmpty()).toList();
  }

  /** Lower case without accents or punctuation, single spaces: "Thanks!!" gives "thanks". */
  static String normalized(String message) {
    String folded =
        Normalizer.normalize(message, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .replace('\u2019', '\'')
            .replace("'", "")
            .toLowerCase(Locale.ROOT);
    return NOT_A_WORD.matcher(folded).replaceAll(" ").strip();
  }

  private record Phrase(Talk.Kind kind, Pattern pattern) {
    Phrase(Talk.Kind kind, String regex) {
      this(kind, Pattern.compile(regex));
    }
  }

  /** How many letters a text has, and how many of them are Latin. */
  private record Letters(int total, int latin) {
    static Letters of(String text) {
      int total = 0;
      int latin = 0;
      for (int i = 0; i < text.length(); ) {
        int c = text.codePointAt(i);
        if (Character.isLetter(c)) {
          total++;
          if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
            latin++;
          }
        }
        i += Character.charCount(c);
      }
      return new Letters(total, latin);
    }
  }
}
