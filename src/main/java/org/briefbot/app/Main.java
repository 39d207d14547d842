package org.briefbot.app;

import java.nio.file.Path;
import java.util.Optional;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The command line. With no command it starts the bot: on Telegram when TELEGRAM_BOT_TOKEN is set,
 * otherwise as a console chat.
 */
@Command(
    name = "briefbot",
    mixinStandardHelpOptions = true,
    version = "briefbot 0.1.0",
    description = "Answers questions about a library of news-analysis articles.",
    subcommands = {
      AskCommand.class,
      EvalCommand.class,
      CheckCommand.class,
      ChatCommand.class,
      ReportCommand.class,
      GenerateCommand.class,
      FoldsCommand.class,
      TrainCommand.class,
      ServeCommand.class
    })
public final class Main implements java.util.concurrent.Callable<Integer> {

  @Option(
      names = "--knowledge",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "knowledge folder (default: knowledge.path from the config, \"knowledge\")")
  Path knowledge;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "config file (default: config/briefbot.yaml when it exists)")
  Path config;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println("briefbot: " + message(e));
          return 2;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) { // thrown on the command's own thread, not wrapped
      cli.getErr().println("briefbot: " + message(e));
      return 2;
    }
  }

  /**
   * What went wrong, and for a heap too small (most often a big knowledge folder's first index
   * build, which holds every article at once) how to start instead.
   */
  static String message(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        return e.getMessage()
            + ". The Java heap (at most "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB here) is too small for this: a knowledge folder's first index build needs the"
            + " most (100,000 articles build in 512 MB)."
            + " Start java with a larger heap, e.g. java -Xmx1g -jar target/briefbot.jar";
      }
    }
    return e.getMessage();
  }

  @Override
  public Integer call() {
    String token = System.getenv("TELEGRAM_BOT_TOKEN");
    if (token != null && !token.isBlank()) {
      return TelegramLauncher.run(loadConfig(), knowledgeDir(loadConfig()), token);
    }
    return new ChatCommand().runWith(this);
  }

  BriefbotConfig loadConfig() {
    Optional<Path> file = Optional.ofNullable(config);
    Path fallback = Path.of("config", "briefbot.yaml");
    if (file.isEmpty() && fallback.toFile().isFile()) {
      file = Optional.of(fallback);
    }
    return new ConfigLoader().load(file);
  }

  Path knowledgeDir(BriefbotConfig loaded) {
    return knowledge != null ? knowledge : Path.of(loaded.knowledge().path());
  }
}
