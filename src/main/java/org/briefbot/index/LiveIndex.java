package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.ReaderManager;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * One passage index on disk that follows the knowledge folder article by article: a change deletes
 * the documents of the articles it replaces or removes and adds the new ones in one Lucene commit,
 * then the reader is refreshed from that commit, so a question sees the index before the change or
 * after it, never half of it. Each commit carries its caller's data (what the index holds); a
 * process killed during an update, or a writer that fails half-way, leaves the last commit as it
 * was, and the next {@link #open} starts from there.
 *
 * <p>Memory-mapped ({@link FSDirectory#open}): searchers of successive versions share the segments
 * they have in common, and passage text stays off the heap. Searchers handed out by {@link
 * #searcher} stay usable until they are closed, also after this index is.
 */
public final class LiveIndex implements AutoCloseable {
  private final Path dir;
  private final Directory directory;
  private final ReaderManager readers;
  private final IndexSettings settings;
  private final TextAnalysis analysis;

  private LiveIndex(Path dir, Directory directory, IndexSettings settings, TextAnalysis analysis)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.settings = settings;
    this.analysis = analysis;
    this.readers = new ReaderManager(directory);
  }

  /** Opens the index in {@code dir} at its last commit; an empty one when there is none yet. */
  public static LiveIndex open(Path dir, IndexSettings settings, TextAnalysis analysis) {
    try {
      Directory directory = FSDirectory.open(dir);
      try {
        if (!DirectoryReader.indexExists(directory)) {
          try (IndexWriter writer = new IndexWriter(directory, config(settings, analysis))) {
            writer.commit();
          }
        }
        return new LiveIndex(dir, directory, settings, analysis);
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code dir} holds a committed index. */
  public static boolean exists(Path dir) {
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    } catch (IOException e) {
      return false;
    }
  }

  /** What the caller recorded with the last commit; empty for an index never written. */
  public Map<String, String> committed() {
    try {
      return Map.copyOf(SegmentInfos.readLatestCommit(directory).getUserData());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * What the caller recorded with the commit that {@link #searcher} serves now: the last commit
   * this index saw, which another process may have followed with newer ones ({@link #reopen}).
   */
  public Map<String, String> served() {
    try {
      DirectoryReader reader = readers.acquire();
      try {
        return Map.copyOf(reader.getIndexCommit().getUserData());
      } finally {
        readers.release(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Moves {@link #searcher} to the last commit, also one that another process made. */
  public void reopen() {
    refresh();
  }

  /**
   * Replaces everything with the documents of {@code shares}, written the way a whole archive is
   * ({@link PassageWriter#write(List, IndexSettings, TextAnalysis, Path)}), in a commit that
   * records nothing: the caller's next {@link #apply} records what the index holds. Until then the
   * index reads as one whose commit names nothing, which a reader takes for an index still being
   * built.
   */
  public void replaceAll(List<Iterator<IndexInput>> shares) {
    PassageWriter.write(shares, settings, analysis, dir);
    refresh();
  }

  /**
   * Applies {@code change} in one commit that records {@code commitData}; on any failure nothing of
   * it is committed, the index stays at its last commit and the failure is thrown.
   */
  public void apply(Change change, Map<String, String> commitData) {
    try {
      IndexWriter writer = new IndexWriter(directory, config(settings, analysis));
      try {
        for (String article : change.removedArticles()) {
          writer.deleteDocuments(new Term(Fields.ARTICLE, article));
        }
        if (change.replaceCurated()) {
          writer.deleteDocuments(new Term(Fields.SECTION, Section.CURATED_FAQ.key()));
        }
        IndexInput added = change.added();
        PassageWriter.addDocuments(writer, added, added.passages(), analysis);
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
      } catch (IOException | RuntimeException | Error e) {
        rollBack(writer, e);
        throw e;
      }
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot update the index in " + dir + ": " + e.getMessage(), e);
    }
    refresh();
  }

  /**
   * Drops what a failed update added, unless the writer is already closed or closing. After an
   * OutOfMemoryError Lucene rolls the writer back itself; when that rollback dies half-way the
   * writer stays marked as closing, and rollback() or close() would wait for it forever: the
   * update's thread would hang instead of reporting the failure (as the first build once did).
   */
  private static void rollBack(IndexWriter writer, Throwable failure) {
    if (!writer.isOpen()) {
      return;
    }
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Writes the documents of {@code articles} again as the last commit has them, with the vectors
   * {@code withVectors} adds, in one commit recording {@code commitData}: how passages indexed
   * before the model had their vectors get them.
   */
  public void rewrite(
      List<String> articles,
      Map<String, String> articleContext,
      UnaryOperator<IndexInput> withVectors,
      Map<String, String> commitData) {
    List<Passage> passages = new ArrayList<>();
    try (PassageIndex current = searcher(List.of())) {
      articles.forEach(article -> passages.addAll(current.passagesOf(article)));
    }
    IndexInput input = new IndexInput(passages, articleContext, List.of());
    apply(new Change(articles, false, withVectors.apply(input)), commitData);
  }

  /**
   * What one update does.
   *
   * @param removedArticles ids of the articles whose documents go (removed or replaced)
   * @param replaceCurated whether every curated FAQ document goes, for {@code added} to bring back
   * @param added the documents to add: new and changed articles', and the curated ones if replaced
   */
  public record Change(List<String> removedArticles, boolean replaceCurated, IndexInput added) {
    public Change {
      removedArticles = List.copyOf(removedArticles);
    }
  }

  /**
   * A searcher over the last commit; it holds that version of the index until it is closed, while
   * later updates go on.
   */
  public PassageIndex searcher(List<List<String>> synonyms) {
    try {
      DirectoryReader reader = readers.acquire();
      try {
        return PassageIndex.over(
            reader, () -> readers.release(reader), analysis, synonyms, settings);
      } catch (IOException | RuntimeException e) {
        readers.release(reader);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private void refresh() {
    try {
      readers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot reopen the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static IndexWriterConfig config(IndexSettings settings, TextAnalysis analysis) {
    return PassageWriter.writerConfig(settings, analysis)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
  }

  /** Closes this index's own reader; searchers handed out keep theirs until they are closed. */
  @Override
  public void close() {
    try (directory) {
      readers.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the index in " + dir, e);
    }
  }
}
