package org.briefbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.briefbot.answer.Answerer;
import org.briefbot.eval.FoldScore;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.GoldReport;
import org.briefbot.eval.NewsArticles;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.eval.TrainingSet;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.Retriever;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code folds}: the learned ranking judged on articles it was not fitted on. squad-newsroom's
 * articles in sorted order are cut in two halves; models fitted on one half (and the other tuning
 * data) answer the other half's questions with only that half indexed, and the first half's
 * questions, whose articles are absent, must be declined. Both ways; the hand-set ranking beside
 * it, in the same run. The news articles are cut the same way: models fitted on one half of them
 * (and squad-newsroom's training articles) answer the other half's questions with all of them
 * indexed beside the seed, as {@code eval} over that folder would. Each fold's threshold is the one
 * its own tuning questions chose.
 */
@Command(
    name = "folds",
    description =
        "Fit the learned ranking on one half of the articles, test on the other (squad-newsroom,"
            + " news articles).")
final class FoldsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which folds to run. */
  enum Which {
    BOTH,
    SQUAD,
    NEWS
  }

  @ParentCommand Main main;

  @Mixin TrainingData tuning;

  @Option(
      names = "--thresholds",
      split = ",",
      defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6",
      description =
          "thresholds to report besides each fold's chosen one (default: ${DEFAULT-VALUE})")
  List<Double> thresholds;

  @Option(
      names = "--learned-only",
      description = "skip the hand-set ranking (its figures do not change with the models)")
  boolean learnedOnly;

  @Option(
      names = "--only",
      defaultValue = "BOTH",
      description = "BOTH, SQUAD or NEWS (default: ${DEFAULT-VALUE})")
  Which only;

  @Option(
      names = "--baseline-columns",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "also fit each squad fold on the first N feature columns only (an earlier round's"
              + " features), from the same rows, and report it as ranking 'learned-N'; with"
              + " --columns 39, the way to judge the later features against the committed 32")
  int baselineColumns;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Option(
      names = "--pairs",
      paramLabel = "FILE",
      description =
          "write each fold question the learned ranking answered as a TSV line (fold, in"
              + " scope 1/0, right 1/0, confidence, question, first passage, key sentence): what"
              + " bench/answer-judge reads")
  Path pairs;

  /** Where {@link #pairs} is written while {@link #call} runs; null without --pairs. */
  private BufferedWriter pairOut;

  /**
   * One ranking's squad-newsroom figures, at each threshold and at the fold's chosen one ({@code
   * chosen} is NaN for the hand-set ranking and for pooled figures at mixed thresholds).
   */
  record Row(String ranking, String fold, double chosen, List<FoldScore.At> figures) {}

  /**
   * A news-article fold's figures at one threshold.
   *
   * @param threshold NaN where each fold used its chosen one
   */
  record NewsRow(
      String fold,
      String threshold,
      int answerable,
      int outOfScope,
      double hit1,
      double hit3,
      double declineAccuracy,
      int falseDeclines,
      double keySentenceHit) {}

  @Override
  public Integer call() {
    if (!RankTraining.canFit("folds")) {
      return 2;
    }
    var config = Modes.apply(main.loadConfig(), "hybrid");
    List<Row> rows = new ArrayList<>();
    List<NewsRow> newsRows = new ArrayList<>();
    try (BufferedWriter out = pairs == null ? null : openPairs(pairs);
        RankTraining training = tuning.open(config)) {
      pairOut = out;
      if (only != Which.NEWS) {
        squadFolds(training, rows);
      }
      if (only != Which.SQUAD) {
        newsFolds(training, newsRows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pairs, e);
    }
    System.out.println(
        json ? toJson(Map.of("squad", rows, "news", newsRows)) : text(rows) + newsText(newsRows));
    return 0;
  }

  private void squadFolds(RankTraining training, List<Row> rows) {
    SquadNewsroom data = training.squad();
    Map<String, FoldScore> handSet = new LinkedHashMap<>();
    Map<String, FoldScore> learned = new LinkedHashMap<>();
    Map<String, Double> chosen = new LinkedHashMap<>();
    Map<String, FoldScore> baseline = new LinkedHashMap<>();
    Map<String, Double> baselineChosen = new LinkedHashMap<>();
    for (boolean firstHalf : new boolean[] {true, false}) {
      List<String> train = data.half(firstHalf);
      List<String> test = data.half(!firstHalf);
      String fold = firstHalf ? "A->B" : "B->A";
      TrainingSet.Fit fit = training.fit(train, training.news().ids());
      chosen.put(fold, fit.threshold());
      if (baselineColumns > 0) {
        TrainingSet.Fit before = training.fit(train, training.news().ids(), baselineColumns);
        baselineChosen.put(fold, before.threshold());
        try (LoadedLibrary core = training.core(test)) {
          List<GoldQuestion> asked = data.questionsOf(test);
          List<String> absent = data.questionsOf(train).stream().map(GoldQuestion::q).toList();
          baseline.put(fold, score(training, core, Optional.of(before.models()), asked, absent));
        }
      }
      try (LoadedLibrary core = training.core(test)) {
        List<GoldQuestion> asked = data.questionsOf(test);
        List<String> absent = data.questionsOf(train).stream().map(GoldQuestion::q).toList();
        if (!learnedOnly) {
          handSet.put(fold, score(training, core, Optional.empty(), asked, absent));
        }
        learned.put(
            fold,
            score(training, core, Optional.of(fit.models()), asked, absent, pairWriter(fold)));
      }
    }
    if (!handSet.isEmpty()) {
      addRows(rows, "hand-set", handSet, Map.of());
    }
    if (!baseline.isEmpty()) {
      addRows(rows, "learned-" + baselineColumns, baseline, baselineChosen);
    }
    addRows(rows, "learned", learned, chosen);
  }

  private void addRows(
      List<Row> rows, String ranking, Map<String, FoldScore> folds, Map<String, Double> chosen) {
    FoldScore pooled = null;
    List<FoldScore.At> atChosen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (var fold : folds.entrySet()) {
      FoldScore score = fold.getValue();
      double t = chosen.getOrDefault(fold.getKey(), Double.NaN);
      rows.add(new Row(ranking, fold.getKey(), t, at(score, t)));
      pooled = pooled == null ? score : pooled.plus(score);
      if (!Double.isNaN(t)) {
        atChosen.add(score.at(t));
        sizes.add(score.answerable().size());
        sizes.add(score.absent().length);
      }
    }
    rows.add(new Row(ranking, "both", Double.NaN, at(pooled, Double.NaN)));
    if (!atChosen.isEmpty()) {
      rows.add(new Row(ranking, "both", Double.NaN, List.of(pooledAt(atChosen, sizes))));
    }
  }

  /** Folds' figures at their own thresholds, as one set of questions. */
  private static FoldScore.At pooledAt(List<FoldScore.At> folds, List<Integer> sizes) {
    double hit1 = 0;
    double p1 = 0;
    double absent = 0;
    double declined = 0;
    int answerable = 0;
    int absentCount = 0;
    for (int i = 0; i < folds.size(); i++) {
      FoldScore.At a = folds.get(i);
      int n = sizes.get(2 * i);
      int m = sizes.get(2 * i + 1);
      hit1 += a.hit1() * n;
      p1 += a.p1() * n;
      declined += a.answerableDeclined() * n;
      absent += a.absentDeclined() * m;
      answerable += n;
      absentCount += m;
    }
    return new FoldScore.At(
        Double.NaN,
        hit1 / answerable,
        p1 / answerable,
        absent / absentCount,
        declined / answerable);
  }

  private void newsFolds(RankTraining training, List<NewsRow> rows) {
    NewsArticles news = training.news();
    Map<String, Map<String, GoldReport>> byThreshold = new LinkedHashMap<>();
    for (boolean firstHalf : new boolean[] {true, false}) {
      List<String> train = news.half(firstHalf);
      List<String> test = news.half(!firstHalf);
      String fold = (firstHalf ? "A->B " : "B->A ") + train + " -> " + test;
      TrainingSet.Fit fit = training.fit(training.squadTraining(), train);
      try (LoadedLibrary core = training.newsCore(news.ids());
          Retriever retriever = training.retriever(core, Optional.of(fit.models()))) {
        List<GoldQuestion> asked = news.questionsOf(test);
        Map<String, Double> ts = new LinkedHashMap<>();
        ts.put("chosen", fit.threshold());
        ts.put("0", 0.0);
        thresholds.forEach(t -> ts.put(String.format(Locale.ROOT, "%.2f", t), t));
        writePairs(fold, training.answerer(core, retriever, 0), asked);
        for (var t : ts.entrySet()) {
          GoldReport report =
              new GoldEval().run(training.answerer(core, retriever, t.getValue()), asked);
          byThreshold.computeIfAbsent(t.getKey(), k -> new LinkedHashMap<>()).put(fold, report);
          String label =
              t.getKey().equals("chosen")
                  ? String.format(Locale.ROOT, "chosen %.2f", t.getValue())
                  : t.getKey();
          rows.add(newsRow(fold, label, report));
        }
      }
    }
    byThreshold.forEach((t, folds) -> rows.add(pooled(t, folds.values())));
  }

  private static NewsRow newsRow(String fold, String threshold, GoldReport r) {
    return new NewsRow(
        fold,
        threshold,
        r.answerable(),
        r.outOfScope(),
        r.hit1(),
        r.hit3(),
        r.declineAccuracy(),
        r.falseDeclines(),
        r.keySentenceHit());
  }

  private static NewsRow pooled(String threshold, Collection<GoldReport> folds) {
    int answerable = 0;
    int outOfScope = 0;
    int falseDeclines = 0;
    double hit1 = 0;
    double hit3 = 0;
    double declined = 0;
    double key = 0;
    int keyQuestions = 0;
    for (GoldReport r : folds) {
      answerable += r.answerable();
      outOfScope += r.outOfScope();
      falseDeclines += r.falseDeclines();
      hit1 += r.hit1() * r.answerable();
      hit3 += r.hit3() * r.answerable();
      declined += r.declineAccuracy() * r.outOfScope();
      key += r.keySentenceHit() * r.keySentenceQuestions();
      keyQuestions += r.keySentenceQuestions();
    }
    return new NewsRow(
        "both",
        threshold,
        answerable,
        outOfScope,
        hit1 / answerable,
        hit3 / answerable,
        declined / outOfScope,
        falseDeclines,
        keyQuestions == 0 ? 0 : key / keyQuestions);
  }

  private FoldScore score(
      RankTraining training,
      LoadedLibrary core,
      Optional<LearnedRanking> models,
      List<GoldQuestion> asked,
      List<String> absent) {
    return score(training, core, models, asked, absent, FoldScore.Listener.NONE);
  }

  private FoldScore score(
      RankTraining training,
      LoadedLibrary core,
      Optional<LearnedRanking> models,
      List<GoldQuestion> asked,
      List<String> absent,
      FoldScore.Listener listener) {
    try (Retriever retriever = training.retriever(core, models)) {
      return FoldScore.of(
          training.answerer(core, retriever),
          asked,
          training.squad().paragraphs(),
          absent,
          listener);
    }
  }

  /** A news fold's questions answered at threshold 0, written to {@link #pairs} when asked for. */
  private void writePairs(String fold, Answerer answerer, List<GoldQuestion> asked) {
    if (pairOut != null) {
      FoldScore.askGold(answerer, asked, pairWriter(fold));
    }
  }

  /** Writes the fold's answers to {@link #pairs}, when asked for. */
  private FoldScore.Listener pairWriter(String fold) {
    if (pairOut == null) {
      return FoldScore.Listener.NONE;
    }
    return (question, answer, inScope, hit) ->
        FoldScore.pairLine(fold, question, answer, inScope, hit).ifPresent(this::appendLine);
  }

  private static BufferedWriter openPairs(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private void appendLine(String line) {
    try {
      pairOut.write(line);
      pairOut.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + pairs, e);
    }
  }

  /** The figures at each reported threshold and, when there is one, at the fold's chosen one. */
  private List<FoldScore.At> at(FoldScore score, double chosen) {
    List<FoldScore.At> figures = new ArrayList<>();
    if (!Double.isNaN(chosen)) {
      figures.add(score.at(chosen));
    }
    thresholds.stream().map(score::at).forEach(figures::add);
    return figures;
  }

  private static String text(List<Row> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("squad-newsroom (NaN threshold: each fold at its chosen one)\n");
    out.append("ranking   fold  threshold  hit@1  P@1    absent-declined  answerable-declined\n");
    for (Row r : rows) {
      for (FoldScore.At a : r.figures()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-9s %-5s %.2f%s  %.3f  %.3f  %.3f            %.3f%n",
                r.ranking(),
                r.fold(),
                a.threshold(),
                a.threshold() == r.chosen() ? "*" : " ",
                a.hit1(),
                a.p1(),
                a.absentDeclined(),
                a.answerableDeclined()));
      }
    }
    return out.toString();
  }

  private static String newsText(List<NewsRow> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    out.append("news articles (learned; all indexed beside the seed)\n");
    out.append("threshold    hit@1  hit@3  decline-acc  false-declines  key-sentence  fold\n");
    for (NewsRow r : rows) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-12s %.3f  %.3f  %.3f        %3d of %-4d     %.3f         %s%n",
              r.threshold(),
              r.hit1(),
              r.hit3(),
              r.declineAccuracy(),
              r.falseDeclines(),
              r.answerable(),
              r.keySentenceHit(),
              r.fold()));
    }
    return out.toString();
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report cannot be written as JSON", e);
    }
  }
}
