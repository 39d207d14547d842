package org.briefbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.briefbot.answer.Answer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.BeirData;
import org.briefbot.eval.BeirEval;
import org.briefbot.eval.BeirReport;
import org.briefbot.eval.ChatReplay;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldReport;
import org.briefbot.index.IndexSettings;
import org.briefbot.retrieval.Embeddings;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.RetrievalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code eval FILE.jsonl} scores the bot on gold questions; {@code eval --beir DIR} scores
 * retrieval on a benchmark.
 */
@Command(
    name = "eval",
    description = "Score answers on a gold file, or retrieval on a BEIR-layout benchmark.")
final class EvalCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL = "all";

  @ParentCommand Main main;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "gold questions, one JSON object per line")
  Path gold;

  @Option(names = "--beir", paramLabel = "DIR", description = "benchmark folder in BEIR layout")
  Path beir;

  @Option(
      names = "--split",
      paramLabel = "NAME",
      defaultValue = "test",
      description = "qrels file under DIR/qrels (default: ${DEFAULT-VALUE})")
  String split;

  @Option(
      names = "--set",
      paramLabel = "SET",
      description = "only queries whose metadata.set is SET (StackFAQ halves A and B)")
  String set;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Option(
      names = "--chat",
      description =
          "ask the questions in order in one chat, as a reader does: each follows the last answer's context")
  boolean chat;

  @Option(names = "--min-hit1", paramLabel = "X", description = "exit 1 when hit@1 is below X")
  Double minHit1;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "retrieval mode: bm25, semantic or hybrid (default: from config); with --beir also 'all', one line per mode over one index")
  String mode;

  @Option(
      names = "--dump-candidates",
      paramLabel = "FILE",
      hidden = true,
      description =
          "write every question's candidates and their signals as TSV (fusion and calibration tuning data)")
  Path dumpCandidates;

  @Override
  public Integer call() {
    if (ALL.equals(mode) && beir == null) {
      throw new IllegalArgumentException("--mode all needs --beir DIR");
    }
    boolean allModes = ALL.equals(mode) || dumpCandidates != null;
    BriefbotConfig config = Modes.apply(main.loadConfig(), allModes ? "hybrid" : mode);
    if ((gold == null) == (beir == null)) {
      throw new IllegalArgumentException("give either a gold FILE or --beir DIR");
    }
    return beir != null ? beir(config) : gold(config);
  }

  private int gold(BriefbotConfig config) {
    try (LoadedLibrary core = LoadedLibrary.load(config, main.knowledgeDir(config))) {
      if (dumpCandidates != null) {
        new GoldEval()
            .dumpCandidates(
                core.retriever(),
                GoldEval.read(gold),
                config.retrieval().candidates(),
                dumpCandidates);
        return 0;
      }
      Function<String, Answer> asker =
          chat ? new ChatReplay(core.conversation()) : core.answerer()::answer;
      GoldReport report = new GoldEval().run(core.answerer(), GoldEval.read(gold), asker);
      System.out.println(json ? toJson(report) : text(report));
      boolean below = minHit1 != null && report.hit1() < minHit1;
      if (below) {
        System.err.printf(
            Locale.ROOT, "hit@1 %.3f is below --min-hit1 %.3f%n", report.hit1(), minHit1);
      }
      return below ? 1 : 0;
    }
  }

  private int beir(BriefbotConfig config) {
    BriefbotConfig.RetrievalConfig r = config.retrieval();
    BeirData data = BeirData.read(beir, split, Optional.ofNullable(set));
    IndexSettings settings = IndexSettings.defaults(r.k1(), r.b(), r.fuzzy());
    Optional<Embeddings> embeddings = r.semantic() ? Optional.of(Models.open(r)) : Optional.empty();
    try {
      BeirEval eval =
          new BeirEval(
              input -> Indexing.inMemory(input, settings, embeddings),
              RetrievalSettings.defaults(r.vectorCandidates()),
              embeddings);
      if (dumpCandidates != null) {
        eval.dumpCandidates(data, dumpCandidates);
        return 0;
      }
      List<Mode> modes = ALL.equals(mode) ? List.of(Mode.values()) : List.of(r.mode());
      for (BeirReport report : eval.runAll(data, modes)) {
        System.out.println(json ? toJson(report) : text(report));
      }
      return 0;
    } finally {
      embeddings.ifPresent(Embeddings::close);
    }
  }

  private static String text(GoldReport r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "questions %d (answerable %d, out of scope %d)%n",
            r.questions(),
            r.answerable(),
            r.outOfScope()));
    out.append(
        String.format(
            Locale.ROOT,
            "hit@1 %.3f  hit@3 %.3f  MRR %.3f  decline accuracy %.3f  false declines %d%n",
            r.hit1(),
            r.hit3(),
            r.mrr(),
            r.declineAccuracy(),
            r.falseDeclines()));
    out.append(
        String.format(
            Locale.ROOT,
            "key sentence holds the answer %.3f (of %d answers whose passage has it in one sentence)%n",
            r.keySentenceHit(),
            r.keySentenceQuestions()));
    out.append(
        String.format(
            Locale.ROOT,
            "declines offering a passage that holds the answer %d of %d; out of scope shown passages %d%n",
            r.closestRight(),
            r.falseDeclines(),
            r.outOfScopeOffered()));
    for (GoldReport.Miss m : r.misses()) {
      out.append(
          String.format(
              Locale.ROOT,
              "MISS %s%n  expected %s%n  got (%.2f) %s%n",
              m.q(),
              m.expected().isEmpty() ? "a decline" : m.expected(),
              m.confidence(),
              shorten(m.got())));
    }
    for (GoldReport.KeySentenceMiss m : r.keySentenceMisses()) {
      out.append(
          String.format(
              Locale.ROOT,
              "KEY SENTENCE %s%n  expected %s%n  emphasised %s%n",
              m.q(),
              m.expected(),
              shorten(m.keySentence())));
    }
    return out.toString().stripTrailing();
  }

  private static String text(BeirReport r) {
    return String.format(
        Locale.ROOT,
        "queries %d  mode %s%nnDCG@10 %.4f  Recall@100 %.4f  MRR@10 %.4f  P@1 %.4f%nlatency p50 %.2f ms  p99 %.2f ms  index %d ms",
        r.queries(),
        r.mode(),
        r.ndcg10(),
        r.recall100(),
        r.mrr10(),
        r.p1(),
        r.latencyP50Ms(),
        r.latencyP99Ms(),
        r.indexMs());
  }

  private static String shorten(String text) {
    return text.length() <= 160 ? text : text.substring(0, 159) + "…";
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report cannot be written as JSON", e);
    }
  }
}
