package org.briefbot.conversation.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal chat: a welcome, then one reply per line until /quit or end of input. Behaves the
 * same whether a person types or a script pipes lines in; only the prompt differs.
 */
public final class ConsoleChat {
  private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);

  private final Conversation conversation;
  private final ConsoleFormatter formatter;
  private final boolean interactive;

  public ConsoleChat(Conversation conversation, boolean interactive) {
    this.conversation = Objects.requireNonNull(conversation, "conversation");
    this.formatter = new ConsoleFormatter(interactive);
    this.interactive = interactive;
  }

  /** Runs until /quit or end of input; a failing message is reported and the chat goes on. */
  public void run(BufferedReader in, PrintWriter out) {
    out.println(welcome());
    out.flush();
    Optional<Context> context =
        Optional.empty(); // one console is one chat: follow-ups use the last answer
    while (true) {
      prompt(out);
      String line = readLine(in);
      if (line == null || isQuit(line)) {
        out.println("Bye.");
        out.flush();
        return;
      }
      Turn turn = reply(line, context);
      context = turn.context();
      out.println(formatter.format(turn.reply()));
      out.flush();
    }
  }

  /** The reply to one line and the context for the next; a failure keeps the context it had. */
  private Turn reply(String line, Optional<Context> context) {
    try {
      return conversation.reply(line, context);
    } catch (RuntimeException e) {
      log.error("Failed to answer a message of {} characters", line.length(), e);
      return new Turn(
          new Reply.Message(
              "Sorry, something went wrong while answering that. Please try again or rephrase."),
          context);
    }
  }

  private String welcome() {
    int articles = conversation.answerer().articles().size();
    int entities = conversation.answerer().entities().size();
    return "briefbot: ask me about "
        + articles
        + (articles == 1 ? " article" : " articles")
        + " and "
        + entities
        + " entities. Type /help for commands, /quit to leave.";
  }

  private void prompt(PrintWriter out) {
    if (interactive) {
      out.print("> ");
      out.flush();
    }
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the console", e);
    }
  }

  private static boolean isQuit(String line) {
    String command = line.strip().toLowerCase(Locale.ROOT);
    return command.equals("/quit") || command.equals("/exit");
  }
}
