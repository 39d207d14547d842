package org.briefbot.knowledge;

import static java.util.regex.Pattern.CASE_INSENSITIVE;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An article being read section by section; one per parse, never shared. */
final class ArticleDraft {
  private static final Pattern DATE_LINE =
      Pattern.compile("^(?:published|date)\\s*:\\s*(.*)$", CASE_INSENSITIVE);
  private static final Pattern LINK_LINE =
      Pattern.compile("^(?:link|url)\\s*:\\s*(.*)$", CASE_INSENSITIVE);
  private static final Pattern CONNECTIONS =
      Pattern.compile("^connections? (?:for|of) (.+?)\\s*(?::\\s*(.*))?$", CASE_INSENSITIVE);
  private static final Pattern QUESTION_PREFIX =
      Pattern.compile("^(?:Q|Question)\\s*:\\s*", CASE_INSENSITIVE);
  private static final Pattern ANSWER_PREFIX =
      Pattern.compile("^(?:A|Answer)\\s*:\\s*", CASE_INSENSITIVE);
  private static final Pattern MARKDOWN_LINK = Pattern.compile("^\\[[^\\]]*]\\((\\S+)\\)$");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;]");
  private static final Pattern TRAILING_COLONS = Pattern.compile(":+$");

  private final Path file;
  private final String id;
  private final String title;
  private final List<IngestProblem> problems = new ArrayList<>();
  private final Set<String> hashtags = new LinkedHashSet<>();
  private final Set<String> themes = new LinkedHashSet<>();
  private final Set<String> mentioned = new LinkedHashSet<>();
  private final List<EntityNote> entityNotes = new ArrayList<>();
  private final List<Passage> passages = new ArrayList<>();
  private final Map<Section, Integer> nextPosition = new EnumMap<>(Section.class);
  private Optional<Instant> published = Optional.empty();
  private Optional<URI> link = Optional.empty();

  ArticleDraft(Path file, String id, String title) {
    this.file = file;
    this.id = id;
    this.title = title;
  }

  /**
   * Hashtags, date and link lines; anything else before the first heading is ignored with a
   * warning.
   */
  void readHeader(List<SourceLine> lines) {
    for (SourceLine line : lines) {
      Matcher date = DATE_LINE.matcher(line.text());
      Matcher link = LINK_LINE.matcher(line.text());
      if (ArticleParser.HASHTAG_LINE.matcher(line.text()).matches()) {
        Arrays.stream(line.text().split("#"))
            .map(Text::stripMarkdown)
            .filter(tag -> !tag.isEmpty())
            .forEach(hashtags::add);
      } else if (date.matches()) {
        readDate(line, date.group(1));
      } else if (link.matches()) {
        readLink(line, link.group(1));
      } else {
        warn(line, "text before the first heading is ignored");
      }
    }
  }

  void readSection(Heading heading, List<SourceLine> lines) {
    switch (heading) {
      case KEY_TAKEAWAYS -> addEachLine(Section.KEY_TAKEAWAY, lines);
      case THEMES -> lines.forEach(line -> themes.addAll(listItems(line.text())));
      case RELATED -> readEntityNotes(lines);
      case INTERSECTION_GRAPH -> lines.forEach(this::readConnections);
      case MENTIONED -> lines.forEach(line -> mentioned.addAll(listItems(line.text())));
      case DEEP_ANALYSIS ->
          lines.forEach(line -> warn(line, "text right under 'Deep Analysis' is ignored"));
      case WHY_IT_MATTERS -> addEachLine(Section.WHY_IT_MATTERS, lines);
      case BACKGROUND -> addEachLine(Section.BACKGROUND, lines);
      case WHAT_HAPPENS_NEXT -> addEachLine(Section.WHAT_HAPPENS_NEXT, lines);
      case FAQ -> readFaq(lines);
    }
  }

  /** The article, or a fatal problem when nothing in the file can answer a question. */
  ArticleParseResult build(Instant fallbackPublished) {
    if (passages.isEmpty()) {
      problems.add(
          new IngestProblem(
              file, 0, "no passages: no text under any heading that holds passages", true));
      return ArticleParseResult.skipped(problems);
    }
    Article article =
        new Article(
            id,
            title,
            List.copyOf(hashtags),
            List.copyOf(themes),
            published.orElse(fallbackPublished),
            file,
            passages,
            entityNotes,
            List.copyOf(mentioned),
            link);
    return ArticleParseResult.parsed(article, problems);
  }

  private void addEachLine(Section section, List<SourceLine> lines) {
    for (SourceLine line : lines) {
      addPassage(section, Text.stripBullet(line.text()), List.of(), List.of());
    }
  }

  private void readEntityNotes(List<SourceLine> lines) {
    for (EntityNote note : EntityNotesReader.read(file, lines, problems)) {
      entityNotes.add(note);
      addPassage(Section.ENTITY_NOTE, note.summary(), List.of(), List.of(note.name()));
    }
  }

  private void readConnections(SourceLine line) {
    Matcher connections = CONNECTIONS.matcher(Text.stripBullet(line.text()));
    if (connections.matches()) {
      mentioned.addAll(listItems(connections.group(1)));
      mentioned.addAll(listItems(Optional.ofNullable(connections.group(2)).orElse("")));
    } else {
      mentioned.addAll(listItems(line.text()));
    }
  }

  /** Answers one a line; a question line before an answer becomes that answer's question. */
  private void readFaq(List<SourceLine> lines) {
    List<String> questions = new ArrayList<>();
    SourceLine lastQuestion = null;
    for (SourceLine line : lines) {
      String text = Text.stripMarkdown(Text.stripBullet(line.text()));
      if (isQuestion(text)) {
        questions.add(QUESTION_PREFIX.matcher(text).replaceFirst(""));
        lastQuestion = line;
      } else {
        addPassage(Section.FAQ, ANSWER_PREFIX.matcher(text).replaceFirst(""), questions, List.of());
        questions.clear();
      }
    }
    if (lastQuestion != null && !questions.isEmpty()) {
      warn(lastQuestion, "question without an answer is ignored");
    }
  }

  private static boolean isQuestion(String text) {
    return text.endsWith("?") || QUESTION_PREFIX.matcher(text).lookingAt();
  }

  private void addPassage(
      Section section, String text, List<String> questions, List<String> entities) {
    String clean = Text.stripMarkdown(text);
    if (clean.isEmpty()) {
      return;
    }
    for (String part : Text.splitLong(clean, ArticleParser.MAX_PASSAGE_CHARS)) {
      int position = nextPosition.merge(section, 1, Integer::sum) - 1;
      passages.add(
          Passage.of(id, title, section, position, part)
              .withQuestions(questions)
              .withEntities(entities));
    }
  }

  private void readDate(SourceLine line, String value) {
    Optional<Instant> date = parseDate(value);
    if (date.isEmpty()) {
      warn(
          line,
          "unreadable date '"
              + value
              + "', expected e.g. 2025-11-03 or 2025-11-03T10:15:00Z; using the file time");
    }
    published = date.or(() -> published);
  }

  private void readLink(SourceLine line, String value) {
    Optional<URI> uri = parseLink(value);
    if (uri.isEmpty()) {
      warn(line, "unreadable link '" + value + "', expected e.g. https://example.com/story");
    }
    link = uri.or(() -> link);
  }

  /**
   * An absolute http or https address; Markdown's {@code <...>} and {@code [text](url)} are
   * accepted around it, as editors paste links either way.
   */
  static Optional<URI> parseLink(String value) {
    String text = value.strip();
    Matcher markdown = MARKDOWN_LINK.matcher(text);
    if (markdown.matches()) {
      text = markdown.group(1);
    } else if (text.startsWith("<") && text.endsWith(">")) {
      text = text.substring(1, text.length() - 1).strip();
    }
    try {
      URI uri = new URI(text);
      boolean web =
          "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  /** ISO date-time with or without offset (UTC when absent), or an ISO date at UTC midnight. */
  static Optional<Instant> parseDate(String value) {
    String text = value.strip();
    try {
      if (text.length() == 10) {
        return Optional.of(LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return Optional.of(OffsetDateTime.parse(text).toInstant());
      }
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Names or themes separated by commas or semicolons, without bullets, Markdown or ':'. */
  private static List<String> listItems(String text) {
    return Arrays.stream(LIST_SEPARATOR.split(Text.stripBullet(text)))
        .map(Text::stripMarkdown)
        .map(item -> withoutTrailingColons(item).strip())
        .filter(item -> !item.isEmpty())
        .toList();
  }

  /**
   * {@code item.replaceAll(":+$", "")}, compiled once, and skipped when the item cannot end in ':'.
   */
  private static String withoutTrailingColons(String item) {
    if (item.isEmpty() || ":\u0085\u2028\u2029\n\r".indexOf(item.charAt(item.length() - 1)) < 0) {
      return item;
    }
    return TRAILING_COLONS.matcher(item).replaceAll("");
  }

  private void warn(SourceLine line, String reason) {
    problems.add(new IngestProblem(file, line.number(), reason, false));
  }
}
