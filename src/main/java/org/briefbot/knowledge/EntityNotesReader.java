package org.briefbot.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Related People &amp; Topics" section into entity notes.
 *
 * <p>The generator writes three lines per entity: name, kind (a short description) and a long note,
 * often cut off with "...". Lines go missing, so the reader does not count to three: a long line
 * (over 80 characters, ending in an ellipsis, or a sentence of four words or more ending in '.') is
 * a note, and it completes the entity named by the short lines before it. The name is the short
 * line the note starts with (notes usually open with the name), else the first short line; the line
 * after the name is its kind. Short lines left without a note (its note went missing) become
 * entities without summary, read as name and kind pairs like the rest.
 */
final class EntityNotesReader {
  private static final int LONG_LINE = 80;
  private static final int MIN_SENTENCE_WORDS = 4;
  private static final Pattern PAGE_HEADING = Pattern.compile("#{1,6}\\s+");
  private static final Pattern LEADING_THE = Pattern.compile("^the\\s+", Pattern.CASE_INSENSITIVE);

  private final Path file;
  private final List<IngestProblem> problems;
  private final List<EntityNote> notes = new ArrayList<>();
  private final List<String> pending = new ArrayList<>();

  private EntityNotesReader(Path file, List<IngestProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /** The notes of the section's lines, in order; problems are added to {@code problems}. */
  static List<EntityNote> read(Path file, List<SourceLine> lines, List<IngestProblem> problems) {
    EntityNotesReader reader = new EntityNotesReader(file, problems);
    for (SourceLine line : lines) {
      reader.accept(line);
    }
    reader.addWithoutNote(reader.pending);
    return List.copyOf(reader.notes);
  }

  private void accept(SourceLine line) {
    String text = Text.stripBullet(line.text());
    if (isNote(text)) {
      attachNote(line, text);
      pending.clear();
    } else {
      String name = Text.stripMarkdown(text);
      if (!name.isEmpty()) {
        pending.add(name);
      }
    }
  }

  static boolean isNote(String text) {
    if (text.length() > LONG_LINE || Text.endsWithEllipsis(text)) {
      return true;
    }
    return text.endsWith(".") && text.split(" ").length >= MIN_SENTENCE_WORDS;
  }

  private void attachNote(SourceLine line, String rawNote) {
    if (pending.isEmpty()) {
      problems.add(
          new IngestProblem(file, line.number(), "entity note without a name is ignored", false));
      return;
    }
    String plain = Text.stripMarkdown(rawNote);
    int nameIndex = nameIndex(plain);
    int kindIndex = nameIndex + 1 < pending.size() ? nameIndex + 1 : -1;
    addWithoutNote(pending.subList(0, nameIndex));
    String name = pending.get(nameIndex);
    String kind = kindIndex < 0 ? "" : pending.get(kindIndex);
    notes.add(new EntityNote(name, kind, cleanNote(rawNote, name)));
    addWithoutNote(pending.subList(Math.max(nameIndex, kindIndex) + 1, pending.size()));
  }

  /** The pending line the note opens with, searching from the latest; else the first line. */
  private int nameIndex(String note) {
    for (int i = pending.size() - 1; i >= 0; i--) {
      if (startsWithWord(note, pending.get(i))) {
        return i;
      }
    }
    return 0;
  }

  /** Name and kind pairs without a summary; an odd last line is a name alone. */
  private void addWithoutNote(List<String> lines) {
    for (int i = 0; i < lines.size(); i += 2) {
      notes.add(new EntityNote(lines.get(i), i + 1 < lines.size() ? lines.get(i + 1) : "", ""));
    }
  }

  /**
   * Note text a reader can use: no Markdown, no repeated name (the seed's notes open with a page
   * heading, "# OpenAI **OpenAI** is ...", or "# Federal Reserve **The Federal Reserve System**
   * (often ..."), cut-off text trimmed to a full sentence.
   */
  static String cleanNote(String note, String name) {
    String text = Text.stripMarkdown(withoutPageHeading(note.strip(), name));
    while (startsWithWord(text, name) && repeatsName(text.substring(name.length()).strip(), name)) {
      text = text.substring(name.length()).strip();
    }
    return Text.trimCutOff(text);
  }

  /** "# Federal Reserve The Federal ..." without its heading, when text follows it. */
  private static String withoutPageHeading(String note, String name) {
    Matcher heading = PAGE_HEADING.matcher(note);
    if (!heading.lookingAt()) {
      return note;
    }
    String rest = note.substring(heading.end());
    return startsWithWord(rest, name) && rest.length() > name.length()
        ? rest.substring(name.length()).strip()
        : note;
  }

  /** Whether text opens with the name again, perhaps after "The". */
  private static boolean repeatsName(String text, String name) {
    return startsWithWord(text, name)
        || startsWithWord(LEADING_THE.matcher(text).replaceFirst(""), name);
  }

  /**
   * True when text starts with word (ignoring case) and the word is not the start of a longer one.
   */
  static boolean startsWithWord(String text, String word) {
    if (word.isEmpty() || !text.regionMatches(true, 0, word, 0, word.length())) {
      return false;
    }
    return text.length() == word.length() || !Character.isLetterOrDigit(text.charAt(word.length()));
  }
}
