package org.briefbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.briefbot.eval.GoldReport;
import org.briefbot.eval.ModeCalibration;
import org.briefbot.eval.NamedExample;
import org.briefbot.eval.TrainingSet;
import org.briefbot.rank.TreeModel;
import org.briefbot.retrieval.Calibration;
import org.briefbot.retrieval.LearnedRanking;
import org.briefbot.retrieval.Mode;
import org.briefbot.retrieval.ModeCalibrations;
import org.briefbot.retrieval.RetrievalSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code train}: fits the committed learned ranking on tuning data only: squad-newsroom's articles
 * except those the CI test holds out, the news articles, the seed's tuning questions and the
 * benchmarks' tuning halves; and says which {@code answer.threshold} those questions choose.
 */
@Command(name = "train", description = "Fit the learned ranker and answerability models.")
final class TrainCommand implements Callable<Integer> {
  /**
   * The squad-newsroom articles copied into src/test/resources for the CI fold test: never fitted
   * on.
   */
  static final List<String> HELD_OUT = List.of("pharmacy", "private-school", "victoria-australia");

  @ParentCommand Main main;

  @Mixin TrainingData tuning;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "src/main/resources/org/briefbot/rank",
      description = "where ranker.json and answerable.json go (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(
      names = "--named",
      paramLabel = "FILE",
      defaultValue = "src/test/resources/tuning/named-examples.jsonl",
      description =
          "questions the issues name, each judged with the new models (default: ${DEFAULT-VALUE})")
  Path named;

  @Option(
      names = "--calibrations-only",
      description =
          "refit only the BM25 and semantic modes' calibrations (minutes), not the learned models")
  boolean calibrationsOnly;

  @Option(
      names = "--key-sentences-only",
      description =
          "fit only the key-sentence model (key-sentence.json), with the committed ranking models")
  boolean keySentencesOnly;

  @Override
  public Integer call() {
    if (!RankTraining.canFit("train")) {
      return 2;
    }
    var config = Modes.apply(main.loadConfig(), "hybrid");
    try (RankTraining training = tuning.open(config)) {
      Files.createDirectories(out);
      if (keySentencesOnly) {
        LearnedRanking committed =
            LearnedRanking.committed()
                .orElseThrow(() -> new IllegalStateException("no committed ranking models"));
        TreeModel model =
            training.keySentences(training.squadTraining(), training.news().ids(), committed);
        Path file = out.resolve("key-sentence.json");
        Files.write(file, model.committable());
        System.out.println("wrote " + file);
        return 0;
      }
      if (!calibrationsOnly) {
        TrainingSet.Fit fit = training.fit(training.squadTraining(), training.news().ids());
        LearnedRanking models = fit.models();
        Files.write(out.resolve("ranker.json"), models.ranker().committable());
        Files.write(out.resolve("answerable.json"), models.answerable().committable());
        System.out.println(
            "wrote " + out.resolve("ranker.json") + " and " + out.resolve("answerable.json"));
        System.out.println("answer.threshold chosen on the tuning questions: " + fit.choice());
        printNamed(training.named(NamedExample.read(named), models, fit.threshold()));
      }
      writeCalibrations(training);
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the models to " + out, e);
    }
  }

  /**
   * Every named example the new models get wrong: a fit is committed only when these hold as well
   * as the held-out sets do, and the list is written before a fit, not after its misses.
   */
  private void printNamed(List<GoldReport> reports) {
    int questions = reports.stream().mapToInt(GoldReport::questions).sum();
    int misses = reports.stream().mapToInt(r -> r.misses().size()).sum();
    System.out.println(
        "named examples (" + named + "): " + (questions - misses) + " of " + questions + " right");
    for (GoldReport report : reports) {
      for (GoldReport.Miss miss : report.misses()) {
        System.out.printf(
            Locale.ROOT,
            "  miss: %s expected %s, got %s (%.3f)%n",
            miss.q(),
            miss.expected(),
            miss.got(),
            miss.confidence());
      }
      for (GoldReport.KeySentenceMiss miss : report.keySentenceMisses()) {
        System.out.printf(
            Locale.ROOT,
            "  key sentence: %s expected %s, bold %s%n",
            miss.q(),
            miss.expected(),
            miss.keySentence());
      }
    }
  }

  /**
   * Refits the BM25 and semantic calibrations on the same questions and writes them; prints what
   * the threshold rule would choose in each mode, as a check that one threshold serves all.
   */
  private void writeCalibrations(RankTraining training) throws IOException {
    Map<Mode, ModeCalibration> data =
        training.calibrationData(training.squadTraining(), training.news().ids());
    RetrievalSettings handSet = RetrievalSettings.handSet(1);
    Map<Mode, Calibration> fitted = new EnumMap<>(Mode.class);
    for (var mode : data.entrySet()) {
      Calibration before = ModeCalibrations.of(handSet, mode.getKey());
      ModeCalibration.Refit after = mode.getValue().refit(before);
      fitted.put(mode.getKey(), after.calibration());
      System.out.println(
          ModeCalibration.describe(mode.getKey().key(), after.calibration())
              + " ("
              + mode.getValue().size()
              + " answers); the threshold rule would choose "
              + mode.getValue().choice(after));
    }
    Path file = out.resolve(ModeCalibrations.FILE);
    Files.write(file, ModeCalibrations.write(fitted));
    System.out.println("wrote " + file);
  }
}
