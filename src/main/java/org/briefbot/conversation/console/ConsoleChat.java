package org.briefbot.conversation.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Library;
import org.briefbot.conversation.Recorder;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal chat: a welcome, then one reply per line until /quit or end of input. Behaves the
 * same whether a person types or a script pipes lines in; only the prompt differs. Each line is
 * answered from the knowledge serving when it is read, so a new article is served here as on
 * Telegram; a number opens that item of the last reply. With a {@link Recorder}, questions, answers
 * and chit-chat are recorded in the store under the console channel.
 */
public final class ConsoleChat {
  private static final Logger log = LoggerFactory.getLogger(ConsoleChat.class);

  /** What the console understands beyond the commands every channel shares. */
  static final String CONSOLE_HELP =
      "/reload - read the knowledge folder again\n"
          + "/quit - leave the chat\n"
          + "A number opens that item of the last reply.";

  /** The console is one chat with one reader; the store tells it apart by its channel. */
  static final long CHAT_ID = 0;

  private final Library library;
  private final ConsoleFormatter formatter;
  private final boolean interactive;
  private final Optional<Recorder> recorder;

  /** A console chat that records nothing. */
  public ConsoleChat(Library library, boolean interactive) {
    this(library, interactive, Optional.empty());
  }

  /**
   * @param recorder records each question and answer, and chit-chat apart, as every channel does
   */
  public ConsoleChat(Library library, boolean interactive, Optional<Recorder> recorder) {
    this.library = Objects.requireNonNull(library, "library");
    this.formatter = new ConsoleFormatter(interactive);
    this.interactive = interactive;
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  /** Runs until /quit or end of input; a failing message is reported and the chat goes on. */
  public void run(BufferedReader in, PrintWriter out) {
    out.println(welcome());
    out.flush();
    Session session = new Session();
    while (true) {
      prompt(out);
      String line = readLine(in);
      if (line == null || isQuit(line)) {
        out.println("Bye.");
        out.flush();
        return;
      }
      out.println(isReload(line) ? reloaded(library.reloadNow()) : session.respond(line));
      out.flush();
    }
  }

  /**
   * One console is one chat: follow-ups use its last answer, and a number opens an item of the last
   * reply that numbered any.
   */
  private final class Session {
    private Optional<Context> context = Optional.empty();
    private List<String> numbered = List.of();

    String respond(String line) {
      Optional<String> unlisted = unlisted(line, numbered);
      if (unlisted.isPresent()) {
        return unlisted.get();
      }
      Conversation conversation = library.current();
      String message = opened(line, numbered);
      Turn turn = reply(conversation, message, context);
      recorder.ifPresent(r -> r.record(CHAT_ID, CHAT_ID, message, conversation, turn));
      context = turn.context();
      ConsoleFormatter.Shown shown = formatter.render(turn.reply());
      numbered = shown.commands().isEmpty() ? numbered : shown.commands();
      return isHelp(line) ? shown.text() + "\n" + CONSOLE_HELP : shown.text();
    }
  }

  /**
   * What to say when the line is just a number no item has: the reader meant to open one, and as a
   * question a bare number finds whatever passage mentions it.
   */
  private static Optional<String> unlisted(String line, List<String> numbered) {
    String text = line.strip();
    if (!isItemNumber(text)) {
      return Optional.empty();
    }
    int n = Integer.parseInt(text);
    if (n >= 1 && n <= numbered.size()) {
      return Optional.empty();
    }
    return Optional.of(
        numbered.isEmpty()
            ? "There is no item " + n + " to open yet. Ask me a question, or type /help."
            : "There is no item "
                + n
                + ": the last list had "
                + (numbered.size() == 1 ? "one item, 1." : "items 1 to " + numbered.size() + "."));
  }

  private static boolean isItemNumber(String text) {
    return text.matches("\\d{1,3}");
  }

  /** The command of item {@code n} of the last reply when the line is just that number. */
  private static String opened(String line, List<String> numbered) {
    String text = line.strip();
    if (isItemNumber(text)) {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= numbered.size()) {
        return numbered.get(n - 1);
      }
    }
    return line;
  }

  private static String reloaded(Library.Reloaded reloaded) {
    if (!reloaded.swapped()) {
      return "Reload failed, still serving what was loaded before: "
          + reloaded.failure().orElse("unknown error");
    }
    String loaded =
        "Reloaded: " + reloaded.articles() + (reloaded.articles() == 1 ? " article" : " articles");
    return reloaded.errors().isEmpty()
        ? loaded + "."
        : loaded + "; " + reloaded.errors().size() + " file(s) could not be read (see /sources).";
  }

  /** The reply to one line and the context for the next; a failure keeps the context it had. */
  private static Turn reply(Conversation conversation, String line, Optional<Context> context) {
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
    Conversation conversation = library.current();
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

  private static boolean isReload(String line) {
    return line.strip().toLowerCase(Locale.ROOT).equals("/reload");
  }

  private static boolean isHelp(String line) {
    return line.strip().toLowerCase(Locale.ROOT).equals("/help");
  }

  private static boolean isQuit(String line) {
    String command = line.strip().toLowerCase(Locale.ROOT);
    return command.equals("/quit") || command.equals("/exit");
  }
}
