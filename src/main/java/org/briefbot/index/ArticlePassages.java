package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.Bits;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * Every article's passages read back from the last commit of an index on disk, in one forward pass:
 * for a caller that asks for articles in the order their documents were written (ascending id, as a
 * whole build writes them), with one article's passages on the heap at a time. Curated FAQ
 * documents and deleted ones are passed over.
 *
 * <p>The files are read, not memory-mapped: a pass over a whole archive's passages (most of a
 * gigabyte at 100,000 articles) would otherwise leave them all resident in this process after.
 */
public final class ArticlePassages implements AutoCloseable {
  private final Path dir;
  private final Directory directory;
  private final DirectoryReader reader;
  private final List<LeafReaderContext> leaves;
  private int leaf = -1;
  private BinaryDocValues values;
  private Bits live;

  /** The next passage not handed out yet; null after the last one. */
  private Passage next;

  private ArticlePassages(Path dir, Directory directory, DirectoryReader reader)
      throws IOException {
    this.dir = dir;
    this.directory = directory;
    this.reader = reader;
    this.leaves = reader.leaves();
    advance();
  }

  /** The passages of the index in {@code dir} at its last commit. */
  public static ArticlePassages open(Path dir) {
    try {
      Directory directory = new NIOFSDirectory(dir);
      try {
        return new ArticlePassages(dir, directory, DirectoryReader.open(directory));
      } catch (IOException | RuntimeException e) {
        directory.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The passages of {@code articleId}, in document order; none for an article that has none or that
   * comes before the one asked for last. Passages of articles passed over are dropped.
   */
  public List<Passage> of(String articleId) {
    List<Passage> found = new ArrayList<>();
    try {
      while (next != null) {
        boolean curated = next.section() == Section.CURATED_FAQ;
        int order = next.articleId().compareTo(articleId);
        if (order > 0 && !curated) {
          break;
        }
        if (order == 0 && !curated) {
          found.add(next);
        }
        advance();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the index in " + dir + ": " + e.getMessage(), e);
    }
    return found;
  }

  private void advance() throws IOException {
    while (true) {
      if (values != null) {
        int doc = values.nextDoc();
        if (doc != DocIdSetIterator.NO_MORE_DOCS) {
          if (live == null || live.get(doc)) {
            next = PassageColumn.decode(values.binaryValue());
            return;
          }
          continue;
        }
      }
      if (++leaf >= leaves.size()) {
        next = null;
        return;
      }
      LeafReader segment = leaves.get(leaf).reader();
      values = segment.getBinaryDocValues(Fields.PASSAGE);
      live = segment.getLiveDocs();
    }
  }

  @Override
  public void close() {
    try (directory) {
      reader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the index in " + dir, e);
    }
  }
}
