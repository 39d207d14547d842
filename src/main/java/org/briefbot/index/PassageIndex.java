package org.briefbot.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.briefbot.index.QueryPlan.Alternative;
import org.briefbot.index.QueryPlan.Concept;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;
import org.briefbot.memo.RecentMemo;

/**
 * A Lucene index of passages, searched with BM25 over text, known questions, article title and
 * context, with entity aliases as synonyms and typo tolerance. Immutable once built and safe for
 * concurrent searches.
 */
public final class PassageIndex implements AutoCloseable {
  /** How far a section the question asks for ("why does it matter") lifts its passages. */
  private static final float SECTION_BOOST = 3f;

  /** How far the article the conversation is about lifts its passages. */
  private static final float ARTICLE_BOOST = 1.5f;

  /** How many of the conversation's article's passages join a follow-up's candidates. */
  private static final int IN_ARTICLE = 10;

  /**
   * Coverage is worked out, and the ranking refined, for this many top hits; the rest keep 0.
   * Asking for more hits than this leaves these first ones unchanged.
   */
  public static final int COVERAGE_DEPTH = 20;

  private static final TopDocs EMPTY =
      new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

  /** How many of the latest vector searches are kept. */
  private static final int RECENT_SEARCHES = 16;

  private final DirectoryReader reader;
  private final Closeable release;
  private final IndexSearcher searcher;
  private final TextAnalysis analysis;
  private final Spellings spellings;
  private final QueryPlanner planner;
  private final IndexSettings settings;
  private final boolean hasVectors;

  /**
   * The latest vector searches, least recently used dropped first: a question declined as typed is
   * asked again with its typos spelt right, and the model read it spelt right the first time, so
   * its vector and nearest passages are the same.
   */
  private final RecentMemo<NearestKey, TopDocs> recentNearest = new RecentMemo<>(RECENT_SEARCHES);

  /**
   * A searcher over {@code reader}; {@code release} gives the reader (and whatever else this index
   * holds) back when it is closed.
   */
  private PassageIndex(
      DirectoryReader reader,
      Closeable release,
      TextAnalysis analysis,
      List<List<String>> synonyms,
      IndexSettings settings)
      throws IOException {
    this.reader = reader;
    this.release = release;
    this.searcher = new IndexSearcher(reader);
    this.searcher.setSimilarity(PassageWriter.similarity(settings));
    // Every question is a new query: caching clauses across questions only adds bookkeeping.
    this.searcher.setQueryCache(null);
    this.planner = new QueryPlanner(reader, analysis, synonyms, settings.fuzzy());
    this.analysis = analysis;
    this.spellings = new Spellings(reader, searcher, analysis);
    this.settings = settings;
    this.hasVectors = CandidateSignals.hasVectors(reader);
  }

  /** A searcher over the latest commit in {@code directory}, which it closes with itself. */
  private static PassageIndex owning(
      Directory directory,
      TextAnalysis analysis,
      List<List<String>> synonyms,
      IndexSettings settings)
      throws IOException {
    DirectoryReader reader = DirectoryReader.open(directory);
    return new PassageIndex(
        reader,
        () -> {
          try (directory) {
            reader.close();
          }
        },
        analysis,
        synonyms,
        settings);
  }

  /**
   * A searcher over a reader someone else manages ({@link LiveIndex}): {@code release} hands it
   * back when this index is closed.
   */
  static PassageIndex over(
      DirectoryReader reader,
      Closeable release,
      TextAnalysis analysis,
      List<List<String>> synonyms,
      IndexSettings settings)
      throws IOException {
    return new PassageIndex(reader, release, analysis, synonyms, settings);
  }

  /** Indexes {@code input} in memory. */
  public static PassageIndex build(
      IndexInput input, IndexSettings settings, TextAnalysis analysis) {
    return build(input, settings, analysis, new ByteBuffersDirectory());
  }

  /**
   * Opens an index that {@link PassageWriter#write} wrote; memory-mapped, so passage text stays off
   * the heap.
   */
  public static PassageIndex open(
      Path dir, List<List<String>> synonyms, IndexSettings settings, TextAnalysis analysis) {
    try {
      return owning(FSDirectory.open(dir), analysis, synonyms, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Indexes {@code input} into {@code directory}, replacing what it held. */
  public static PassageIndex build(
      IndexInput input, IndexSettings settings, TextAnalysis analysis, Directory directory) {
    try {
      PassageWriter.writeDocuments(List.of(input).iterator(), settings, analysis, directory);
      return owning(directory, analysis, input.synonyms(), settings);
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
      Lexical lexical = lexical(request, false);
      return hits(lexical.plan(), lexical.top(), lexical.lookups());
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /**
   * Candidates for hybrid ranking: the BM25 top {@code request.topK()} and the {@code vectorDepth}
   * nearest passage vectors, each with all its signals, in passage-id order. BM25 runs before
   * {@code queryVector} is asked for, so the caller can embed the question meanwhile.
   */
  public List<Candidate> candidates(
      SearchRequest request, Supplier<Optional<float[]>> queryVector, int vectorDepth) {
    if (vectorDepth < 1) {
      throw new IllegalArgumentException("vectorDepth < 1: " + vectorDepth);
    }
    try {
      Lexical lexical = lexical(request, true);
      TopDocs inArticle = inArticle(request, lexical);
      Optional<float[]> vector = queryVector.get();
      TopDocs nearest = vector.isPresent() ? nearest(vector.get(), vectorDepth) : EMPTY;
      return new CandidateSignals(
              reader, new Coverage(reader, lexical.plan(), lexical.lookups()), vector)
          .of(lexical.top(), nearest, inArticle);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /**
   * A question's BM25 search: its plan, the term look-ups ranking and coverage share, the top hits.
   */
  private record Lexical(QueryPlan plan, TermLookups lookups, Query query, TopDocs top) {}

  /**
   * {@code asAlone}: scored as the question asked alone (see {@link #scored}), for candidates whose
   * signals the learned models read; BM25 mode ranks by the search itself, boosts and all.
   */
  private Lexical lexical(SearchRequest request, boolean asAlone) throws IOException {
    TermLookups lookups = new TermLookups(searcher);
    QueryPlan plan = planner.plan(request.text(), term -> lookups.states(term).docFreq());
    // The total hit count is never used: counting none lets Lucene skip non-competitive
    // documents from the start (the default counts the first 1,000 exactly). Same top hits.
    Query query = query(plan, asAlone ? scored(request, plan) : request, lookups);
    TopDocs top =
        searcher.search(
            query, new TopScoreDocCollectorManager(request.topK(), null, request.topK()));
    return new Lexical(plan, lookups, query, top);
  }

  /**
   * The search whose scores become candidate signals: without the conversation's article when the
   * question has words to search by. Its boost lifts every passage of that article by a constant,
   * so the same question scored differently with a context than without, and the learned models,
   * fitted on questions asked alone, read signals unlike those they were fitted on ("How much is
   * the AWS deal worth?" asked twice in a chat was declined the second time). A question with no
   * such words ("what happens next?") has only its section and article to go by.
   */
  private static SearchRequest scored(SearchRequest request, QueryPlan plan) {
    return followsArticle(request, plan)
        ? new SearchRequest(
            request.text(), request.preferSection(), Optional.empty(), request.topK())
        : request;
  }

  private static boolean followsArticle(SearchRequest request, QueryPlan plan) {
    return request.preferArticle().isPresent() && !plan.concepts().isEmpty();
  }

  /**
   * The conversation's article's passages the question finds best, scored as the question alone
   * scores them ({@code lexical} searched as alone): they join the candidates with no BM25 rank, as
   * passages found by meaning alone do, so that a follow-up reaches its article's passages at any
   * archive size and the retriever's lift for that article can choose them.
   */
  private TopDocs inArticle(SearchRequest request, Lexical lexical) throws IOException {
    if (!followsArticle(request, lexical.plan())) {
      return EMPTY;
    }
    Query within =
        new BooleanQuery.Builder()
            .add(lexical.query(), Occur.MUST)
            .add(
                new TermQuery(new Term(Fields.ARTICLE, request.preferArticle().get())),
                Occur.FILTER)
            .build();
    return searcher.search(within, new TopScoreDocCollectorManager(IN_ARTICLE, null, IN_ARTICLE));
  }

  /** How many passages have their vector (the rest are found by BM25 only). */
  public int passagesWithVectors() {
    try {
      return searcher.count(new FieldExistsQuery(Fields.VECTOR));
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /** The ids of the articles that have a passage without its vector, sorted. */
  public List<String> articlesWithoutVectors() {
    Query missing =
        new BooleanQuery.Builder()
            .add(new MatchAllDocsQuery(), Occur.FILTER)
            .add(new FieldExistsQuery(Fields.VECTOR), Occur.MUST_NOT)
            .build();
    try {
      TopDocs top = searcher.search(missing, Math.max(1, reader.maxDoc()));
      StoredFields stored = reader.storedFields();
      Set<String> articles = new TreeSet<>();
      for (ScoreDoc doc : top.scoreDocs) {
        articles.add(stored.document(doc.doc, Set.of(Fields.ARTICLE)).get(Fields.ARTICLE));
      }
      return List.copyOf(articles);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /** Whether passages carry vectors (the index was built with embeddings). */
  public boolean hasVectors() {
    return hasVectors;
  }

  private TopDocs nearest(float[] vector, int k) {
    if (!hasVectors) {
      return EMPTY;
    }
    return recentNearest.get(new NearestKey(vector.clone(), k), this::searchNearest);
  }

  private TopDocs searchNearest(NearestKey key) {
    try {
      return searcher.search(
          new KnnFloatVectorQuery(Fields.VECTOR, key.vector(), key.k()), key.k());
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /** A vector search: the question's vector and how many passages it wants. */
  private record NearestKey(float[] vector, int k) {
    @Override
    public boolean equals(Object other) {
      return other instanceof NearestKey key && k == key.k && Arrays.equals(vector, key.vector);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(vector) + k;
    }

    @Override
    public String toString() {
      return "NearestKey[" + vector.length + " dimensions, k=" + k + "]";
    }
  }

  /** Inverse document frequency of an analysed term, for weighting words of a sentence. */
  public double idf(String term) {
    try {
      return planner.idf(planner.docFreq(term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether some passage has this analysed term. */
  public boolean has(String term) {
    try {
      return planner.docFreq(term) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Words of {@code text} that no passage has and that are one or two edits from a word the index
   * has ("amazn", "trainum"), each with that closest word (an analysed term), in text order.
   */
  public List<Typo> typos(String text) {
    try {
      return planner.typos(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@code text} with each typo {@code suspect} accepts (a word no passage has: "dalas",
   * "goverment") written as the closest index word, as the passages spell it ("dallas",
   * "government"), not as its stem ("dalla", "govern"): for a reader that sees spellings, such as
   * the embedding model, which splits a word it does not know into pieces. A word the index knows
   * by its stem stays as asked ("broadcasted"): the model reads an inflection from its pieces.
   */
  public String asWritten(String text, Predicate<String> suspect) {
    StringBuilder out = new StringBuilder(text);
    List<TextAnalysis.Token> tokens = analysis.tokens(text);
    try {
      for (int i = tokens.size() - 1; i >= 0; i--) {
        TextAnalysis.Token token = tokens.get(i);
        String word = text.substring(token.start(), token.end());
        if (suspect.test(word)) {
          Optional<String> written = spelling(token.term(), word);
          written.ifPresent(w -> out.replace(token.start(), token.end(), w));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /**
   * How {@code word} (analysed as {@code term}) is to be written: a word no passage has as the
   * spelling closest to it of the index words closest to it ({@link Spellings}); else as the
   * closest index word's spelling nearest to it, however far, which reads better than its stem
   * ("concentrated" for "concentraing", not "concentr"). Stems are compared to stems and spellings
   * to spellings: "dalas" is one edit from the stems "data" and "dalla", but from "dallas" only,
   * not "data".
   */
  private Optional<String> spelling(String term, String word) throws IOException {
    if (planner.docFreq(term) > 0) {
      return Optional.empty();
    }
    Optional<String> near = spellings.writtenNear(word);
    if (near.isPresent()) {
      return near;
    }
    List<String> close = planner.closest(term);
    Optional<Spellings.Spelt> best = Optional.empty();
    for (String meant : close) {
      Optional<Spellings.Spelt> spelt =
          spellings.closestTo(meant, word).filter(Spellings::standsFor);
      if (spelt.isPresent() && (best.isEmpty() || spelt.get().edits() < best.get().edits())) {
        best = spelt;
      }
    }
    if (best.isEmpty() && !close.isEmpty()) {
      best = spellings.closestTo(close.get(0), word);
    }
    return best.map(Spellings.Spelt::spelling).or(() -> close.stream().findFirst());
  }

  /** The passage with this id, if indexed. */
  public Optional<Passage> find(String passageId) {
    List<Passage> found = all(new TermQuery(new Term(Fields.ID, passageId)));
    return found.stream().findFirst();
  }

  /**
   * All passages of an article ordered by section (the order of the {@code Section} enum, not the
   * file), then position.
   */
  public List<Passage> passagesOf(String articleId) {
    return all(new TermQuery(new Term(Fields.ARTICLE, articleId)));
  }

  /**
   * How many passages each article has, curated FAQ items left out, by article id: one pass over
   * the article field, for a listing of every article (reading each one's passages would take
   * seconds at 100,000 articles).
   */
  public Map<String, Integer> passageCounts() {
    Map<String, Integer> counts = new HashMap<>();
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        countPassages(leaf.reader(), counts);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the passage index: " + e.getMessage(), e);
    }
    return counts;
  }

  private static void countPassages(LeafReader segment, Map<String, Integer> counts)
      throws IOException {
    Terms articles = segment.terms(Fields.ARTICLE);
    if (articles == null) {
      return;
    }
    Bits live = segment.getLiveDocs();
    Set<Integer> curated = new HashSet<>();
    PostingsEnum docs = segment.postings(new Term(Fields.SECTION, Section.CURATED_FAQ.key()));
    if (docs != null) {
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        curated.add(doc);
      }
    }
    TermsEnum ids = articles.iterator();
    for (BytesRef id = ids.next(); id != null; id = ids.next()) {
      docs = ids.postings(docs, PostingsEnum.NONE);
      int n = 0;
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if ((live == null || live.get(doc)) && !curated.contains(doc)) {
          n++;
        }
      }
      if (n > 0) {
        counts.merge(id.utf8ToString(), n, Integer::sum);
      }
    }
  }

  /** All passages of one section, e.g. every curated FAQ item; by section, position, then id. */
  public List<Passage> passagesIn(Section section) {
    return all(new TermQuery(new Term(Fields.SECTION, section.key())));
  }

  @Override
  public void close() {
    try {
      release.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close the passage index", e);
    }
  }

  /**
   * Every passage {@code query} matches, by section, position, then id. The matches are walked, not
   * ranked: a top-n search sized for "all" keeps a queue as large as the index (two million entries
   * at 100k articles, allocated for every article the conversation reads).
   */
  private List<Passage> all(Query query) {
    try {
      Weight weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      IntStream.Builder docs = IntStream.builder();
      for (LeafReaderContext leaf : reader.leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator matches = scorer.iterator();
        for (int doc = matches.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = matches.nextDoc()) {
          if (live == null || live.get(doc)) {
            docs.add(leaf.docBase + doc);
          }
        }
      }
      List<Passage> passages =
          new ArrayList<>(Arrays.asList(PassageColumn.read(reader, docs.build().toArray())));
      passages.sort(
          Comparator.comparing(Passage::section)
              .thenComparingInt(Passage::position)
              .thenComparing(Passage::id));
      return passages;
    } catch (IOException e) {
      throw new UncheckedIOException("Search failed: " + e.getMessage(), e);
    }
  }

  private Query query(QueryPlan plan, SearchRequest request, TermLookups lookups) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (Concept concept : plan.concepts()) {
      addConcept(query, concept, lookups);
    }
    request.preferSection().ifPresent(section -> query.add(sectionBoost(section), Occur.SHOULD));
    request.preferArticle().ifPresent(article -> query.add(articleBoost(article), Occur.SHOULD));
    BooleanQuery built = query.build();
    return built.clauses().isEmpty() ? new MatchNoDocsQuery("no searchable words") : built;
  }

  /** With no topic words ("what happens next?") the section, and the article in context, decide. */
  private static Query sectionBoost(Section section) {
    return new BoostQuery(
        new ConstantScoreQuery(new TermQuery(new Term(Fields.SECTION, section.key()))),
        SECTION_BOOST);
  }

  private static Query articleBoost(String articleId) {
    return new BoostQuery(
        new ConstantScoreQuery(new TermQuery(new Term(Fields.ARTICLE, articleId))), ARTICLE_BOOST);
  }

  /**
   * One concept's ranking clauses. A concept with one way of saying it (most words) adds one
   * weighted clause per field straight to the question's query, the flat sum Lucene prunes best;
   * one with several (an entity's aliases, close spellings of an unknown word) scores its best
   * alternative only, so naming a company twice over does not count twice.
   */
  private void addConcept(BooleanQuery.Builder query, Concept concept, TermLookups lookups) {
    if (concept.alternatives().size() == 1) {
      fieldClauses(concept.alternatives().get(0), lookups).forEach(q -> query.add(q, Occur.SHOULD));
      return;
    }
    List<Query> alternatives = new ArrayList<>();
    for (Alternative alternative : concept.alternatives()) {
      BooleanQuery.Builder sum = new BooleanQuery.Builder();
      fieldClauses(alternative, lookups).forEach(q -> sum.add(q, Occur.SHOULD));
      alternatives.add(sum.build());
    }
    query.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.SHOULD);
  }

  /**
   * An alternative on each searched field, weighted by field and alternative; the fields' scores
   * add up (a word in the title and the text beats one in the text alone). A sum, unlike the best
   * field plus a tie-breaker, gives each clause a fixed maximum score that MaxScore can skip on.
   */
  private List<Query> fieldClauses(Alternative alternative, TermLookups lookups) {
    List<Query> clauses = new ArrayList<>(Fields.SEARCHED.length);
    for (String field : fieldsFor(alternative)) {
      Query q = termsQuery(field, alternative.terms(), lookups);
      clauses.add(new BoostQuery(q, settings.weight(field) * alternative.weight()));
    }
    return clauses;
  }

  /**
   * A phrase (a multi-word alias: "Kaihal Quozen Capital" for "KQC") is looked for in the passage's
   * own text and questions only. On title and context, which repeat on every passage of an article,
   * a company's full name matched thousands of passages by position: at 100k articles "KQC and
   * talent" took 26 ms, 6.5 ms without. Its one-word alternatives still search every field, and
   * coverage still credits the phrase in a title.
   */
  private static String[] fieldsFor(Alternative alternative) {
    return alternative.terms().size() > 1 ? Fields.CONTENT : Fields.SEARCHED;
  }

  private static Query termsQuery(String field, List<String> terms, TermLookups lookups) {
    if (terms.size() == 1) {
      Term term = new Term(field, terms.get(0));
      return new TermQuery(term, lookups.states(term));
    }
    return new PhraseQuery(field, terms.toArray(String[]::new));
  }

  /**
   * Loads the hits and re-ranks the first {@link #COVERAGE_DEPTH} by a blend of coverage and BM25
   * (relative to the best score): a passage that answers every part of the question beats one that
   * repeats a single word of it. The rest keep BM25 order behind them.
   */
  private List<Hit> hits(QueryPlan plan, TopDocs top, TermLookups lookups) throws IOException {
    int[] docs = Coverage.docIds(top.scoreDocs, top.scoreDocs.length);
    Passage[] passages = PassageColumn.read(reader, docs);
    Wording[] wordings = Wording.read(reader, docs, passages);
    int depth = Math.min(COVERAGE_DEPTH, top.scoreDocs.length);
    double[] coverage = new Coverage(reader, plan, lookups).of(top.scoreDocs, depth);
    double maxScore =
        top.scoreDocs.length == 0 ? 1 : Math.max(top.scoreDocs[0].score, Float.MIN_NORMAL);
    double w = settings.coverageWeight();
    List<Hit> reranked = new ArrayList<>();
    List<Hit> rest = new ArrayList<>();
    for (int rank = 0; rank < top.scoreDocs.length; rank++) {
      ScoreDoc doc = top.scoreDocs[rank];
      Passage passage = passages[rank];
      if (rank < depth) {
        reranked.add(
            new Hit(
                passage,
                w * coverage[rank] + (1 - w) * doc.score / maxScore,
                coverage[rank],
                wordings[rank]));
      } else {
        rest.add(new Hit(passage, (1 - w) * doc.score / maxScore, 0, wordings[rank]));
      }
    }
    reranked.sort(
        Comparator.comparingDouble(Hit::score).reversed().thenComparing(h -> h.passage().id()));
    reranked.addAll(rest);
    return reranked;
  }
}
