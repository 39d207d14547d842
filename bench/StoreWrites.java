import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.briefbot.store.AnswerRecord;
import org.briefbot.store.Store;

/**
 * What the store's two writes per web question cost, one after another on one thread: N times
 * recordAnswer then saveContext, as POST /api/ask does; prints the median and p99 of each.
 * Usage (single-file source; the classpath is the build's):
 *   mvn -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:$(cat target/cp.txt) bench/StoreWrites.java jdbc:sqlite:target/w.db 300
 */
public class StoreWrites {
  public static void main(String[] args) {
    String url = args[0];
    int n = Integer.parseInt(args[1]);
    long[] record = new long[n];
    long[] context = new long[n];
    try (Store store = Store.open(url, Clock.systemUTC())) {
      for (int i = 0; i < n; i++) {
        long chat = (1L << 62) + i;
        AnswerRecord answer =
            new AnswerRecord(chat, chat, "How much is the AWS deal worth?", true,
                Optional.of("aws-openai-trainium#faq#1"), Optional.of("aws-openai-trainium"), 0.9,
                List.of("OpenAI"), List.of("aws-openai-trainium#faq#1"), Optional.empty());
        long start = System.nanoTime();
        store.recordAnswer(answer);
        long recorded = System.nanoTime();
        store.saveContext(chat, "aws-openai-trainium", "aws-openai-trainium#faq#1", "{}");
        record[i] = recorded - start;
        context[i] = System.nanoTime() - recorded;
      }
    }
    System.out.printf(
        "%s: recordAnswer p50 %.2f ms, p99 %.2f ms; saveContext p50 %.2f ms, p99 %.2f ms (%d each)%n",
        url.replaceAll("password=[^&]*", "password=***"),
        percentile(record, 50), percentile(record, 99),
        percentile(context, 50), percentile(context, 99), n);
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
