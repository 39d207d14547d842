import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.briefbot.conversation.telegram.FakeBotApi;

/**
 * One measuring sequence of the bot on the fake Bot API, long polling: a start over a folder with no
 * index (first answer), a new article answered after it lands, its removal, a restart with nothing
 * changed (first answer). Prints one tab-separated line. MODE bm25 (the default) configures
 * {@code retrieval: {semantic: false, mode: bm25}}; hybrid keeps the default hybrid retrieval with an
 * empty embedding cache (never embedded), and also reports when the log first says hybrid serves
 * ("Serving hybrid", -1 for a build that never logs it: one that embeds before its first answer).
 * Usage: java -cp JAR:target/test-classes bench/BotServing.java LABEL JAR KNOWLEDGE WORK NEWARTICLE [MODE] (bench/bot-serving runs it)
 */
public class BotServing {
  static final String TOKEN = "123456789:AAE-measure_Token-secret";
  static final String QUESTION = "How much is the AWS deal worth?";
  // Names the deal the way the new article does: asked as "the Zorblax deal", main now gives a
  // low-confidence reply without the figure in its text, so the step never ended.
  static final String NEW_QUESTION = "How much is the AWS deal with OpenAI worth?";

  public static void main(String[] args) throws Exception {
    String label = args[0];
    Path jar = Path.of(args[1]).toAbsolutePath();
    Path knowledge = Path.of(args[2]).toAbsolutePath();
    Path work = Path.of(args[3]).toAbsolutePath();
    Path newArticle = Path.of(args[4]).toAbsolutePath();
    boolean hybrid = args.length > 5 && args[5].equals("hybrid");
    Files.createDirectories(work);
    deleteTree(work.resolve("index"));
    deleteTree(work.resolve("data"));
    Path config =
        Files.writeString(
            work.resolve(hybrid ? "hybrid.yaml" : "bm25.yaml"),
            "knowledge:\n  index: "
                + work.resolve("index")
                + (hybrid ? "\n" : "\nretrieval:\n  mode: bm25\n  semantic: false\n"));
    Path landed = knowledge.resolve("articles").resolve("zz-zorblax.txt");
    Files.deleteIfExists(landed);
    try (FakeBotApi api = new FakeBotApi()) {
      // 1. first start, no index
      Path log1 = work.resolve("run1.log");
      api.pushPrivateMessage(7, QUESTION);
      long t0 = System.nanoTime();
      LocalTime wall0 = LocalTime.now();
      Process bot = start(api, jar, config, knowledge, work, log1);
      api.awaitRequest("sendMessage", Duration.ofSeconds(1500));
      long first = ms(t0);
      long loaded = loadedAfter(log1, wall0);
      Thread.sleep(2000);
      long rssAfterStart = rss(bot, "VmRSS");
      // The index is memory-mapped: VmRSS counts its pages the kernel can drop; RssAnon does not.
      long anonAfterStart = rss(bot, "RssAnon");
      // 2. a new article lands
      api.awaitRequest("getUpdates", r -> true, Duration.ofSeconds(10));
      int reloadsBefore = count(log1, "Knowledge reloaded");
      Files.copy(newArticle, landed);
      long t1 = System.nanoTime();
      long newAnswered = -1;
      while (ms(t1) < 120_000) {
        api.clearRequests();
        api.pushPrivateMessage(8, NEW_QUESTION);
        FakeBotApi.Recorded reply = api.awaitRequest("sendMessage", Duration.ofSeconds(60));
        if (reply.param("text").contains("971")) {
          newAnswered = ms(t1);
          break;
        }
        Thread.sleep(200);
      }
      long rssAfterNew = rss(bot, "VmRSS");
      long hybridServing = hybrid ? firstLineAfter(log1, "Serving hybrid", wall0, 1_500_000) : -1;
      Thread.sleep(1000);
      // 3. remove it again, wait for that reload, stop
      Files.delete(landed);
      waitFor(log1, "Knowledge reloaded", reloadsBefore + 2);
      long hwm = rss(bot, "VmHWM");
      stop(bot);
      // 4. restart, nothing changed
      api.clearRequests();
      api.pushPrivateMessage(7, QUESTION);
      long t2 = System.nanoTime();
      LocalTime wall2 = LocalTime.now();
      Path log2 = work.resolve("run2.log");
      Process again = start(api, jar, config, knowledge, work, log2);
      api.awaitRequest("sendMessage", Duration.ofSeconds(1500));
      long restart = ms(t2);
      long reloaded = loadedAfter(log2, wall2);
      Thread.sleep(2000);
      long rssRestart = rss(again, "VmRSS");
      long anonRestart = rss(again, "RssAnon");
      stop(again);
      System.out.printf(
          "%s\tfirst_ms=%d\t(loaded_ms=%d)\tnew_article_ms=%d\trestart_ms=%d\t(loaded_ms=%d)"
              + "\trss_start_mb=%d\trss_after_new_mb=%d\thwm_mb=%d\trss_restart_mb=%d"
              + "\thybrid_serving_ms=%d\tanon_start_mb=%d\tanon_restart_mb=%d%n",
          label,
          first,
          loaded,
          newAnswered,
          restart,
          reloaded,
          rssAfterStart,
          rssAfterNew,
          hwm,
          rssRestart,
          hybridServing,
          anonAfterStart,
          anonRestart);
    }
  }

  static Process start(
      FakeBotApi api, Path jar, Path config, Path knowledge, Path work, Path log)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                java, "-jar", jar.toString(), "--config", config.toString(), "--knowledge",
                knowledge.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("TELEGRAM_BOT_TOKEN", TOKEN);
    builder.environment().put("TELEGRAM_API_URL", api.baseUrl());
    return builder.start();
  }

  static void stop(Process bot) throws Exception {
    bot.destroy();
    if (!bot.waitFor(30, TimeUnit.SECONDS)) {
      bot.destroyForcibly();
    }
  }

  /**
   * Milliseconds from the process start to the log line that follows loading the knowledge (JVM
   * start included, Telegram start-up and the first answer not).
   */
  static long loadedAfter(Path log, LocalTime start) throws Exception {
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.contains("CheckCommand - Loaded")) {
        return Duration.between(start, LocalTime.parse(line.substring(0, 12))).toMillis();
      }
    }
    return -1;
  }

  /**
   * Milliseconds from {@code start} to the first log line containing {@code what}, waiting up to
   * {@code patienceMs} for it while the bot still says nothing embeds; -1 when it never comes.
   */
  static long firstLineAfter(Path log, String what, LocalTime start, long patienceMs)
      throws Exception {
    long waited = System.nanoTime();
    while (ms(waited) < patienceMs) {
      for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
        if (line.contains(what)) {
          return Duration.between(start, LocalTime.parse(line.substring(0, 12))).toMillis();
        }
      }
      if (count(log, "Embedding") == 0) {
        return -1;
      }
      Thread.sleep(500);
    }
    return -1;
  }

  static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  static long rss(Process p, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }

  static int count(Path log, String what) throws Exception {
    String text = Files.readString(log, StandardCharsets.UTF_8);
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  static void waitFor(Path log, String what, int times) throws Exception {
    long start = System.nanoTime();
    while (count(log, what) < times && ms(start) < 120_000) {
      Thread.sleep(100);
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
