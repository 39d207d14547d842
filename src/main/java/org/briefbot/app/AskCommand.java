package org.briefbot.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.briefbot.answer.Answer;
import org.briefbot.config.BriefbotConfig;
import org.briefbot.conversation.AnswerJson;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.console.ConsoleFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Answers questions from the arguments, or one per line of standard input. */
@Command(name = "ask", description = "Answer questions (arguments, or one per line on stdin).")
final class AskCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParentCommand Main main;

  @Option(names = "--json", description = "print one JSON object per question")
  boolean json;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description = "retrieval mode: bm25, semantic or hybrid (default: from config)")
  String mode;

  @Parameters(
      paramLabel = "QUESTION",
      arity = "0..*",
      description = "the question; several words are joined")
  List<String> words;

  @Override
  public Integer call() {
    BriefbotConfig config = Modes.apply(main.loadConfig(), mode);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    try (LoadedLibrary core = LoadedLibrary.load(config, main.knowledgeDir(config))) {
      CheckCommand.logReport(core.knowledge().report());
      if (words != null && !words.isEmpty()) {
        print(core, String.join(" ", words), out);
      } else {
        readLines(core, out);
      }
    }
    return 0;
  }

  private void readLines(LoadedLibrary core, PrintWriter out) {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          print(core, line, out);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read standard input", e);
    }
  }

  private void print(LoadedLibrary core, String question, PrintWriter out) {
    if (json) {
      Answer answer = core.answerer().answer(question);
      out.println(toJson(AnswerJson.of(answer)));
    } else {
      Reply reply = core.conversation().handle(question);
      out.println(new ConsoleFormatter(false).format(reply));
      out.println();
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer cannot be written as JSON", e);
    }
  }
}
