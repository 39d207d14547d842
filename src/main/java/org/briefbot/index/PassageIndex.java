package org.briefbot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.briefbot.index.QueryPlan.Alternative;
import org.briefbot.index.QueryPlan.Concept;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * A Lucene index of passages, searched with BM25 over text, known questions, article title and
 * context, with entity aliases as synonyms and typo tolerance. Immutable once built and safe
 * for concurrent searches.
 */
public final class PassageIndex implements AutoCloseable {
  /** How far a section the question asks for ("why does it matter") lifts its passages. */
  private static final float SECTION_BOOST = 3f;
  /** How far the article the conversation is about lifts its passages. */
  private static final float ARTICLE_BOOST = 1.5f;
  /** Matching a question word only in the article's title or tags counts half. */
  private static final double ARTICLE_LEVEL_MATCH = 0.5;
  /** Coverage is worked out, and the ranking refined, for this many top hits; the rest keep 0. */
  private static final int COVERAGE_DEPTH = 20;
  private static final float FIELD_TIE_BREAKER = 0.3f;
  private static final TopDocs EMPTY = new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final QueryPlanner planner;
  private final IndexSettings settings;
  private final boolean hasVectors;

  private PassageIndex(Directory directory, TextAnalysis analysis, List<List<String>> synonyms, IndexSettings settings)
      throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(similarity(settings));
    this.planner = new QueryPlanner(reader, analysis, synonyms, settings.fuzzy());
    this.settings = settings;
    this.hasVectors = CandidateSignals.hasVectors(reader);
  }

  /** Indexes {@code input} in memory. */
  public static PassageIndex build(IndexInput input, IndexSettings settings, TextAnalysis analysis) {
    return build(input, settings, analysis, new ByteBuffersDirectory());
  }

  /** Indexes {@code input} into {@code directory}, replacing what it held. */
  public static PassageIndex build(IndexInput input, IndexSettings settings, TextAnalysis analysis, Directory directory) {
    try {
      IndexWriterConfig config = new IndexWriterConfig(analysis.analyzer());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      config.setSimilarity(similarity(settings));
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (Passage passage : input.passages()) {
          String context = input.articleContext().getOrDefault(passage.articleId(), "");
          Document doc = document(passage, context, Optional.ofNullable(input.vectors().get(passage.id())));
          SentenceVectors.add(doc, input.sentenceVectors().getOrDefault(passage.id(), List.of()));
          writer.addDocument(doc);
        }
      }
      return new PassageIndex(directory, analysis, input.synonyms(), settings);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot build the passage index: " + e.getMessage(), e);
    }
  }

  /** Number of passages indexed. */
  public int size() {
    return reader.numDocs();
  }

  public IndexSettings settings() {
    return settings;
  }

  /** The best passages for a question, best first, ties broken by passage id. */
  public List<Hit> search(SearchRequest request) {
    try {
      QueryPlan plan = planner.plan(request.text());
      Query query = query(plan, request);
      TopDocs top = searcher.search(query, request.topK());
      return hits(plan, top);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /**
   * Candidates for hybrid ranking: the BM25 top {@code request.topK()} and the {@code vectorDepth}
   * nearest passage vectors, each with all its signals, in passage-id order. BM25 runs before
   * {@code queryVector} is asked for, so the caller can embed the question meanwhile.
   */
  public List<Candidate> candidates(SearchRequest request, Supplier<Optional<float[]>> queryVector, int vectorDepth) {
    if (vectorDepth < 1) {
      throw new IllegalArgumentException("vectorDepth < 1: " + vectorDepth);
    }
    try {
      QueryPlan plan = planner.plan(request.text());
      TopDocs lexical = searcher.search(query(plan, request), request.topK());
      Optional<float[]> vector = queryVector.get();
      TopDocs nearest = vector.isPresent() ? nearest(vector.get(), vectorDepth) : EMPTY;
      return new CandidateSignals(reader, searcher.storedFields(), new Coverage(plan), vector).of(lexical, nearest);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /** Whether passages carry vectors (the index was built with embeddings). */
  public boolean hasVectors() {
    return hasVectors;
  }

  private TopDocs nearest(float[] vector, int k) throws IOException {
    if (!hasVectors) {
      return EMPTY;
    }
    return searcher.search(new KnnFloatVectorQuery(Fields.VECTOR, vector, k), k);
  }

  /** Inverse document frequency of an analysed term, for weighting words of a sentence. */
  public double idf(String term) {
    try {
      return planner.idf(planner.docFreq(term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Words of {@code text} that no passage has and that are one or two edits from a word the
   * index has ("amazn", "trainum"), each with that closest word (an analysed term), in text order.
   */
  public List<Typo> typos(String text) {
    return typos(text, word -> true);
  }

  /** {@link #typos(String)} among the words {@code suspect} accepts, e.g. those a model does not know. */
  public List<Typo> typos(String text, Predicate<String> suspect) {
    try {
      return planner.typos(text, suspect);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /** The passage with this id, if indexed. */
  public Optional<Passage> find(String passageId) {
    List<Passage> found = all(new TermQuery(new Term(Fields.ID, passageId)));
    return found.stream().findFirst();
  }

  /** All passages of an article in reading order: by section, then position. */
  public List<Passage> passagesOf(String articleId) {
    return all(new TermQuery(new Term(Fields.ARTICLE, articleId)));
  }

  @Override
  public void close() {
    try {
      reader.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the passage index", e);
    }
  }

  private List<Passage> all(Query query) {
    try {
      TopDocs top = searcher.search(query, Math.max(1, reader.maxDoc()));
      StoredFields stored = searcher.storedFields();
      List<Passage> passages = new ArrayList<>();
      for (ScoreDoc doc : top.scoreDocs) {
        passages.add(passage(stored.document(doc.doc)));
      }
      passages.sort(Comparator.comparing(Passage::section).thenComparingInt(Passage::position).thenComparing(Passage::id));
      return passages;
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  private Query query(QueryPlan plan, SearchRequest request) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Concept concept : plan.concepts()) {
      query.add(conceptQuery(concept, Fields.SEARCHED, true), Occur.SHOULD);
    }
    request.preferSection().ifPresent(section -> query.add(sectionBoost(section), Occur.SHOULD));
    request.preferArticle().ifPresent(article -> query.add(articleBoost(article), Occur.SHOULD));
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery("no searchable words") : built;
  }

  /** With no topic words ("what happens next?") the section, and the article in context, decide. */
  private static Query sectionBoost(Section section) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.SECTION, section.key()))), SECTION_BOOST);
  }

  private static Query articleBoost(String articleId) {
    return new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(Fields.ARTICLE, articleId))), ARTICLE_BOOST);
  }

  /** One concept: the best of its alternatives, each the best of the fields (with a tie-breaker). */
  private Query conceptQuery(Concept concept, String[] fields, boolean weighted) {
    List<Query> alternatives = new ArrayList<>();
    for (Alternative alternative : concept.alternatives()) {
      List<Query> perField = new ArrayList<>();
      for (String field : fields) {
        Query q = termsQuery(field, alternative.terms());
        perField.add(weighted ? new BoostQuery(q, settings.weight(field) * alternative.weight()) : q);
      }
      alternatives.add(new DisjunctionMaxQuery(perField, FIELD_TIE_BREAKER));
    }
    return new DisjunctionMaxQuery(alternatives, 0f);
  }

  private static Query termsQuery(String field, List<String> terms) {
    if (terms.size() == 1) {
      return new TermQuery(new Term(field, terms.get(0)));
    }
    return new PhraseQuery(field, terms.toArray(String[]::new));
  }

  /**
   * Loads the hits and re-ranks the first {@link #COVERAGE_DEPTH} by a blend of coverage and
   * BM25 (relative to the best score): a passage that answers every part of the question beats
   * one that repeats a single word of it. The rest keep BM25 order behind them.
   */
  private List<Hit> hits(QueryPlan plan, TopDocs top) throws IOException {
    StoredFields stored = searcher.storedFields();
    Coverage coverage = new Coverage(plan);
    double maxScore = top.scoreDocs.length == 0 ? 1 : Math.max(top.scoreDocs[0].score, Float.MIN_NORMAL);
    double w = settings.coverageWeight();
    List<Hit> reranked = new ArrayList<>();
    List<Hit> rest = new ArrayList<>();
    for (int rank = 0; rank < top.scoreDocs.length; rank++) {
      ScoreDoc doc = top.scoreDocs[rank];
      Passage passage = passage(stored.document(doc.doc));
      if (rank < COVERAGE_DEPTH) {
        double covered = coverage.of(doc.doc);
        reranked.add(new Hit(passage, w * covered + (1 - w) * doc.score / maxScore, covered));
      } else {
        rest.add(new Hit(passage, (1 - w) * doc.score / maxScore, 0));
      }
    }
    reranked.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.passage().id()));
    reranked.addAll(rest);
    return reranked;
  }

  /** Share of the plan's IDF a document matches: in its own text fully, in its article's title or tags half. */
  final class Coverage {
    private final QueryPlan plan;
    private final List<Weight> content = new ArrayList<>();
    private final List<Weight> article = new ArrayList<>();

    Coverage(QueryPlan plan) throws IOException {
      this.plan = plan;
      for (Concept concept : plan.concepts()) {
        content.add(weight(conceptQuery(concept, Fields.CONTENT, false)));
        article.add(weight(conceptQuery(concept, Fields.ARTICLE_LEVEL, false)));
      }
    }

    /** Coverage of each of {@code docs}, in their order, walking each concept's matches once per segment. */
    double[] of(int[] docs) throws IOException {
      double[] shares = new double[docs.length];
      for (int i = 0; i < plan.concepts().size(); i++) {
        boolean[] inContent = ConceptMatches.of(content.get(i), reader, docs);
        boolean[] inArticle = ConceptMatches.of(article.get(i), reader, docs);
        double idf = plan.concepts().get(i).idf();
        for (int d = 0; d < docs.length; d++) {
          shares[d] += (inContent[d] ? 1 : inArticle[d] ? ARTICLE_LEVEL_MATCH : 0) * idf;
        }
      }
      double total = plan.totalIdf();
      for (int d = 0; d < docs.length; d++) {
        shares[d] = total <= 0 ? 0 : Math.min(1, shares[d] / total);
      }
      return shares;
    }

    double of(int doc) throws IOException {
      double total = plan.totalIdf();
      if (total <= 0) {
        return 0;
      }
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
      int local = doc - leaf.docBase;
      double matched = 0;
      for (int i = 0; i < plan.concepts().size(); i++) {
        double share = matches(content.get(i), leaf, local) ? 1 : matches(article.get(i), leaf, local) ? ARTICLE_LEVEL_MATCH : 0;
        matched += share * plan.concepts().get(i).idf();
      }
      return Math.min(1, matched / total); // sums of doubles may overshoot 1 by an ulp
    }

    private Weight weight(Query query) throws IOException {
      return searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    }

    private static boolean matches(Weight weight, LeafReaderContext leaf, int doc) throws IOException {
      return weight.matches(leaf, doc) != null;
    }
  }

  private static BM25Similarity similarity(IndexSettings settings) {
    return new BM25Similarity((float) settings.k1(), (float) settings.b());
  }

  private static Document document(Passage passage, String context, Optional<float[]> vector) {
    Document doc = new Document();
    // Unit vectors: the dot product is the cosine, and cheaper.
    vector.ifPresent(v -> doc.add(new KnnFloatVectorField(Fields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT)));
    doc.add(new StringField(Fields.ID, passage.id(), Field.Store.YES));
    doc.add(new StringField(Fields.ARTICLE, passage.articleId(), Field.Store.YES));
    doc.add(new StringField(Fields.SECTION, passage.section().key(), Field.Store.YES));
    doc.add(new StoredField(Fields.ARTICLE_TITLE, passage.articleTitle()));
    doc.add(new StoredField(Fields.POSITION, passage.position()));
    doc.add(new TextField(Fields.TEXT, passage.text(), Field.Store.YES));
    doc.add(new TextField(Fields.TITLE, passage.articleTitle(), Field.Store.NO));
    if (!context.isBlank()) {
      doc.add(new TextField(Fields.CONTEXT, context, Field.Store.NO));
    }
    for (String question : passage.questions()) {
      doc.add(new TextField(Fields.QUESTIONS, question, Field.Store.YES));
    }
    for (String entity : passage.entities()) {
      doc.add(new StoredField(Fields.ENTITIES, entity));
    }
    return doc;
  }

  static Passage passage(Document doc) {
    return new Passage(
        doc.get(Fields.ID),
        doc.get(Fields.ARTICLE),
        doc.get(Fields.ARTICLE_TITLE),
        Section.valueOf(doc.get(Fields.SECTION).toUpperCase(Locale.ROOT)),
        Objects.requireNonNull(doc.getField(Fields.POSITION)).numericValue().intValue(),
        doc.get(Fields.TEXT),
        values(doc, Fields.QUESTIONS),
        values(doc, Fields.ENTITIES));
  }

  private static List<String> values(Document doc, String field) {
    return Arrays.stream(doc.getFields(field)).map(IndexableField::stringValue).toList();
  }
}
