package org.briefbot.embedding;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A MiniLM cross-encoder fine-tuned to tell whether a passage answers a question
 * (bench/answer-judge): it reads both together, where the sentence model reads each alone. The
 * model is an ONNX file outside the jar with a JSON file beside it ({@code NAME.json} for {@code
 * NAME.onnx}) saying how its probability joins the learned one. Thread-safe: one ONNX session.
 */
public final class CrossEncoderJudge implements AutoCloseable {
  /** The sentence model's tokenizer: the judge was fine-tuned from the same MiniLM vocabulary. */
  private static final String TOKENIZER_RESOURCE = SentenceEncoder.TOKENIZER_RESOURCE;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Characters read per token wanted before a passage's start is tokenized: twice English's. */
  private static final int CHARACTERS_PER_TOKEN = 8;

  /**
   * How the judge was trained to read its input, and how its probability joins the learned one.
   *
   * @param maxTokens the whole pair's length: the passage is cut to fit
   * @param maxQuestionTokens the question's longest part
   * @param weight the judge's share of the blend with the learned probability
   * @param exponent the blend is raised to this power, so that the cut chosen for it on tuning data
   *     falls where answer.threshold already is
   */
  record Settings(int maxTokens, int maxQuestionTokens, double weight, double exponent) {
    Settings {
      if (!(weight >= 0 && weight <= 1)) {
        throw new IllegalArgumentException("weight must be in [0,1]: " + weight);
      }
      if (maxQuestionTokens < 1 || maxTokens < maxQuestionTokens + 4 || maxTokens > 512) {
        throw new IllegalArgumentException(
            "need 1 <= maxQuestionTokens, maxQuestionTokens + 4 <= maxTokens <= 512: "
                + maxQuestionTokens
                + ", "
                + maxTokens);
      }
      if (!(exponent > 0) || Double.isInfinite(exponent)) {
        throw new IllegalArgumentException("exponent must be positive: " + exponent);
      }
    }
  }

  private final OrtEnvironment environment;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final long cls;
  private final long sep;
  private final Settings settings;

  private CrossEncoderJudge(
      OrtEnvironment environment,
      OrtSession session,
      HuggingFaceTokenizer tokenizer,
      long[] special,
      Settings settings) {
    this.environment = environment;
    this.session = session;
    this.tokenizer = tokenizer;
    this.cls = special[0];
    this.sep = special[1];
    this.settings = settings;
  }

  /**
   * Loads {@code model} and the settings beside it. Fails with a message naming the file when
   * either is missing or unreadable.
   */
  public static CrossEncoderJudge load(Path model) {
    Path sidecar = settingsFile(model);
    Settings settings = readSettings(sidecar);
    byte[] vocabulary = SentenceEncoder.resource(TOKENIZER_RESOURCE);
    long[] special = specialTokens(vocabulary);
    HuggingFaceTokenizer tokenizer = tokenizer(vocabulary);
    try {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession session =
          environment.createSession(model.toString(), SentenceEncoder.sessionOptions());
      checkInputs(session, model);
      return new CrossEncoderJudge(environment, session, tokenizer, special, settings);
    } catch (OrtException e) {
      tokenizer.close();
      throw new IllegalStateException(
          "Cannot load the answer judge " + model + ": " + e.getMessage(), e);
    } catch (RuntimeException e) { // not a judge model: its inputs are missing
      tokenizer.close();
      throw e;
    }
  }

  /** Where the settings of {@code model} are: the same name with .json for .onnx. */
  public static Path settingsFile(Path model) {
    String name = model.getFileName().toString();
    String base = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
    return model.resolveSibling(base + ".json");
  }

  /** The probability that {@code passage} answers {@code question}. */
  public double probability(String question, String passage) {
    Pair pair = pair(question, passage);
    long[] mask = new long[pair.ids().length];
    Arrays.fill(mask, 1);
    try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, new long[][] {pair.ids()});
        OnnxTensor typeTensor = OnnxTensor.createTensor(environment, new long[][] {pair.types()});
        OnnxTensor maskTensor = OnnxTensor.createTensor(environment, new long[][] {mask});
        OrtSession.Result result =
            session.run(
                Map.of(
                    "input_ids", idTensor,
                    "token_type_ids", typeTensor,
                    "attention_mask", maskTensor))) {
      float logit = ((float[]) result.get(0).getValue())[0];
      return 1 / (1 + Math.exp(-logit));
    } catch (OrtException e) {
      throw new IllegalStateException("The answer judge failed: " + e.getMessage(), e);
    }
  }

  /**
   * The confidence to answer with, given the learned probability {@code learned}: the two blended
   * by the settings' weight, raised to their exponent.
   */
  public double confidence(String question, String passage, double learned) {
    double w = settings.weight();
    double blend = (1 - w) * learned + w * probability(question, passage);
    return Math.pow(Math.min(1, Math.max(0, blend)), settings.exponent());
  }

  Settings settings() {
    return settings;
  }

  /**
   * The judge's input: token ids, and each token's segment (0 for the question's part, 1 for the
   * passage's).
   */
  record Pair(long[] ids, long[] types) {}

  /**
   * [CLS] question [SEP] passage [SEP] as the judge was trained on: the question cut to its longest
   * part, then the passage cut to fill the rest.
   */
  Pair pair(String question, String passage) {
    long[] q = pieces(question, settings.maxQuestionTokens());
    long[] p = pieces(passage, settings.maxTokens() - 3 - q.length);
    long[] ids = new long[q.length + p.length + 3];
    ids[0] = cls;
    System.arraycopy(q, 0, ids, 1, q.length);
    ids[q.length + 1] = sep;
    System.arraycopy(p, 0, ids, q.length + 2, p.length);
    ids[ids.length - 1] = sep;
    long[] types = new long[ids.length];
    Arrays.fill(types, q.length + 2, ids.length, 1);
    return new Pair(ids, types);
  }

  /**
   * The first {@code limit} tokens of {@code text}. A long passage's start is tokenized first:
   * tokenizing all of it only to keep its first tokens was a large part of the judge's time on a
   * long passage (docs/performance.md). The start ends before a space, where the tokenizer always
   * splits, so its tokens are the first tokens of the whole text; when it holds too few, the whole
   * text is read.
   */
  private long[] pieces(String text, int limit) {
    int end = text.indexOf(' ', Math.min(text.length(), limit * CHARACTERS_PER_TOKEN));
    if (end > 0) {
      long[] start = tokens(text.substring(0, end));
      if (start.length >= limit) {
        return Arrays.copyOf(start, limit);
      }
    }
    long[] ids = tokens(text);
    return ids.length <= limit ? ids : Arrays.copyOf(ids, limit);
  }

  /** Every token of {@code text}, without special tokens. */
  long[] tokens(String text) {
    return tokenizer.encode(text, false, false).getIds();
  }

  @Override
  public void close() {
    tokenizer.close();
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException("Cannot close the answer judge", e);
    }
  }

  private static Settings readSettings(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "The answer judge's settings " + file + " are missing (they sit beside its model)");
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return new Settings(
          node.path("maxTokens").asInt(0),
          node.path("maxQuestionTokens").asInt(0),
          node.path("weight").asDouble(Double.NaN),
          node.path("exponent").asDouble(Double.NaN));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the answer judge's settings " + file, e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "The answer judge's settings " + file + " are wrong: " + e.getMessage(), e);
    }
  }

  private static void checkInputs(OrtSession session, Path model) throws OrtException {
    var inputs = session.getInputNames();
    for (String name : new String[] {"input_ids", "token_type_ids", "attention_mask"}) {
      if (!inputs.contains(name)) {
        session.close();
        throw new IllegalStateException(
            "The answer judge " + model + " has no input " + name + ": not a judge model");
      }
    }
  }

  private static HuggingFaceTokenizer tokenizer(byte[] vocabulary) {
    try (InputStream in = new ByteArrayInputStream(vocabulary)) {
      return HuggingFaceTokenizer.newInstance(
          in, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + TOKENIZER_RESOURCE, e);
    }
  }

  private static long[] specialTokens(byte[] vocabulary) {
    try {
      JsonNode vocab = JSON.readTree(vocabulary).path("model").path("vocab");
      if (!vocab.has("[CLS]") || !vocab.has("[SEP]")) {
        throw new IllegalStateException(TOKENIZER_RESOURCE + " has no [CLS] or [SEP]");
      }
      return new long[] {vocab.get("[CLS]").asLong(), vocab.get("[SEP]").asLong()};
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + TOKENIZER_RESOURCE, e);
    }
  }
}
