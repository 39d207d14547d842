package org.briefbot.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Other names an entity's note gives it in its opening sentence: "(ECB)" when the letters stand for
 * the name, "(often shortened to the Fed)", "also known as ...", and "The euro area, commonly
 * called the eurozone" for the eurozone's note.
 */
final class NoteAliases {
  /** "Amazon Web Services, Inc. (AWS) is ..." names its acronym right after the name. */
  private static final Pattern ACRONYM =
      Pattern.compile("^[^()]{0,60}?\\(([A-Z][A-Za-z0-9.&-]{1,9})\\)");

  /** The phrase that introduces another name, and the name, up to punctuation or a verb. */
  private static final Pattern CALLED =
      Pattern.compile(
          "\\b(?:shortened to|abbreviated (?:to|as)|known as|called|nicknamed)\\s+"
              + "(?:simply\\s+)?(?:the\\s+)?[\"“]?([^,;.()\"”]{2,40}?)[\"”]?"
              + "(?=\\s*(?:[,;.()]|$)|\\s+(?:is|was|are|or|and)\\b)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern LEADING_THE =
      Pattern.compile("^(?:the|a|an)\\s+", Pattern.CASE_INSENSITIVE);

  /** The subject a note opens with: what stands before its first comma or bracket. */
  private static final Pattern SUBJECT = Pattern.compile("^([^,()]{2,50}?)\\s*[,(]");

  private static final int MAX_WORDS = 4;

  /** Notes open with the sentence that names the entity; later ones name other things. */
  private static final int OPENING_CHARS = 300;

  private NoteAliases() {}

  /** The aliases the note gives {@code name}, in the order they appear; never the name itself. */
  static List<String> of(String name, String note) {
    String opening = note.length() > OPENING_CHARS ? note.substring(0, OPENING_CHARS) : note;
    List<String> aliases = new ArrayList<>();
    acronym(name, opening).ifPresent(aliases::add);
    Matcher called = CALLED.matcher(opening);
    while (called.find()) {
      String alias = clean(called.group(1));
      if (Names.key(alias).equals(Names.key(name))) {
        subject(opening).ifPresent(aliases::add);
      } else if (plausible(alias)) {
        aliases.add(alias);
      }
    }
    return aliases.stream().filter(a -> !Names.key(a).equals(Names.key(name))).distinct().toList();
  }

  private static Optional<String> acronym(String name, String note) {
    if (note.indexOf('(') < 0) {
      return Optional.empty(); // the pattern needs "(ABC)"; most notes have no bracket at all
    }
    Matcher m = ACRONYM.matcher(note);
    if (!m.find()) {
      return Optional.empty();
    }
    String acronym = m.group(1);
    return acronym.equalsIgnoreCase(initials(name)) ? Optional.of(acronym) : Optional.empty();
  }

  /** "The euro area, commonly called the eurozone": the note's subject is the other name. */
  private static Optional<String> subject(String note) {
    Matcher m = SUBJECT.matcher(note);
    return m.find()
        ? Optional.of(clean(m.group(1))).filter(NoteAliases::plausible)
        : Optional.empty();
  }

  private static String clean(String alias) {
    return LEADING_THE.matcher(alias.strip()).replaceFirst("").strip();
  }

  /** A name, not a clause: a few words, at least one letter. */
  private static boolean plausible(String alias) {
    List<String> words = Names.tokens(alias);
    return !words.isEmpty()
        && words.size() <= MAX_WORDS
        && alias.codePoints().anyMatch(Character::isLetter)
        && !alias.toLowerCase(Locale.ROOT).startsWith("by ");
  }

  /**
   * "Amazon Web Services" gives "AWS": an acronym must stand for the name, not for a word of the
   * note.
   */
  private static String initials(String name) {
    StringBuilder initials = new StringBuilder();
    for (String token : Names.tokens(name)) {
      initials.append(token.charAt(0));
    }
    return initials.toString().toUpperCase(Locale.ROOT);
  }
}
