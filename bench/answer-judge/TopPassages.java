import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.ConfigLoader;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.index.SearchRequest;
import org.briefbot.retrieval.Match;

/**
 * For measuring whether a cross-encoder could rerank the passages the bot ranks first (rerank.py):
 * indexes squad-newsroom's 24 articles together, as {@code eval gold.jsonl} does, and writes the
 * ranking's best K passages for every question of each {@code gold/ARTICLE.jsonl}, one TSV line
 * each: question number, the question's article, rank, whether the passage holds an expected
 * string (1/0), its confidence, the passage's article, the question, the passage. Usage
 * (single-file source, from the project folder; CONFIG with {@code retrieval.judge: ""}, which
 * the ranking does not read):
 * java -Xmx4g -cp target/briefbot.jar bench/answer-judge/TopPassages.java CONFIG SQUAD_NEWSROOM OUT.tsv K
 */
public class TopPassages {
  public static void main(String[] args) throws Exception {
    BriefbotConfig config = new ConfigLoader().load(Optional.of(Path.of(args[0])));
    Path squad = Path.of(args[1]);
    int k = Integer.parseInt(args[3]);
    List<Path> golds;
    try (Stream<Path> files = Files.list(squad.resolve("gold"))) {
      golds = files.sorted().toList();
    }
    try (LoadedLibrary library = LoadedLibrary.load(config, squad.resolve("knowledge"));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
      int number = 0;
      for (Path gold : golds) {
        String article = gold.getFileName().toString().replace(".jsonl", "");
        for (GoldQuestion q : GoldEval.read(gold)) {
          List<Match> best = library.retriever().search(SearchRequest.of(q.q(), k));
          for (int rank = 0; rank < best.size(); rank++) {
            Match match = best.get(rank);
            String text = oneLine(match.passage().text());
            out.printf(
                Locale.ROOT,
                "%d\t%s\t%d\t%d\t%.5f\t%s\t%s\t%s%n",
                number,
                article,
                rank,
                GoldEval.contains(text, q.expect()) ? 1 : 0,
                match.confidence(),
                match.passage().articleId(),
                oneLine(q.q()),
                text);
          }
          number++;
        }
      }
    }
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\n', ' ');
  }
}
