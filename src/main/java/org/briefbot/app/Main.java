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
          commandLine.getErr().println("briefbot: " + e.getMessage());
          return 2;
        });
    return cli.execute(args);
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
