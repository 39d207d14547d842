package org.briefbot.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.Recorder;
import org.briefbot.conversation.console.ConsoleChat;
import org.briefbot.store.Channel;
import org.briefbot.store.ResilientStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** The console chat, also what {@code briefbot} runs with no token. */
@Command(
    name = "chat",
    description = "Chat in the terminal (the default without TELEGRAM_BOT_TOKEN).")
final class ChatCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() {
    return runWith(main);
  }

  int runWith(Main options) {
    BriefbotConfig config = options.loadConfig();
    // Live, as on Telegram: a file added to the knowledge folder is served in the console too.
    ResilientStore store = ResilientStore.open(config.store().url(), Clock.systemUTC());
    Recorder recorder = new Recorder(store, Channel.CONSOLE, config.store().lowConfidence());
    try (LiveLibrary library = LiveLibrary.load(config, options.knowledgeDir(config))) {
      CheckCommand.logReport(library.serving().knowledge().report());
      library.watch();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      new ConsoleChat(library, System.console() != null, Optional.of(recorder)).run(in, out);
      return 0;
    } finally {
      store.close();
    }
  }
}
