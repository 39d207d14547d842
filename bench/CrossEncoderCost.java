import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.briefbot.embedding.SentenceEncoder;

/**
 * What a cross-encoder the size of the bot's sentence model would cost per question on this
 * machine, before anyone trains one: a cross-encoder reads the question and a candidate together,
 * one forward pass per pair, where the bot's bi-encoder embeds the question alone. The bot's own
 * quantized all-MiniLM-L6-v2 session (a cross-encoder fine-tuned from it has the same layers plus
 * one output) reads "question [SEP] text" for 1, 3, 10 and 30 candidates, whole paragraphs
 * (lines of 40 words or more of ARTICLE) or single sentences, 60 times each after 200 warm-up
 * pairs, on one thread as an answer does; prints medians and 90th percentiles.
 * Usage (single-file source): java -cp target/briefbot.jar bench/CrossEncoderCost.java ARTICLE
 */
public class CrossEncoderCost {
  private static final String QUESTION = "How much is the AWS deal worth?";
  private static final int RUNS = 60;

  public static void main(String[] args) throws Exception {
    List<String> paragraphs = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.strip().split("\\s+").length >= 40) {
        paragraphs.add(line.strip());
      }
    }
    List<String> sentences = new ArrayList<>();
    for (String p : paragraphs) {
      for (String s : p.split("(?<=[.!?])\\s+")) {
        if (s.split("\\s+").length >= 8) {
          sentences.add(s);
        }
      }
    }
    System.out.printf(
        "%d paragraphs (mean %.0f words), %d sentences%n",
        paragraphs.size(),
        paragraphs.stream().mapToInt(p -> p.split("\\s+").length).average().orElse(0),
        sentences.size());
    try (SentenceEncoder encoder = SentenceEncoder.load()) {
      for (int i = 0; i < 200; i++) {
        encoder.embed(QUESTION + " [SEP] " + paragraphs.get(i % paragraphs.size()));
      }
      for (int k : new int[] {1, 3, 10, 30}) {
        report("paragraphs", k, encoder, paragraphs);
        report("sentences", k, encoder, sentences);
      }
      long[] alone = new long[200];
      for (int i = 0; i < alone.length; i++) {
        long start = System.nanoTime();
        encoder.embed(QUESTION + " " + i);
        alone[i] = System.nanoTime() - start;
      }
      Arrays.sort(alone);
      System.out.printf("the question alone (what the bot embeds now): p50 %.2f ms%n", alone[100] / 1e6);
    }
  }

  private static void report(String what, int pairs, SentenceEncoder encoder, List<String> texts) {
    long[] times = new long[RUNS];
    for (int r = 0; r < RUNS; r++) {
      long start = System.nanoTime();
      for (int i = 0; i < pairs; i++) {
        encoder.embed(QUESTION + " [SEP] " + texts.get((r * pairs + i) % texts.size()));
      }
      times[r] = System.nanoTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        "%2d %-10s per question: p50 %6.1f ms, p90 %6.1f ms%n",
        pairs, what, times[RUNS / 2] / 1e6, times[RUNS * 9 / 10] / 1e6);
  }
}
