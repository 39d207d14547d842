package org.briefbot.knowledge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a knowledge folder:
 *
 * <pre>
 * knowledge/
 *   articles/*.txt           generated articles, see {@link ArticleParser}
 *   faq/*.yaml, *.yml        curated FAQ items, see {@link FaqFileParser}
 *   entities/*.yaml, *.yml   curated entities, see {@link EntityFileParser}
 * </pre>
 *
 * <p>Files are read as UTF-8 in file-name order, so the same folder always loads the same way. A
 * missing sub-folder loads nothing. Bad content never throws: each problem becomes an {@link
 * IngestProblem} in the report and the other files still load. Other files in these folders are
 * ignored with a warning; dotfiles are skipped silently.
 *
 * <p>Given {@link LastGoodFiles}, a file that fails as a whole (unreadable, not UTF-8, fatal parse
 * error) is replaced by its last good parse, with a warning beside the error; this is how a live
 * reload keeps serving the previous version of an article an editor broke.
 */
public final class KnowledgeLoader {
  static final List<String> TEXT = List.of(".txt");
  private static final List<String> YAML = List.of(".yaml", ".yml");

  /** Two cores is the machine this is sized for; more threads only add contention there. */
  private static final int PARSER_THREADS =
      Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

  /** Below this many files, starting threads costs more than it saves. */
  private static final int PARALLEL_FROM = 64;

  private static final int BATCH = 256;

  /**
   * The largest knowledge file read, 2 MiB: a long article is about 20 KB, and a file a thousand
   * times that would take minutes and gigabytes to index, holding up every other file's reload.
   */
  public static final long MAX_FILE_BYTES = 2L << 20;

  /** The reason a file over {@link #MAX_FILE_BYTES} is skipped. */
  static String tooLarge(long size) {
    return String.format(
        Locale.ROOT,
        "too large: %,d bytes; a knowledge file may have at most %,d bytes (2 MiB)",
        size,
        MAX_FILE_BYTES);
  }

  private final ArticleParser articleParser = new ArticleParser();
  private final FaqFileParser faqParser = new FaqFileParser();
  private final EntityFileParser entityParser = new EntityFileParser();

  private static final String KEPT = "serving the previous version of this file until it is fixed";

  public Knowledge load(Path knowledgeDir) {
    return load(knowledgeDir, new LastGoodFiles());
  }

  /** Loads the folder, falling back to {@code lastGood} for broken files and updating it. */
  public Knowledge load(Path knowledgeDir, LastGoodFiles lastGood) {
    Objects.requireNonNull(knowledgeDir, "knowledgeDir");
    Objects.requireNonNull(lastGood, "lastGood");
    Ingest ingest = new Ingest();
    if (!Files.isDirectory(knowledgeDir)) {
      return missingFolder(knowledgeDir, ingest);
    }
    List<Article> articles = loadArticles(knowledgeDir.resolve("articles"), ingest, lastGood);
    Knowledge knowledge = withCurated(knowledgeDir, articles, ingest, lastGood);
    lastGood.retainOnly(ingest.report().filesRead());
    return knowledge;
  }

  /** The knowledge of a folder that is not there: nothing, and a fatal problem saying so. */
  static Knowledge missingFolder(Path knowledgeDir, Ingest ingest) {
    ingest.problem(knowledgeDir, 0, "knowledge folder not found", true);
    return new Knowledge(List.of(), List.of(), List.of(), ingest.report());
  }

  /**
   * {@code articles}, loaded, with the folder's curated FAQ and entity files read into {@code
   * ingest} after them: the knowledge of the folder.
   */
  Knowledge withCurated(
      Path knowledgeDir, List<Article> articles, Ingest ingest, LastGoodFiles lastGood) {
    List<FaqItem> faqItems =
        loadFaq(
            knowledgeDir.resolve("faq"),
            articles.stream().map(Article::id).toList(),
            ingest,
            lastGood);
    List<EntityEntry> entities = loadEntities(knowledgeDir.resolve("entities"), ingest, lastGood);
    return new Knowledge(articles, faqItems, entities, ingest.report());
  }

  private List<Article> loadArticles(Path folder, Ingest ingest, LastGoodFiles lastGood) {
    List<Path> files = ingest.files(folder, TEXT);
    List<ParsedFile> parsed = parseAll(files);
    List<Article> articles = new ArrayList<>();
    for (ParsedFile file : parsed) {
      ingest.parsed(file.path(), file.problems());
      file.article().ifPresent(article -> lastGood.keepArticle(file.path(), article));
      file.article()
          .or(() -> previous(file.path(), lastGood.article(file.path()), ingest))
          .ifPresent(articles::add);
    }
    articles.sort(Comparator.comparing(Article::id));
    return articles;
  }

  /** The last good parse of a file that failed now, with a warning saying it is still served. */
  private static <T> Optional<T> previous(Path file, Optional<T> lastGood, Ingest ingest) {
    lastGood.ifPresent(kept -> ingest.problem(file, 0, KEPT, false));
    return lastGood;
  }

  /** One article file read and parsed, with its problems in the order they were found. */
  public record ParsedFile(Path path, Optional<Article> article, List<IngestProblem> problems) {
    public ParsedFile {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Parses these article files alone, in order (an update of a few articles): each with its
   * article, if it parsed, and its problems.
   */
  public List<ParsedFile> parseArticles(List<Path> files) {
    return parseAll(files);
  }

  /**
   * The folder to load a batch of articles at a time, for a first build whose heap must not grow
   * with the folder; see {@link ArticleBatches}.
   */
  public ArticleBatches inBatches(Path knowledgeDir) {
    return new ArticleBatches(this, Objects.requireNonNull(knowledgeDir, "knowledgeDir"));
  }

  /**
   * The curated files, FAQ and entities, read again beside articles loaded otherwise.
   *
   * @param faqItems the FAQ items, as {@link Knowledge#faqItems()}
   * @param entities the curated entities, as {@link Knowledge#entities()}
   * @param report the curated files read and their problems
   */
  public record Curated(List<FaqItem> faqItems, List<EntityEntry> entities, IngestReport report) {}

  /**
   * Reads the folder's FAQ and entity files; {@code articleIds} are the articles loaded, which FAQ
   * items may name.
   */
  public Curated loadCurated(Path knowledgeDir, Set<String> articleIds) {
    Ingest ingest = new Ingest();
    LastGoodFiles none = new LastGoodFiles();
    List<FaqItem> faqItems =
        loadFaq(knowledgeDir.resolve("faq"), new ArrayList<>(articleIds), ingest, none);
    List<EntityEntry> entities = loadEntities(knowledgeDir.resolve("entities"), ingest, none);
    return new Curated(faqItems, entities, ingest.report());
  }

  /**
   * Parses the files on {@value #PARSER_THREADS} threads (parsing is most of a large archive's load
   * time) and returns the results in file order, so the report reads the same either way.
   */
  private List<ParsedFile> parseAll(List<Path> files) {
    if (files.size() < PARALLEL_FROM) {
      return files.stream().map(this::parseFile).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARSER_THREADS, namedThreads());
    try {
      List<Future<List<ParsedFile>>> batches = new ArrayList<>();
      for (int from = 0; from < files.size(); from += BATCH) {
        List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
        batches.add(pool.submit(() -> batch.stream().map(this::parseFile).toList()));
      }
      List<ParsedFile> parsed = new ArrayList<>(files.size());
      for (Future<List<ParsedFile>> batch : batches) {
        parsed.addAll(join(batch));
      }
      return parsed;
    } finally {
      pool.shutdownNow();
    }
  }

  ParsedFile parseFile(Path file) {
    List<IngestProblem> problems = new ArrayList<>();
    Optional<Article> article =
        Ingest.read(file, problems)
            .flatMap(
                content -> {
                  ArticleParseResult result =
                      articleParser.parse(file, content, Ingest.modified(file, problems));
                  problems.addAll(result.problems());
                  return result.article();
                });
    return new ParsedFile(file, article, problems);
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading knowledge", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory namedThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "knowledge-parser-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private List<FaqItem> loadFaq(
      Path folder, List<String> loadedIds, Ingest ingest, LastGoodFiles lastGood) {
    Set<String> articleIds = new HashSet<>(loadedIds);
    Set<String> fileIds = new HashSet<>();
    List<FaqItem> items = new ArrayList<>();
    for (Path file : ingest.files(folder, YAML)) {
      // "faq.yaml" and "faq.yml" would give their items the same ids.
      if (!fileIds.add(FaqFileParser.fileId(file).toLowerCase(Locale.ROOT))) {
        ingest.problem(
            file, 0, "another FAQ file has the same name; its item ids would clash", true);
        continue;
      }
      Optional<List<FaqItem>> parsed =
          ingest
              .read(file)
              .flatMap(
                  content -> {
                    FileParseResult<FaqItem> result = faqParser.parse(file, content);
                    ingest.problems(result.problems());
                    return result.skipped() ? Optional.empty() : Optional.of(result.items());
                  });
      parsed.ifPresent(loaded -> lastGood.keepFaq(file, loaded));
      List<FaqItem> loaded =
          parsed.or(() -> previous(file, lastGood.faq(file), ingest)).orElse(List.of());
      loaded.forEach(item -> warnUnknownArticle(file, item, articleIds, ingest));
      items.addAll(loaded);
    }
    return items;
  }

  private static void warnUnknownArticle(
      Path file, FaqItem item, Set<String> articleIds, Ingest ingest) {
    item.article()
        .filter(article -> !articleIds.contains(article))
        .ifPresent(
            article ->
                ingest.problem(
                    file,
                    0,
                    "item "
                        + item.id()
                        + " names unknown article '"
                        + article
                        + "'; it is shown as FAQ",
                    false));
  }

  private List<EntityEntry> loadEntities(Path folder, Ingest ingest, LastGoodFiles lastGood) {
    List<EntityEntry> entities = new ArrayList<>();
    for (Path file : ingest.files(folder, YAML)) {
      Optional<List<EntityEntry>> parsed =
          ingest
              .read(file)
              .flatMap(
                  content -> {
                    FileParseResult<EntityEntry> result = entityParser.parse(file, content);
                    ingest.problems(result.problems());
                    return result.skipped() ? Optional.empty() : Optional.of(result.items());
                  });
      parsed.ifPresent(loaded -> lastGood.keepEntities(file, loaded));
      entities.addAll(
          parsed.or(() -> previous(file, lastGood.entities(file), ingest)).orElse(List.of()));
    }
    return entities;
  }

  /** The files read and problems found during one load. */
  static final class Ingest {
    /**
     * What a report must not quote: control, format, private-use, unassigned and surrogate code
     * points (Unicode's "other" categories), and the replacement character a bad byte decodes to.
     */
    private static final Pattern UNPRINTABLE = Pattern.compile("[\\p{C}\\uFFFD]");

    private final List<Path> filesRead = new ArrayList<>();
    private final List<IngestProblem> problems = new ArrayList<>();

    /** The folder's files with one of the extensions, by name; others are reported as ignored. */
    List<Path> files(Path folder, List<String> extensions) {
      if (!Files.isDirectory(folder)) {
        return List.of();
      }
      List<Path> entries;
      try (Stream<Path> listing = Files.list(folder)) {
        entries =
            listing.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
      } catch (IOException e) {
        problem(folder, 0, "cannot list folder: " + e.getMessage(), true);
        return List.of();
      }
      List<Path> files = new ArrayList<>();
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")) {
          continue;
        }
        if (Files.isRegularFile(entry) && hasExtension(name, extensions)) {
          files.add(entry);
        } else {
          problem(
              entry,
              0,
              "ignored: only " + String.join(" and ", extensions) + " files are read here",
              false);
        }
      }
      return files;
    }

    private static boolean hasExtension(String name, List<String> extensions) {
      String lower = name.toLowerCase(Locale.ROOT);
      return extensions.stream().anyMatch(lower::endsWith);
    }

    /** The file's text; empty (and a fatal problem) when unreadable or not UTF-8. */
    Optional<String> read(Path file) {
      filesRead.add(file);
      return read(file, problems);
    }

    /**
     * Like {@link #read(Path)}, for parser threads: problems go to {@code problems}, nothing else
     * is touched.
     */
    static Optional<String> read(Path file, List<IngestProblem> problems) {
      byte[] bytes;
      try {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
          problems.add(new IngestProblem(file, 0, tooLarge(size), true));
          return Optional.empty();
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        problems.add(new IngestProblem(file, 0, "cannot read: " + e.getMessage(), true));
        return Optional.empty();
      }
      return decode(file, bytes, problems);
    }

    /**
     * The file's text: UTF-8, or UTF-16 when it starts with UTF-16's byte-order mark (what some
     * Windows editors save as "Unicode"), which no UTF-8 text can start with.
     */
    private static Optional<String> decode(Path file, byte[] bytes, List<IngestProblem> problems) {
      boolean utf16 =
          bytes.length >= 2
              && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                  || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
      CharsetDecoder decoder =
          (utf16 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8)
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer in = ByteBuffer.wrap(bytes);
      // Neither encoding decodes to more chars than it has bytes.
      CharBuffer out = CharBuffer.allocate(bytes.length);
      CoderResult result = decoder.decode(in, out, true);
      if (!result.isError()) {
        result = decoder.flush(out);
      }
      if (result.isError()) {
        int offset = in.position();
        problems.add(
            new IngestProblem(
                file,
                utf16 ? 0 : lineAt(bytes, offset),
                utf16
                    ? "not valid UTF-16 (it starts with UTF-16's byte-order mark): bad byte"
                        + " sequence at byte "
                        + offset
                    : notUtf8(bytes, offset),
                true));
        return Optional.empty();
      }
      return Optional.of(out.flip().toString());
    }

    /**
     * Where the text stops being UTF-8, and the likely cause: an editor that saved it as
     * Windows-1252 or Latin-1, which write an accented letter as one byte of 0x80 to 0xFF.
     */
    private static String notUtf8(byte[] bytes, int offset) {
      int lineStart = offset;
      while (lineStart > 0 && bytes[lineStart - 1] != '\n' && offset - lineStart < 30) {
        lineStart--;
      }
      String before =
          UNPRINTABLE
              .matcher(new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8))
              .replaceAll("")
              .strip();
      return String.format(
          Locale.ROOT,
          "not valid UTF-8: bad byte 0x%02X at byte %d%s; save the file as UTF-8 (an editor saving"
              + " as Windows-1252 or Latin-1 writes accented letters as such bytes)",
          bytes[offset] & 0xFF,
          offset,
          before.isEmpty() ? "" : ", after \"" + before + "\"");
    }

    private static int lineAt(byte[] bytes, int offset) {
      int line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      return line;
    }

    /** When the article was written, for articles that do not say when they were published. */
    static Instant modified(Path file, List<IngestProblem> problems) {
      try {
        return Files.getLastModifiedTime(file).toInstant();
      } catch (IOException e) {
        problems.add(
            new IngestProblem(
                file,
                0,
                "cannot read modification time, using 1970-01-01: " + e.getMessage(),
                false));
        return Instant.EPOCH;
      }
    }

    void problem(Path path, int line, String reason, boolean fatal) {
      problems.add(new IngestProblem(path, line, reason, fatal));
    }

    void problems(List<IngestProblem> more) {
      problems.addAll(more);
    }

    /** A file read and parsed elsewhere, with the problems found in it. */
    void parsed(Path file, List<IngestProblem> found) {
      filesRead.add(file);
      problems.addAll(found);
    }

    IngestReport report() {
      return new IngestReport(filesRead, problems);
    }
  }
}
