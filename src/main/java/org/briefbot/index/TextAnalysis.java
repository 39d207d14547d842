package org.briefbot.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * English analysis shared by indexing and querying: standard tokens, possessives dropped, accents
 * folded, lower case, stop words (English plus the words questions are made of), Porter stems.
 * Thread-safe.
 */
public final class TextAnalysis {
  /** Words that carry no topic in a question: "what is", "tell me about", "how much". */
  private static final List<String> QUESTION_WORDS =
      List.of(
          "what", "whats", "who", "whom", "whose", "which", "when", "where", "why", "how", "does",
          "did", "do", "doing", "done", "can", "could", "would", "should", "will", "shall", "may",
          "might", "must", "i", "me", "my", "you", "your", "we", "our", "us", "tell", "about",
          "please", "know", "explain", "much", "many", "is", "are", "was", "were", "been", "has",
          "have", "had", "its", "it's", "there", "here", "any", "some", "so", "just", "also", "get",
          "got", "am", "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "s", "t", "d", "ll",
          "re", "ve", "m");

  private static final CharArraySet STOP_WORDS = stopWords();

  private final Analyzer analyzer = new EnglishQuestionAnalyzer();

  /** The analysed terms of {@code text} in order, e.g. "Trainium chips?" gives [trainium, chip]. */
  public List<String> terms(String text) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text from a String cannot fail", e);
    }
    return terms;
  }

  /** {@link #terms} without function words: the words that say what {@code text} is about. */
  public List<String> contentTerms(String text) {
    List<String> terms = terms(text);
    terms.removeIf(FunctionTerms.TERMS::contains);
    return terms;
  }

  /**
   * An analysed term and where its word is in the text.
   *
   * @param term the analysed term, e.g. "amazn"
   * @param start offset of the word's first character
   * @param end offset just after the word
   */
  public record Token(String term, int start, int end) {}

  /** The analysed terms of {@code text} with their words' offsets, in order. */
  public List<Token> tokens(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(Fields.TEXT, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing text from a String cannot fail", e);
    }
    return tokens;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  private static CharArraySet stopWords() {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    set.addAll(QUESTION_WORDS);
    return CharArraySet.unmodifiableSet(set);
  }

  /**
   * Snowball's longer list of English function words ("up", "more", "again", "own"), analysed:
   * indexing keeps them, as phrases need them, but a question sharing one with a passage says
   * nothing about what it asks. Read once, on first use, not by every instance.
   */
  private static final class FunctionTerms {
    static final Set<String> TERMS = load();

    private static Set<String> load() {
      TextAnalysis analysis = new TextAnalysis();
      Set<String> terms = new HashSet<>();
      for (Object word : snowballStopWords("english")) {
        terms.addAll(
            analysis.terms(word instanceof char[] chars ? new String(chars) : word.toString()));
      }
      return Set.copyOf(terms);
    }
  }

  /**
   * The Snowball project's stop-word list for {@code language} ("english", "german", ...), as
   * Lucene ships it. By name, not beside Lucene's SnowballFilter: the shaded jar keeps the lists
   * but drops that unused class.
   */
  public static CharArraySet snowballStopWords(String language) {
    String resource = "/org/apache/lucene/analysis/snowball/" + language + "_stop.txt";
    try (InputStream in = TextAnalysis.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The stop-word list " + resource + " is not on the path");
      }
      return WordlistLoader.getSnowballWordSet(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  private static final class EnglishQuestionAnalyzer extends Analyzer {
    /** One chain per field: the words field's has no stop words and no stems. */
    EnglishQuestionAnalyzer() {
      super(PER_FIELD_REUSE_STRATEGY);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new ASCIIFoldingFilter(stream);
      stream = new LowerCaseFilter(stream);
      if (fieldName.equals(Fields.WORDS)) {
        return new TokenStreamComponents(source, stream);
      }
      stream = new StopFilter(stream, STOP_WORDS);
      stream = new PorterStemFilter(stream);
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new LowerCaseFilter(new ASCIIFoldingFilter(in));
    }
  }
}
