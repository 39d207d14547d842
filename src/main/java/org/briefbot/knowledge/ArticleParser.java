package org.briefbot.knowledge;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses one generated news-analysis article, {@code knowledge/articles/<id>.txt}.
 *
 * <pre>
 * Amazon secures landmark $138B AWS deal as OpenAI bets on Trainium   title: first non-blank line
 * #Amazon #AWS #AI training #cloud deal                                hashtags (optional)
 * Published: 2025-11-03                                                date (optional, or "Date:")
 * Link: https://example.com/aws-openai                                 where to read it (optional)
 * π Key Takeaways                                                      a heading
 * - Amazon secures a $138 billion AWS deal with OpenAI.                one passage per bullet
 * </pre>
 *
 * <p>A line is a heading when it ends with a known heading text (any case, optional ':') and what
 * stands before it has no ASCII letter or digit, so mojibake ("π·οΈ Themes") and Markdown ("##
 * Themes", "**Themes**") are fine. Headings may be missing, empty or in any order:
 *
 * <ul>
 *   <li>Key Takeaways, Context &amp; Background (or "Context and Background", "Background"): one
 *       passage per bullet or line.
 *   <li>Why It Matters, What Happens Next: one passage per paragraph (line).
 *   <li>Themes: comma-separated. Mentioned Entities: names, one a line or comma-separated.
 *   <li>Entity Intersection Graph: "Connections for X:" lines and names under them; all of them
 *       count as mentioned entities.
 *   <li>Related People &amp; Topics (or "... and Topics"): name, kind and note lines, see {@link
 *       EntityNotesReader}; each note is also a passage about that entity.
 *   <li>Frequently Asked Questions (or "FAQ"): one answer passage per line; a line ending in '?' or
 *       starting with "Q:" is the question of the answer after it ("A:" is dropped).
 *   <li>Deep Analysis: a container heading; text right under it is ignored with a warning.
 * </ul>
 *
 * <p>Text is normalized to NFC with single spaces; a BOM, CRLF or CR line ends, tabs and
 * non-breaking spaces are fine. Passages longer than {@value #MAX_PASSAGE_CHARS} characters are
 * split at sentence ends. A file without a title or without any passage is skipped (fatal); text
 * between the title and the first heading is ignored with a warning.
 */
public final class ArticleParser {
  /** Longer passages are split at sentence ends, so one search hit stays readable in a chat. */
  public static final int MAX_PASSAGE_CHARS = 1200;

  private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
  static final Pattern HASHTAG_LINE = Pattern.compile("^#[^\\s#].*");

  /** The article, or why the file was skipped; never throws for bad content. */
  public ArticleParseResult parse(Path file, String content, Instant fallbackPublished) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(fallbackPublished, "fallbackPublished");
    List<SourceLine> lines = lines(content);
    Optional<SourceLine> titleLine = lines.stream().filter(line -> !line.isBlank()).findFirst();
    if (titleLine.isEmpty()) {
      return skipped(file, 0, "no title: the file is empty");
    }
    Optional<String> notATitle = whyNotATitle(titleLine.get().text());
    if (notATitle.isPresent()) {
      return skipped(file, titleLine.get().number(), notATitle.get());
    }
    ArticleDraft draft =
        new ArticleDraft(file, articleId(file), Text.stripMarkdown(titleLine.get().text()));
    readBody(lines.subList(titleLine.get().number(), lines.size()), draft);
    return draft.build(fallbackPublished);
  }

  /** The file name without ".txt": the article's id. */
  public static String articleId(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".txt")
        ? name.substring(0, name.length() - 4)
        : name;
  }

  static List<SourceLine> lines(String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    String[] raw = LINE_BREAK.split(text, -1);
    List<SourceLine> lines = new ArrayList<>(raw.length);
    for (int i = 0; i < raw.length; i++) {
      lines.add(new SourceLine(i + 1, Text.normalize(raw[i])));
    }
    return lines;
  }

  private static Optional<String> whyNotATitle(String line) {
    Optional<Heading> heading = Heading.match(line);
    if (heading.isPresent()) {
      return Optional.of("no title: the first line is the '" + heading.get().label() + "' heading");
    }
    if (HASHTAG_LINE.matcher(line).matches()) {
      return Optional.of("no title: the first line is a hashtag line");
    }
    return Text.stripMarkdown(line).isEmpty()
        ? Optional.of("no title: the first line has no words")
        : Optional.empty();
  }

  /**
   * Hands the header (before the first heading) and each section's non-blank lines to the draft.
   */
  private static void readBody(List<SourceLine> body, ArticleDraft draft) {
    List<SourceLine> header = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (SourceLine line : body) {
      Optional<Heading> heading = line.isBlank() ? Optional.empty() : Heading.match(line.text());
      if (heading.isPresent()) {
        blocks.add(new Block(heading.get(), new ArrayList<>()));
      } else if (!line.isBlank()) {
        (blocks.isEmpty() ? header : blocks.get(blocks.size() - 1).lines()).add(line);
      }
    }
    draft.readHeader(header);
    // Plain loops on the per-line path: a shared forEach with a lambda gets one huge compiled
    // body per caller mix, which a fresh process spends its JIT compiler's time on.
    for (Block block : blocks) {
      draft.readSection(block.heading(), block.lines());
    }
  }

  private record Block(Heading heading, List<SourceLine> lines) {}

  private static ArticleParseResult skipped(Path file, int line, String reason) {
    return ArticleParseResult.skipped(List.of(new IngestProblem(file, line, reason, true)));
  }
}
