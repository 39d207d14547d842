import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.briefbot.entities.EntityCatalog;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;

/**
 * What EntityCatalog.update costs on a loaded archive, as the bot calls it: the catalog built from
 * the folder (or read back, "restart"), then STEPS updates in turn, a new article (the seed's, its
 * chip renamed), a changed one (a sentence added), a removed one, each on the archive as the bot
 * keeps it (articles without passages). Prints each update's time, the median, the heap held after
 * a collection, and a digest of the result: two builds that give the same digest gave the same
 * entities and links.
 * Usage (single-file source): java -Xmx2g -cp target/briefbot.jar bench/CatalogUpdates.java
 *   ARCHIVE STEPS knowledge/articles/aws-openai-trainium.txt [restart]
 */
public class CatalogUpdates {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int steps = Integer.parseInt(args[1]);
    String seedText = Files.readString(Path.of(args[2]));
    boolean restart = args.length > 3 && args[3].equals("restart");
    KnowledgeLoader loader = new KnowledgeLoader();
    long start = System.nanoTime();
    Knowledge full = loader.load(dir);
    EntityCatalog catalog = EntityCatalog.build(full);
    System.out.printf("built in %d ms: %d entities%n", ms(start), catalog.size());
    Knowledge kept = full.indexed();
    if (restart) {
      catalog = EntityCatalog.of(catalog.all(), catalog.links());
    }
    Path work = Files.createTempDirectory("catalog-updates");
    Random random = new Random(7);
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      List<Article> articles = new ArrayList<>(kept.articles());
      List<Article> fresh = new ArrayList<>();
      String what = List.of("new", "changed", "removed").get(i % 3);
      if (what.equals("new")) {
        Path file = work.resolve("zorblax-" + i + ".txt");
        Files.writeString(file, seedText.replace("Trainium", "Zorblax" + i));
        fresh.add(loader.parseArticles(List.of(file)).get(0).article().orElseThrow());
      } else if (what.equals("changed")) {
        Article old = articles.get(random.nextInt(articles.size()));
        Path file = work.resolve(old.source().getFileName());
        Files.writeString(
            file,
            Files.readString(old.source()).replaceFirst("\\. ", ". Zorblax Systems said so. "));
        Article changed = loader.parseArticles(List.of(file)).get(0).article().orElseThrow();
        articles.removeIf(a -> a.id().equals(changed.id()));
        fresh.add(changed);
      } else {
        articles.remove(random.nextInt(articles.size()));
      }
      articles.addAll(fresh);
      articles.sort(Comparator.comparing(Article::id));
      Knowledge now = new Knowledge(articles, kept.faqItems(), kept.entities(), kept.report());
      long before = System.nanoTime();
      catalog = catalog.update(now, fresh);
      times.add(ms(before));
      System.out.printf("update %d (%s): %d ms%n", i, what, times.get(i));
      kept = now.indexed();
    }
    List<Long> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf(
        "median %d ms over %d updates (first %d, max %d)%n",
        sorted.get(sorted.size() / 2), steps, times.get(0), sorted.get(steps - 1));
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    System.out.printf(
        "heap used after a collection, archive and catalog held: %d MB%n",
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    System.out.printf(
        "digest: entities %08x, links %08x, %d entities%n",
        catalog.all().hashCode(), new TreeMap<>(catalog.links()).hashCode(), catalog.size());
  }

  private static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
