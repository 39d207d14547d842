import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.ConfigLoader;
import org.briefbot.embedding.CrossEncoderJudge;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;

/**
 * For measuring whether the answer judge could choose among the passages the bot shows, not only
 * decline the first: asks each gold question (at the config's threshold, 0 for this), and writes
 * one row per shown passage (the answer, then its passage alternatives): question number, rank,
 * the bot's confidence for it, the judge's probability, whether it holds an expected string
 * (1/0; -1 for out-of-scope questions), its section. Usage (single-file source, from the project folder):
 * java -cp target/briefbot.jar bench/answer-judge/RerankDump.java CONFIG GOLD KNOWLEDGE OUT
 */
public class RerankDump {
  /** A passage the bot shows for a question: the answer's or an alternative's. */
  record Shown(String text, String section, double confidence) {}

  public static void main(String[] args) throws Exception {
    BriefbotConfig config = new ConfigLoader().load(Optional.of(Path.of(args[0])));
    List<GoldQuestion> questions = GoldEval.read(Path.of(args[1]));
    try (LoadedLibrary library = LoadedLibrary.load(config, Path.of(args[2]));
        CrossEncoderJudge judge = CrossEncoderJudge.load(Path.of(config.retrieval().judge()));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3])))) {
      for (int i = 0; i < questions.size(); i++) {
        GoldQuestion q = questions.get(i);
        Answer answer = library.answerer().answer(q.q());
        List<Shown> shown = new ArrayList<>();
        answer
            .best()
            .ifPresent(s -> shown.add(new Shown(s.text(), s.section(), answer.confidence())));
        for (Alternative alternative : answer.alternatives()) {
          if (alternative instanceof Alternative.Passage p) {
            shown.add(new Shown(p.text(), p.section(), p.confidence()));
          }
        }
        for (int r = 0; r < shown.size(); r++) {
          Shown passage = shown.get(r);
          int right = q.outOfScope() ? -1 : GoldEval.contains(passage.text(), q.expect()) ? 1 : 0;
          out.printf(
              Locale.ROOT,
              "%d\t%d\t%.5f\t%.5f\t%d\t%s\t%s%n",
              i,
              r,
              passage.confidence(),
              judge.probability(q.q(), passage.text()),
              right,
              passage.section(),
              q.q());
        }
      }
    }
  }
}
