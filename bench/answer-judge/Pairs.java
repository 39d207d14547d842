import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.FoldScore;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;

/**
 * The pairs an answer judge learns from and is tested on: each question with the bot's first
 * passage (default configuration and committed models, threshold 0 so every question gets one),
 * the bot's confidence, and whether the passage holds an expected answer. One TSV line per
 * question: set, in scope (1/0), right (1/0), confidence, question, passage, key sentence.
 *
 * <p>Sets: "trainP"/"trainQ", squad-newsroom's articles without the three CI articles, first 10
 * and last 11 in sorted order, each indexed alone and asked its own questions and, as absent, the
 * other group's; "ci", the CI articles as LearnedRankingFoldTest asks them; then for each further
 * KNOWLEDGE GOLD pair, that folder indexed and its gold questions asked ("expect": [] is out of
 * scope), named after NAME.
 *
 * <p>Usage (single-file source): java -Xmx3g -cp target/briefbot.jar bench/answer-judge/Pairs.java
 * SQUAD_NEWSROOM OUT.tsv [NAME KNOWLEDGE GOLD]... ; "SQUAD_NEWSROOM -" skips the squad sets. With
 * -DfoldHalves=true the squad sets are those of a judge per `folds` half instead: "foldAP"/"foldAQ"
 * the first 12 articles (the CI ones are in the second) cut in two the same way, "foldBP"/"foldBQ"
 * the last 12. With -DnearMisses=true each group also gets NAME + "Pnear"/"Qnear", its articles'
 * SQuAD 2.0 unanswerable questions asked of its own index (all out of scope), and "cinear" the CI
 * articles' answerable questions with their unanswerable ones as the out-of-scope part.
 */
public class Pairs {
  private static final Set<String> CI = Set.of("pharmacy", "private-school", "victoria-australia");
  private static final List<String> CI_INDEXED = List.of("pharmacy", "private-school");
  private static final boolean FOLD_HALVES = Boolean.getBoolean("foldHalves");
  private static final boolean NEAR_MISSES = Boolean.getBoolean("nearMisses");

  public static void main(String[] args) throws IOException {
    BriefbotConfig d = BriefbotConfig.defaults();
    BriefbotConfig config =
        new BriefbotConfig(
            d.knowledge(),
            d.retrieval().withoutJudge(),
            new BriefbotConfig.AnswerConfig(0.0, 3, 3, 1000),
            d.telegram(),
            d.admins(),
            d.store(),
            d.web(),
            d.desk());
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1])))) {
      if (!args[0].equals("-")) {
        SquadNewsroom squad = SquadNewsroom.read(Path.of(args[0]));
        Knowledge all = new KnowledgeLoader().load(squad.knowledge());
        if (FOLD_HALVES) {
          for (boolean first : new boolean[] {true, false}) {
            crossed(out, config, all, squad, first ? "foldA" : "foldB", squad.half(first));
          }
        } else {
          List<String> fit = squad.articles().stream().filter(id -> !CI.contains(id)).toList();
          crossed(out, config, all, squad, "train", fit);
        }
        ask(
            out,
            config,
            "ci",
            only(all, CI_INDEXED),
            squad.questionsOf(CI_INDEXED),
            squad.questionsOf(List.of("victoria-australia")));
        if (NEAR_MISSES) {
          ask(
              out,
              config,
              "cinear",
              only(all, CI_INDEXED),
              squad.questionsOf(CI_INDEXED),
              nearMisses(squad, CI_INDEXED));
        }
      }
      for (int i = 2; i + 2 < args.length; i += 3) {
        List<GoldQuestion> gold = GoldEval.read(Path.of(args[i + 2]));
        ask(
            out,
            config,
            args[i],
            new KnowledgeLoader().load(Path.of(args[i + 1])),
            gold.stream().filter(g -> !g.expect().isEmpty()).toList(),
            gold.stream().filter(g -> g.expect().isEmpty()).toList());
      }
    }
  }

  /**
   * The articles cut in two groups in sorted order (the first the smaller when odd), each indexed
   * alone and asked its own questions and, as absent, the other group's: sets NAME + "P" and NAME +
   * "Q".
   */
  private static void crossed(
      PrintWriter out,
      BriefbotConfig config,
      Knowledge all,
      SquadNewsroom squad,
      String name,
      List<String> articles) {
    List<String> p = articles.subList(0, articles.size() / 2);
    List<String> q = articles.subList(articles.size() / 2, articles.size());
    ask(out, config, name + "P", only(all, p), squad.questionsOf(p), squad.questionsOf(q));
    ask(out, config, name + "Q", only(all, q), squad.questionsOf(q), squad.questionsOf(p));
    if (NEAR_MISSES) {
      ask(out, config, name + "Pnear", only(all, p), List.of(), nearMisses(squad, p));
      ask(out, config, name + "Qnear", only(all, q), List.of(), nearMisses(squad, q));
    }
  }

  /**
   * SQuAD 2.0's unanswerable questions of these articles (unanswerable/ID.jsonl, where the
   * benchmark has one): written to be unanswerable from paragraphs the index holds.
   */
  private static List<GoldQuestion> nearMisses(SquadNewsroom squad, List<String> ids) {
    return ids.stream()
        .map(id -> squad.dir().resolve("unanswerable").resolve(id + ".jsonl"))
        .filter(Files::isRegularFile)
        .flatMap(f -> GoldEval.read(f).stream())
        .toList();
  }

  private static Knowledge only(Knowledge all, List<String> ids) {
    return new Knowledge(
        all.articles().stream().filter(a -> ids.contains(a.id())).toList(),
        List.of(),
        List.of(),
        all.report());
  }

  private static void ask(
      PrintWriter out,
      BriefbotConfig config,
      String set,
      Knowledge knowledge,
      List<GoldQuestion> inScope,
      List<GoldQuestion> absent) {
    try (LoadedLibrary library = LoadedLibrary.build(config, knowledge)) {
      inScope.forEach(g -> write(out, set, library, g.q(), g.expect(), true));
      absent.forEach(g -> write(out, set, library, g.q(), List.of(), false));
    }
    System.out.println(set + ": " + inScope.size() + " in scope, " + absent.size() + " absent");
  }

  private static void write(
      PrintWriter out,
      String set,
      LoadedLibrary library,
      String question,
      List<String> expect,
      boolean inScope) {
    Answer answer = library.answerer().answer(question);
    if (answer.best().isEmpty()) {
      return; // an entity question with no passage: nothing to judge
    }
    boolean right = GoldEval.contains(answer.best().get().text(), expect);
    FoldScore.pairLine(set, question, answer, inScope, right).ifPresent(out::println);
  }
}
