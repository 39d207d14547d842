// Writes the first passage's coverage and cosine per mode for each question of a gold-format file,
// the seed rows scripts/tune_fusion.py calibrates on. Run from the project root:
//   javac -cp target/classes:$(cat cp.txt) -d /tmp/s scripts/SeedFeatures.java
//   java -cp /tmp/s:target/classes:$(cat cp.txt) SeedFeat src/test/resources/tuning/seed-dev.jsonl > DUMPS/seed-dev-features.tsv
import java.nio.file.*; import java.util.*;
import org.briefbot.app.Core; import org.briefbot.config.*; import org.briefbot.eval.*; import org.briefbot.index.*; import org.briefbot.retrieval.*;
/** top-1 coverage and similarity per question, label 1 when in scope and right, 0 otherwise. */
public class SeedFeat {
  public static void main(String[] a) throws Exception {
    BriefbotConfig c = new ConfigLoader().load(Optional.empty());
    c = new BriefbotConfig(c.knowledge(), c.retrieval().inMode("hybrid"), c.answer(), c.telegram(), c.admins());
    Fusion f = new Fusion.Linear(0.10, 0.15, 0.75);
    try (Core core = Core.load(c, Path.of("knowledge"))) {
      for (GoldQuestion q : GoldEval.read(Path.of(a[0]))) {
        List<Candidate> cs = core.retriever().candidates(SearchRequest.of(q.q(), 50));
        for (String mode : List.of("bm25", "semantic", "hybrid")) {
          List<Candidate> s = new ArrayList<>(cs);
          Comparator<Candidate> by = mode.equals("semantic") ? Comparator.comparingDouble(x -> -x.similarity()) : mode.equals("bm25") ? Comparator.comparingDouble(x -> -(x.lexicalRank() == 0 ? -1 : 0.5 * x.coverage() + 0.5 * x.lexical())) : Comparator.comparingDouble(x -> -f.score(x));
          s.sort(by.thenComparing(x -> x.passage().id()));
          Candidate t = s.get(0);
          boolean ok = !q.outOfScope() && q.expect().stream().anyMatch(e -> t.passage().text().toLowerCase().contains(e.toLowerCase()));
          System.out.printf(Locale.ROOT, "%s\t%.4f\t%.4f\t%d\t%s%n", mode, t.coverage(), t.similarity(), ok ? 1 : 0, q.q());
        }
      }
    }
  }
}
