package org.briefbot.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.briefbot.eval.TrainingSet;
import org.briefbot.retrieval.LearnedRanking;
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

  @Override
  public Integer call() {
    if (!RankTraining.canFit("train")) {
      return 2;
    }
    var config = Modes.apply(main.loadConfig(), "hybrid");
    try (RankTraining training = tuning.open(config)) {
      TrainingSet.Fit fit = training.fit(training.squadTraining(), training.news().ids());
      LearnedRanking models = fit.models();
      Files.createDirectories(out);
      Files.write(out.resolve("ranker.json"), models.ranker().bytes());
      Files.write(out.resolve("answerable.json"), models.answerable().bytes());
      System.out.println(
          "wrote " + out.resolve("ranker.json") + " and " + out.resolve("answerable.json"));
      System.out.println("answer.threshold chosen on the tuning questions: " + fit.choice());
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the models to " + out, e);
    }
  }
}
