package org.briefbot.app;

import java.nio.file.Path;
import java.util.List;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.eval.NewsArticles;
import org.briefbot.eval.SquadNewsroom;
import org.briefbot.retrieval.RankRows;
import picocli.CommandLine.Option;

/** Where {@code train} and {@code folds} read their tuning data: one set of options for both. */
final class TrainingData {
  @Option(
      names = "--squad",
      paramLabel = "DIR",
      defaultValue = "../shared/benchmarks/squad-newsroom",
      description = "squad-newsroom folder (default: ${DEFAULT-VALUE})")
  Path squad;

  @Option(
      names = "--articles",
      paramLabel = "DIR",
      split = ",",
      defaultValue = "../shared/articles,src/test/resources/tuning/articles",
      description =
          "folders of news articles in the seed's format, each NAME.txt beside NAME.gold.jsonl,"
              + " comma-separated (default: ${DEFAULT-VALUE})")
  List<Path> articles;

  @Option(
      names = "--seed-knowledge",
      paramLabel = "DIR",
      defaultValue = "knowledge",
      description = "the seed knowledge the tuning questions ask about (default: ${DEFAULT-VALUE})")
  Path seedKnowledge;

  @Option(
      names = "--seed-tuning",
      paramLabel = "FILE",
      defaultValue = "src/test/resources/tuning/seed-dev.jsonl",
      description = "the seed's tuning questions (default: ${DEFAULT-VALUE})")
  Path seedTuning;

  @Option(
      names = "--columns",
      paramLabel = "N",
      defaultValue = "" + RankRows.COMMITTED_COLUMNS,
      description =
          "features per row the models are fitted on: the committed models' width (the default,"
              + " ${DEFAULT-VALUE}) or all there are")
  int columns;

  /** The training harness over this data, in hybrid mode. */
  RankTraining open(BriefbotConfig hybrid) {
    return new RankTraining(
        hybrid,
        SquadNewsroom.read(squad),
        NewsArticles.read(articles),
        seedKnowledge,
        seedTuning,
        columns);
  }
}
