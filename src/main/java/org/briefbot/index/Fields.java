package org.briefbot.index;

/** Field names of a passage document. */
final class Fields {
  static final String ID = "id";
  static final String ARTICLE = "article";
  static final String ARTICLE_TITLE = "article_title";
  static final String SECTION = "section";
  static final String POSITION = "position";

  /** The passage text, what the bot shows. */
  static final String TEXT = "text";

  /** Known question phrasings (curated FAQ items). */
  static final String QUESTIONS = "questions";

  /** The article title, repeated on each of its passages so a question finds its article. */
  static final String TITLE = "title";

  /** Hashtags and themes of the article. */
  static final String CONTEXT = "context";

  static final String ENTITIES = "entities";

  /** The passage embedding, a unit vector searched with HNSW. */
  static final String VECTOR = "vector";

  /** The whole passage as binary doc values, what hits are read from; see {@link PassageColumn}. */
  static final String PASSAGE = "passage";

  /**
   * The passage's words as written (lower case, accents folded, no stems, no stop words dropped),
   * indexed without frequencies or norms: the spellings a typo is compared with ({@link
   * Spellings}). Never searched or scored.
   */
  static final String WORDS = "words";

  /** The passage's words as a few hashes, to tell copies across articles: see {@link Wording}. */
  static final String WORDING = "wording";

  /**
   * The embeddings of the passage's sentences, packed (see {@link SentenceVectors}); read for
   * candidates only.
   */
  static final String SENTENCE_VECTORS = "sentence_vectors";

  /** Fields searched for each query word. */
  static final String[] SEARCHED = {TEXT, QUESTIONS, TITLE, CONTEXT};

  /** What the passage itself says. */
  static final String[] CONTENT = {TEXT, QUESTIONS};

  /** What describes the passage's article as a whole. */
  static final String[] ARTICLE_LEVEL = {TITLE, CONTEXT};

  private Fields() {}
}
