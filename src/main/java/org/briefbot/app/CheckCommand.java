package org.briefbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;
import org.briefbot.knowledge.Knowledge;
import org.briefbot.knowledge.KnowledgeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** Prints the ingest report; exits 1 when any file could not be loaded. */
@Command(name = "check", description = "Check the knowledge folder and print the ingest report.")
final class CheckCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(CheckCommand.class);

  @ParentCommand Main main;

  @Override
  public Integer call() {
    BriefbotConfig config = main.loadConfig();
    Knowledge knowledge = new KnowledgeLoader().load(main.knowledgeDir(config));
    IngestReport report = knowledge.report();
    System.out.printf(
        "Read %d files: %d articles, %d FAQ items, %d curated entities, %d passages.%n",
        report.filesRead().size(),
        knowledge.articles().size(),
        knowledge.faqItems().size(),
        knowledge.entities().size(),
        knowledge.passages().size());
    report.problems().forEach(p -> System.out.println(p));
    printServing(config, main.knowledgeDir(config));
    System.out.printf(
        "%d errors, %d warnings.%n",
        report.errorCount(), report.problems().size() - report.errorCount());
    return report.hasErrors() ? 1 : 0;
  }

  /** What the bot would answer with from its index as it is on disk, when there is one. */
  private static void printServing(BriefbotConfig config, Path knowledgeDir) {
    String index = config.knowledge().index();
    if (index.isBlank()) {
      return;
    }
    try {
      LiveArchive.statusOnDisk(config, Path.of(index), knowledgeDir)
          .ifPresent(
              status ->
                  System.out.printf(
                      Locale.ROOT,
                      "Bot index: %,d passages%s; it answers with %s.%n",
                      status.passages(),
                      config.retrieval().semantic()
                          ? String.format(
                              Locale.ROOT, ", %d%% with vectors", status.percentEmbedded())
                          : "",
                      status.describe()));
    } catch (RuntimeException e) {
      System.out.println("Bot index cannot be read: " + e.getMessage());
    }
  }

  /** Start-up summary for the bot's log: problems are loud, the rest one line. */
  static void logReport(IngestReport report) {
    for (IngestProblem problem : report.problems()) {
      if (problem.fatal()) {
        log.error("Skipped knowledge file: {}", problem);
      } else {
        log.warn("Knowledge warning: {}", problem);
      }
    }
    log.info(
        "Loaded {} knowledge files ({} skipped)", report.filesRead().size(), report.errorCount());
  }
}
