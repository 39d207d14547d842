package org.briefbot.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.briefbot.knowledge.KnowledgeLoader.ParsedFile;

/**
 * A knowledge folder loaded a batch of articles at a time, for a first build whose heap must not
 * grow with the folder: each batch is parsed on the thread that asks for it and handed over with
 * its passages, to be indexed and dropped; only the articles without their passages are kept. Once
 * every share has been read, {@link #knowledge} is the folder as {@link KnowledgeLoader#load(Path)}
 * loads it, passages left out as {@link Knowledge#indexed()} leaves them out.
 *
 * <p>Batches come in article id order, the order of {@link Knowledge#articles()} and so of a whole
 * build's documents; shares are contiguous runs of it, for writers that each take one.
 */
public final class ArticleBatches {
  /** Files parsed per batch: a few megabytes of passages on the heap per share at a time. */
  private static final int BATCH = 256;

  private final KnowledgeLoader loader;
  private final Path knowledgeDir;
  private final KnowledgeLoader.Ingest ingest = new KnowledgeLoader.Ingest();
  private final boolean folderFound;

  /** The article files in file-name order, the order the report lists them in. */
  private final List<Path> files;

  /** Positions in {@link #files}, in article id order (files with the same id keep their order). */
  private final int[] byId;

  /** What each file gave, kept without passages; by position in {@link #files}. */
  private final AtomicReferenceArray<ParsedFile> parsed;

  private final Map<EntityNote, EntityNote> notes = new ConcurrentHashMap<>();

  private Knowledge loaded; // guarded by this

  ArticleBatches(KnowledgeLoader loader, Path knowledgeDir) {
    this.loader = loader;
    this.knowledgeDir = knowledgeDir;
    this.folderFound = Files.isDirectory(knowledgeDir);
    this.files =
        folderFound
            ? ingest.files(knowledgeDir.resolve("articles"), KnowledgeLoader.TEXT)
            : List.of();
    this.byId =
        IntStream.range(0, files.size())
            .boxed()
            .sorted(Comparator.comparing(i -> ArticleParser.articleId(files.get(i))))
            .mapToInt(Integer::intValue)
            .toArray();
    this.parsed = new AtomicReferenceArray<>(files.size());
  }

  /** How many article files the folder has. */
  public int files() {
    return files.size();
  }

  /**
   * Share {@code share} of {@code shares}: a contiguous run of the files in article id order, each
   * {@link Iterator#next} parsing the next batch of them on the calling thread and giving what
   * {@code batch} makes of the articles that parsed, with their passages, in id order (a batch may
   * have none).
   */
  public <T> Iterator<T> share(int share, int shares, Function<List<Article>, T> batch) {
    if (shares < 1 || share < 0 || share >= shares) {
      throw new IllegalArgumentException("share " + share + " of " + shares);
    }
    int from = (int) ((long) share * byId.length / shares);
    int to = (int) ((long) (share + 1) * byId.length / shares);
    return new Iterator<>() {
      private int next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int end = Math.min(to, next + BATCH);
        List<Article> articles = new ArrayList<>(end - next);
        for (; next < end; next++) {
          parse(byId[next]).ifPresent(articles::add);
        }
        return batch.apply(articles);
      }
    };
  }

  private Optional<Article> parse(int position) {
    ParsedFile file = loader.parseFile(files.get(position));
    parsed.set(
        position,
        new ParsedFile(
            file.path(), file.article().map(a -> a.withoutPassages(notes)), file.problems()));
    return file.article();
  }

  /** The folder as loaded, articles without their passages; once every share is read to its end. */
  public synchronized Knowledge knowledge() {
    if (loaded == null) {
      loaded = load();
    }
    return loaded;
  }

  private Knowledge load() {
    if (!folderFound) {
      return KnowledgeLoader.missingFolder(knowledgeDir, ingest);
    }
    List<Article> articles = new ArrayList<>();
    for (int position : byId) {
      parsedAt(position).article().ifPresent(articles::add);
    }
    for (int position = 0; position < files.size(); position++) {
      ingest.parsed(files.get(position), parsedAt(position).problems());
    }
    return loader.withCurated(knowledgeDir, articles, ingest, new LastGoodFiles());
  }

  private ParsedFile parsedAt(int position) {
    ParsedFile file = parsed.get(position);
    if (file == null) {
      throw new IllegalStateException(files.get(position) + " was never parsed: a share is unread");
    }
    return file;
  }
}
