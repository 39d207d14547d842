package org.briefbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.briefbot.eval.FoldScore;
import org.briefbot.eval.GoldQuestion;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.Retriever;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code folds}: the learned ranking judged on articles it was not fitted on. squad-newsroom's
 * articles in sorted order are cut in two halves; models fitted on one half (and the seed's tuning
 * questions) answer the other half's questions with only that half indexed, and the first half's
 * questions, whose articles are absent, must be declined. Both ways; the hand-set ranking beside
 * it, in the same run.
 */
@Command(
    name = "folds",
    description =
        "Fit the learned ranking on one half of squad-newsroom's articles, test on the other.")
final class FoldsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand Main main;

  @Mixin TrainingData tuning;

  @Option(
      names = "--thresholds",
      split = ",",
      defaultValue = "0.1,0.2,0.3,0.4,0.5,0.6",
      description = "thresholds to report (default: ${DEFAULT-VALUE})")
  List<Double> thresholds;

  @Option(
      names = "--learned-only",
      description = "skip the hand-set ranking (its figures do not change with the models)")
  boolean learnedOnly;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  /** One ranking's figures, pooled over both folds, at each threshold. */
  record Row(String ranking, String fold, List<FoldScore.At> figures) {}

  @Override
  public Integer call() {
    if (!RankTraining.canFit("folds")) {
      return 2;
    }
    var config = Modes.apply(main.loadConfig(), "hybrid");
    List<Row> rows = new ArrayList<>();
    try (RankTraining training = tuning.open(config)) {
      SquadNewsroom data = training.squad();
      Map<String, FoldScore> handSet = new LinkedHashMap<>();
      Map<String, FoldScore> learned = new LinkedHashMap<>();
      for (boolean firstHalf : new boolean[] {true, false}) {
        List<String> train = data.half(firstHalf);
        List<String> test = data.half(!firstHalf);
        String fold = firstHalf ? "A->B" : "B->A";
        LearnedRanking models = training.fit(train);
        try (LoadedLibrary core = training.core(test)) {
          List<GoldQuestion> asked = data.questionsOf(test);
          List<String> absent = data.questionsOf(train).stream().map(GoldQuestion::q).toList();
          if (!learnedOnly) {
            handSet.put(fold, score(training, core, Optional.empty(), asked, absent));
          }
          learned.put(fold, score(training, core, Optional.of(models), asked, absent));
        }
      }
      for (var entry : List.of(Map.entry("hand-set", handSet), Map.entry("learned", learned))) {
        if (entry.getValue().isEmpty()) {
          continue;
        }
        FoldScore pooled = null;
        for (var fold : entry.getValue().entrySet()) {
          rows.add(new Row(entry.getKey(), fold.getKey(), at(fold.getValue())));
          pooled = pooled == null ? fold.getValue() : pooled.plus(fold.getValue());
        }
        rows.add(new Row(entry.getKey(), "both", at(pooled)));
      }
    }
    System.out.println(json ? toJson(rows) : text(rows));
    return 0;
  }

  private FoldScore score(
      RankTraining training,
      LoadedLibrary core,
      Optional<LearnedRanking> models,
      List<GoldQuestion> asked,
      List<String> absent) {
    try (Retriever retriever = training.retriever(core, models)) {
      return FoldScore.of(
          training.answerer(core, retriever), asked, training.squad().paragraphs(), absent);
    }
  }

  private List<FoldScore.At> at(FoldScore score) {
    return thresholds.stream().map(score::at).toList();
  }

  private static String text(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("ranking   fold  threshold  hit@1  P@1    absent-declined  answerable-declined\n");
    for (Row r : rows) {
      for (FoldScore.At a : r.figures()) {
        out.append(
            String.format(
                Locale.ROOT,
                "%-9s %-5s %.2f       %.3f  %.3f  %.3f            %.3f%n",
                r.ranking(),
                r.fold(),
                a.threshold(),
                a.hit1(),
                a.p1(),
                a.absentDeclined(),
                a.answerableDeclined()));
      }
    }
    return out.toString().stripTrailing();
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report cannot be written as JSON", e);
    }
  }
}
