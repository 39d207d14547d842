package org.briefbot.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.index.PassageIndex;
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
    Path knowledgeDir = main.knowledgeDir(config);
    Checked checked = load(config, knowledgeDir);
    Knowledge knowledge = checked.knowledge();
    IngestReport report = knowledge.report();
    System.out.printf(
        "Read %d files: %d articles, %d FAQ items, %d curated entities, %d passages.%n",
        report.filesRead().size(),
        knowledge.articles().size(),
        knowledge.faqItems().size(),
        knowledge.entities().size(),
        checked.passages());
    report.problems().forEach(p -> System.out.println(p));
    printServing(config, knowledgeDir);
    System.out.printf(
        "%d errors, %d warnings.%n",
        report.errorCount(), report.problems().size() - report.errorCount());
    return report.hasErrors() ? 1 : 0;
  }

  /** The knowledge as loaded (its passages may be in the index only) and how many passages. */
  private record Checked(Knowledge knowledge, int passages) {}

  /**
   * The folder as the bot's index holds it, brought up to date first (what changed is indexed, not
   * embedded: the bot embeds in the background); parsed in memory without an index folder, or while
   * another process builds the index.
   */
  private static Checked load(BriefbotConfig config, Path knowledgeDir) {
    String index = config.knowledge().index();
    Optional<LoadedLibrary.Loaded> loaded =
        index.isBlank()
            ? Optional.empty()
            : LiveArchive.loadOnce(
                config, Path.of(index), knowledgeDir, Optional.empty(), log::warn);
    if (loaded.isEmpty()) {
      Knowledge parsed = new KnowledgeLoader().load(knowledgeDir);
      return new Checked(parsed, parsed.passages().size());
    }
    try (PassageIndex passages = loaded.get().index()) {
      return new Checked(loaded.get().knowledge(), passages.size());
    }
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
                      "Bot index: %,d passages%s; it answers with %s%s.%n",
                      status.passages(),
                      config.retrieval().semantic()
                          ? String.format(
                              Locale.ROOT, ", %d%% with vectors", status.percentEmbedded())
                          : "",
                      status.describe(),
                      status.answerJudge() ? " and the answer judge" : ""));
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
