package org.briefbot.knowledge;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text clean-up shared by the knowledge parsers: Unicode, whitespace, Markdown remnants, sentences.
 */
final class Text {
  /** Zero-width and soft-hyphen characters that only get in the way of matching. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u00AD]");

  /** Any run of whitespace, including non-breaking spaces and stray control characters. */
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\p{Cc}]+");

  private static final Pattern HEADING_MARK = Pattern.compile("^#{1,6}\\s+");

  /**
   * A Markdown link or image. Its text holds no bracket: with one allowed, a line of 100,000 '['
   * took two minutes (each one scanned to the end of the line for a ']').
   */
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]]*)]\\([^)\\s]*\\)");

  private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
  private static final Pattern UNDERLINE = Pattern.compile("__(.+?)__");
  private static final Pattern ITALIC =
      Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");
  private static final Pattern BULLET = Pattern.compile("^(?:[-*•+‣▪◦–]|\\d{1,3}[.)])\\s+");
  private static final Pattern ELLIPSIS = Pattern.compile("(?:\\.{3,}|…)$");
  private static final int MIN_TAIL_WORDS = 4;

  /**
   * A lower-case letter left alone at the end of a cut-off note, "advances i...", begins a cut
   * word.
   */
  private static final Pattern LAST_LETTER = Pattern.compile("\\s+\\p{Ll}$");

  /** Words that end with a period without ending a sentence, e.g. "OpenAI, Inc. and ...". */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "inc", "ltd", "corp", "co", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "e.g",
          "i.e", "u.s", "u.k");

  private Text() {}

  /** NFC, no invisible characters, whitespace runs collapsed to one space, trimmed. */
  static String normalize(String text) {
    if (isPlain(text)) {
      return text; // most lines: nothing to fold, and regular expressions are the parser's main
      // cost
    }
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    return SPACES.matcher(INVISIBLE.matcher(nfc).replaceAll("")).replaceAll(" ").strip();
  }

  /** Removes Markdown a reader should not see: heading marks, bold, code ticks, link targets. */
  static String stripMarkdown(String text) {
    if (!hasMarkdownMarks(text)) {
      return normalize(text.strip());
    }
    String s = HEADING_MARK.matcher(text.strip()).replaceFirst("");
    s = LINK.matcher(s).replaceAll("$1");
    s = BOLD.matcher(s).replaceAll("$1");
    s = UNDERLINE.matcher(s).replaceAll("$1");
    s = ITALIC.matcher(s).replaceAll("$1");
    // Unpaired markers are left when a note was cut off in the middle of a bold phrase.
    s = s.replace("**", "").replace("`", "");
    return normalize(s);
  }

  /** Printable ASCII with single spaces and no space at either end: already normalized. */
  static boolean isPlain(String text) {
    int n = text.length();
    if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E || (c == ' ' && text.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether any of the Markdown patterns above could match: they all need one of these characters.
   */
  private static boolean hasMarkdownMarks(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '#' || c == '*' || c == '_' || c == '`' || c == '[') {
        return true;
      }
    }
    return false;
  }

  /** The text without a leading list marker such as "- ", "• " or "1. ". */
  static String stripBullet(String text) {
    if (text.isEmpty() || !mayStartWithBullet(text.charAt(0))) {
      return text; // most lines: no marker, and the regular expression would scan for none
    }
    return BULLET.matcher(text).replaceFirst("");
  }

  /** The first characters {@link #BULLET} can match: a marker or an ASCII digit. */
  private static boolean mayStartWithBullet(char c) {
    return "-*•+‣▪◦–".indexOf(c) >= 0 || (c >= '0' && c <= '9');
  }

  static boolean endsWithEllipsis(String text) {
    if (text.isEmpty() || "….\u0085\u2028\u2029\n\r".indexOf(text.charAt(text.length() - 1)) < 0) {
      return false; // '$' matches at the end, or before a final line terminator
    }
    return ELLIPSIS.matcher(text).find();
  }

  /**
   * A note cut off with "..." keeps what its unfinished last sentence says, ending with "…":
   * writers put facts there (a company's chief executive, a founding year) that readers ask for. A
   * tail of fewer than {@value #MIN_TAIL_WORDS} words, or one cut inside a parenthesis (the seed's
   * Wikipedia extracts, cut at a length: "with autoscaling (a process that allows a client to use
   * more compu..."), is cut mid-thought and goes, so the note ends at its last complete sentence.
   */
  static String trimCutOff(String text) {
    if (!endsWithEllipsis(text)) {
      return text;
    }
    String body = ELLIPSIS.matcher(text).replaceFirst("").strip();
    if (body.isEmpty() || ".!?".indexOf(body.charAt(body.length() - 1)) >= 0) {
      return body.isEmpty() ? "…" : body;
    }
    List<Integer> ends = sentenceEnds(body);
    int tailStart = ends.isEmpty() ? 0 : ends.get(ends.size() - 1);
    String tail = body.substring(tailStart).strip();
    if (tailStart > 0 && (tail.split(" ").length < MIN_TAIL_WORDS || insideParenthesis(tail))) {
      return body.substring(0, tailStart).strip();
    }
    return LAST_LETTER.matcher(body).replaceFirst("") + "…";
  }

  private static boolean insideParenthesis(String tail) {
    return tail.lastIndexOf('(') > tail.lastIndexOf(')');
  }

  /**
   * Splits text longer than {@code max} into parts of at most {@code max} chars at sentence ends.
   */
  static List<String> splitLong(String text, int max) {
    if (text.length() <= max) {
      return List.of(text);
    }
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (String sentence : sentences(text)) {
      if (part.length() > 0 && part.length() + 1 + sentence.length() > max) {
        parts.add(part.toString());
        part.setLength(0);
      }
      for (String piece : splitAtWords(sentence, max)) {
        if (part.length() > 0 && part.length() + 1 + piece.length() > max) {
          parts.add(part.toString());
          part.setLength(0);
        }
        part.append(part.length() > 0 ? " " : "").append(piece);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** The sentences of a text, trimmed. */
  static List<String> sentences(String text) {
    List<String> sentences = new ArrayList<>();
    int start = 0;
    for (int end : sentenceEnds(text)) {
      sentences.add(text.substring(start, end).strip());
      start = end;
    }
    String rest = text.substring(start).strip();
    if (!rest.isEmpty()) {
      sentences.add(rest);
    }
    return sentences;
  }

  /**
   * Offsets just after each sentence end inside the text: '.', '!' or '?' (and closing quotes or
   * brackets) followed by white space and a capital, digit or opening quote. The text's own end is
   * not included.
   */
  static List<Integer> sentenceEnds(String text) {
    List<Integer> ends = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && !(c == '.' && isAbbreviation(text, i))) {
        int end = i + 1;
        while (end < text.length() && "\"'”’)]".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        if (startsNextSentence(text, end)) {
          ends.add(end);
        }
      }
    }
    return ends;
  }

  private static boolean startsNextSentence(String text, int end) {
    if (end + 1 >= text.length() || !Character.isWhitespace(text.charAt(end))) {
      return false;
    }
    char next = text.charAt(end + 1);
    return Character.isUpperCase(next) || Character.isDigit(next) || "\"“‘'".indexOf(next) >= 0;
  }

  private static boolean isAbbreviation(String text, int dot) {
    int start = dot;
    while (start > 0
        && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
      start--;
    }
    String word = text.substring(start, dot).toLowerCase(Locale.ROOT);
    // A single letter is an initial ("J. Smith"), not the end of a sentence.
    return word.length() == 1 || ABBREVIATIONS.contains(word);
  }

  private static List<String> splitAtWords(String sentence, int max) {
    List<String> pieces = new ArrayList<>();
    String rest = sentence;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf(' ', max);
      cut = cut <= 0 ? max : cut;
      pieces.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    pieces.add(rest);
    return pieces;
  }
}
