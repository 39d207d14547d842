package org.briefbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding one index to another links the added files instead of writing them again. */
class LinkingDirectoryTest {
  @TempDir Path temp;

  @Test
  void addIndexesLinksEveryFileOfTheAddedIndexAndTheResultOutlivesIt() throws IOException {
    Path share = temp.resolve("share");
    Path index = temp.resolve("index");
    try (Directory dir = FSDirectory.open(share);
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      for (String text : List.of("hydrogen ferries ordered", "tidal power station", "ferries")) {
        Document doc = new Document();
        doc.add(new TextField("text", text, Field.Store.YES));
        writer.addDocument(doc);
      }
    }
    try (Directory from = FSDirectory.open(share);
        Directory to = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(
                new LinkingDirectory(to), new IndexWriterConfig(new StandardAnalyzer()))) {
      writer.addIndexes(from);
    }

    List<Path> added = segmentFiles(index);
    assertThat(added).isNotEmpty();
    for (Path file : added) {
      assertThat(Files.getAttribute(file, "unix:nlink")).as(file.toString()).isEqualTo(2);
    }
    deleteTree(share);
    try (Directory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertThat(reader.numDocs()).isEqualTo(3);
      assertThat(new IndexSearcher(reader).count(new TermQuery(new Term("text", "ferries"))))
          .isEqualTo(2);
    }
  }

  /** The files addIndexes brought in: all but the commit point and the lock. */
  private static List<Path> segmentFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> !f.getFileName().toString().startsWith("segments"))
          .filter(f -> !f.getFileName().toString().equals("write.lock"))
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
