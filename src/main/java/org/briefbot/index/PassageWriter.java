package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogByteSizeMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.briefbot.knowledge.Passage;

/**
 * Writes passage indexes: the document schema (one document per passage, its article's title and
 * context analysed once per article), whole archives on two writers, and the writer settings that
 * keep documents in the order they were added. {@link PassageIndex} reads what this writes; {@link
 * LiveIndex} uses the same documents for updates of one article at a time.
 */
public final class PassageWriter {
  /** Which words a passage has, for spellings only: no frequencies, positions or norms. */
  private static final FieldType WORDS = words();

  private static final double INDEXING_BUFFER_MB = 128;

  /**
   * How many writers index a large archive: analysis, most of the cost, then runs on both cores of
   * the machine this is sized for. Below about 20,000 passages one writer is as fast as two.
   */
  public static final int WRITERS = 2;

  private PassageWriter() {}

  /**
   * Writes the index of {@code shares} into the folder {@code dir} and closes it: documents in
   * share order, each share's batches in the order its iterator gives them. A share's batches are
   * taken (and may be made, e.g. parsed) on the thread that writes them, so only the batches being
   * written are on the heap. One share is written on the calling thread; several as {@link
   * #writeInParts} does.
   */
  public static void write(
      List<Iterator<IndexInput>> shares, IndexSettings settings, TextAnalysis analysis, Path dir) {
    try (Directory directory = FSDirectory.open(dir)) {
      removeLeftParts(dir);
      if (shares.size() == 1) {
        writeDocuments(shares.get(0), settings, analysis, directory);
      } else {
        writeInParts(shares, settings, analysis, dir, directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot write the passage index to " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Each share is indexed by a writer of its own into a folder of its own, on named threads, then
   * the shares are added to the index in order: analysis, most of the cost, runs on both cores, and
   * documents keep the order one writer gives them, so every tie between equal scores breaks the
   * same way.
   */
  private static void writeInParts(
      List<Iterator<IndexInput>> shares,
      IndexSettings settings,
      TextAnalysis analysis,
      Path dir,
      Directory target)
      throws IOException {
    List<Path> parts = new ArrayList<>();
    ExecutorService writers =
        Executors.newFixedThreadPool(shares.size(), namedThreads("index-writer-"));
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < shares.size(); w++) {
        Iterator<IndexInput> share = shares.get(w);
        Path part =
            Files.createTempDirectory(
                dir.toAbsolutePath().getParent(), dir.getFileName() + ".part-" + w + "-");
        parts.add(part);
        done.add(
            writers.submit(
                () -> {
                  try (Directory directory = FSDirectory.open(part)) {
                    writeDocuments(share, settings, analysis, directory);
                  }
                  return null;
                }));
      }
      for (Future<?> part : done) {
        join(part);
      }
      addInOrder(parts, settings, analysis, target);
    } finally {
      writers.shutdownNow();
      parts.forEach(PassageWriter::deleteFolder);
    }
  }

  /**
   * Removes the part folders a write of {@code dir} killed half-way left behind (a whole archive's
   * worth of segments each), which nothing else would ever remove; the caller writes {@code dir}
   * alone.
   */
  private static void removeLeftParts(Path dir) throws IOException {
    String prefix = dir.getFileName() + ".part-";
    try (Stream<Path> siblings = Files.list(dir.toAbsolutePath().getParent())) {
      siblings
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .forEach(PassageWriter::deleteFolder);
    }
  }

  private static void addInOrder(
      List<Path> parts, IndexSettings settings, TextAnalysis analysis, Directory target)
      throws IOException {
    List<Directory> directories = new ArrayList<>();
    try (IndexWriter writer =
        new IndexWriter(new LinkingDirectory(target), writerConfig(settings, analysis))) {
      for (Path part : parts) {
        directories.add(FSDirectory.open(part));
      }
      writer.addIndexes(directories.toArray(Directory[]::new));
    } finally {
      for (Directory directory : directories) {
        directory.close();
      }
    }
  }

  private static void join(Future<?> future) throws IOException {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> new Thread(task, prefix + count.incrementAndGet());
  }

  private static void deleteFolder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover part folder only costs disk space; the index itself is complete.
    }
  }

  static IndexWriterConfig writerConfig(IndexSettings settings, TextAnalysis analysis) {
    IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setSimilarity(similarity(settings));
    // Whole archives are indexed at once: a large buffer means few flushes and merges, and
    // plain (not compound) files skip a copy of every segment.
    config.setRAMBufferSizeMB(INDEXING_BUFFER_MB);
    config.setUseCompoundFile(false);
    // Merges of adjacent segments only: documents keep the order they were added in, however
    // merges are timed, so a rebuild breaks score ties exactly as the build before it.
    config.setMergePolicy(new LogByteSizeMergePolicy());
    return config;
  }

  static void writeDocuments(
      Iterator<IndexInput> batches,
      IndexSettings settings,
      TextAnalysis analysis,
      Directory directory)
      throws IOException {
    IndexWriter writer = new IndexWriter(directory, writerConfig(settings, analysis));
    try {
      while (batches.hasNext()) {
        IndexInput batch = batches.next();
        addDocuments(writer, batch, batch.passages(), analysis);
      }
    } catch (VirtualMachineError e) {
      // Not closed: after an OutOfMemoryError the writer's own rollback may have stopped half-way,
      // still marked as closing, and close() then waits for it forever (a first build with too
      // small a heap hung instead of exiting with its hint). The process is failing anyway.
      throw e;
    } catch (IOException | RuntimeException e) {
      closeAfter(writer, e);
      throw e;
    }
    writer.close();
  }

  private static void closeAfter(IndexWriter writer, Exception failure) {
    try {
      writer.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  /** Adds a document per passage, in order; an article's passages come one after another. */
  static void addDocuments(
      IndexWriter writer, IndexInput input, List<Passage> passages, TextAnalysis analysis)
      throws IOException {
    ArticleFields article = null;
    for (Passage passage : passages) {
      if (article == null || !article.describes(passage)) {
        article =
            ArticleFields.of(
                passage,
                input.articleContext().getOrDefault(passage.articleId(), ""),
                analysis.analyzer());
      }
      Document doc = document(passage, article, input.vectors().passage(passage));
      SentenceVectors.add(doc, input.vectors().sentences(passage));
      writer.addDocument(doc);
    }
  }

  static BM25Similarity similarity(IndexSettings settings) {
    return new BM25Similarity((float) settings.k1(), (float) settings.b());
  }

  /**
   * The fields a passage shares with the rest of its article, analysed once per article: a writer
   * gets an article's passages one after another.
   */
  private record ArticleFields(
      String id, String titleText, AnalysedText title, Optional<AnalysedText> context) {
    static ArticleFields of(Passage passage, String context, Analyzer analyzer) {
      return new ArticleFields(
          passage.articleId(),
          passage.articleTitle(),
          new AnalysedText(analyzer, Fields.TITLE, passage.articleTitle()),
          context.isBlank()
              ? Optional.empty()
              : Optional.of(new AnalysedText(analyzer, Fields.CONTEXT, context)));
    }

    boolean describes(Passage passage) {
      return id.equals(passage.articleId()) && titleText.equals(passage.articleTitle());
    }
  }

  private static FieldType words() {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static Document document(
      Passage passage, ArticleFields article, Optional<float[]> vector) {
    Document doc = new Document();
    // Unit vectors: the dot product is the cosine, and cheaper.
    vector.ifPresent(
        v ->
            doc.add(
                new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT)));
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(Fields.ARTICLE, passage.articleId(), Field.Store.YES));
    doc.add(new StringField(Fields.SECTION, passage.section().key(), Field.Store.YES));
    doc.add(new StoredField(Fields.ARTICLE_TITLE, passage.articleTitle()));
    doc.add(new StoredField(Fields.POSITION, passage.position()));
    doc.add(new TextField(Fields.TEXT, passage.text(), Field.Store.YES));
    doc.add(new Field(Fields.WORDS, passage.text(), WORDS));
    doc.add(new TextField(Fields.TITLE, article.title().tokens()));
    article
        .context()
        .ifPresent(context -> doc.add(new TextField(Fields.CONTEXT, context.tokens())));
    for (String question : passage.questions()) {
      doc.add(new TextField(Fields.QUESTIONS, question, Field.Store.YES));
    }
    for (String entity : passage.entities()) {
      doc.add(new StoredField(Fields.ENTITIES, entity));
    }
    doc.add(new BinaryDocValuesField(Fields.PASSAGE, PassageColumn.encode(passage)));
    doc.add(new BinaryDocValuesField(Fields.WORDING, Wording.encode(passage.text())));
    return doc;
  }
}
