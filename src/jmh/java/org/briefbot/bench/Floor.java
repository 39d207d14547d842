package org.briefbot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.briefbot.index.TextAnalysis;

/**
 * The floor: what Lucene alone costs for a question over the very index briefbot searches. The
 * question is analysed with briefbot's analyzer; each term is a SHOULD clause on each of the four
 * searched fields with the same field weights (a flat BM25 BooleanQuery: no concepts, synonyms,
 * fuzzy terms or coverage); top 10; the stored fields of all 10 hits loaded.
 */
final class Floor implements AutoCloseable {
  /** Field and weight as briefbot's IndexSettings.defaults searches them. */
  private static final String[] FIELDS = {"text", "questions", "title", "context"};

  private static final float[] WEIGHTS = {1.0f, 1.0f, 0.4f, 0.3f};
  private static final int TOP = 10;

  private final FSDirectory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final TextAnalysis analysis;
  private final boolean textOnly;

  /**
   * @param textOnly search the text field alone (the thinnest floor), not all four fields
   */
  Floor(Path indexDir, TextAnalysis analysis, boolean textOnly) throws IOException {
    this.directory = FSDirectory.open(indexDir);
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(new BM25Similarity(0.9f, 0.4f));
    this.analysis = analysis;
    this.textOnly = textOnly;
  }

  /** The stored documents of the top 10. */
  List<Document> search(String question) throws IOException {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String term : analysis.terms(question)) {
      for (int f = 0; f < (textOnly ? 1 : FIELDS.length); f++) {
        Query clause = new TermQuery(new Term(FIELDS[f], term));
        query.add(WEIGHTS[f] == 1f ? clause : new BoostQuery(clause, WEIGHTS[f]), Occur.SHOULD);
      }
    }
    TopDocs top = searcher.search(query.build(), TOP);
    StoredFields stored = searcher.storedFields();
    List<Document> docs = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc hit : top.scoreDocs) {
      docs.add(stored.document(hit.doc));
    }
    return docs;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
