package org.briefbot.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * The conversation logic every channel shares: commands and questions in, {@link Reply} out.
 * Stateless and thread-safe; channels keep per-chat context and pass it in.
 */
public final class Conversation {
  /** Commands every channel understands, in help order. */
  public static final List<Command> COMMANDS =
      List.of(
          new Command("ask", "QUESTION", "ask a question (plain text works too)"),
          new Command("entity", "NAME", "what a company, person or topic is"),
          new Command("entities", "", "every entity the articles mention"),
          new Command("topics", "", "the articles, newest first"),
          new Command("sources", "", "the articles and how much of each is indexed"),
          new Command("more", "ARTICLE", "the key points of one article"),
          new Command("help", "", "what the bot can do"));

  /** Messages longer than this are answered from their beginning, with a note saying so. */
  private final int maxQuestionChars;
  private final Answerer answerer;

  public Conversation(Answerer answerer, int maxQuestionChars) {
    this.answerer = Objects.requireNonNull(answerer, "answerer");
    if (maxQuestionChars < 1) {
      throw new IllegalArgumentException("maxQuestionChars < 1: " + maxQuestionChars);
    }
    this.maxQuestionChars = maxQuestionChars;
  }

  public Answerer answerer() {
    return answerer;
  }

  /** Handles one message with no conversation context. */
  public Reply handle(String text) {
    return handle(text, Optional.empty());
  }

  /**
   * Handles one message.
   *
   * @param aboutArticle the article this chat's last answer came from, for follow-ups
   */
  public Reply handle(String text, Optional<String> aboutArticle) {
    String message = text == null ? "" : text.strip();
    if (message.isEmpty()) {
      return new Reply.Message("Ask me a question about the articles, or type /help.");
    }
    if (!message.startsWith("/")) {
      return question(message, aboutArticle);
    }
    String[] parts = message.split("\\s+", 2);
    String command = parts[0].substring(1).toLowerCase(Locale.ROOT);
    String argument = parts.length > 1 ? parts[1].strip() : "";
    return command(command, argument, aboutArticle);
  }

  private Reply command(String command, String argument, Optional<String> aboutArticle) {
    return switch (command) {
      case "start", "help" -> new Reply.Message(help());
      case "ask" -> argument.isEmpty() ? new Reply.Message("Usage: /ask QUESTION, e.g. /ask How much is the AWS deal worth?") : question(argument, aboutArticle);
      case "entity" -> argument.isEmpty() ? entities() : entity(argument);
      case "entities" -> entities();
      case "topics" -> topics();
      case "sources" -> sources();
      case "more" -> more(argument);
      default -> new Reply.Message("I don't know the command /" + command + ". Type /help to see what I understand.");
    };
  }

  private Reply question(String question, Optional<String> aboutArticle) {
    Optional<String> notice =
        question.length() > maxQuestionChars
            ? Optional.of("Your message is long, so I read its first " + maxQuestionChars + " characters.")
            : Optional.empty();
    return new Reply.Answered(answerer.answer(question, aboutArticle), notice);
  }

  private Reply entity(String name) {
    Answer answer = answerer.entity("/entity " + name, name);
    return new Reply.Answered(answer, Optional.empty());
  }

  private Reply entities() {
    List<Reply.Item> items = new ArrayList<>();
    for (Entity e : answerer.entities()) {
      String articles = e.articleIds().size() == 1 ? "1 article" : e.articleIds().size() + " articles";
      String detail = e.kind().isBlank() ? articles : e.kind() + " · " + articles;
      items.add(new Reply.Item(e.name(), detail, "/entity " + e.name()));
    }
    return new Reply.Listing(items.isEmpty() ? "I know no entities yet." : "Entities I know (" + items.size() + "):", items);
  }

  private Reply topics() {
    List<Reply.Item> items = new ArrayList<>();
    for (Article a : answerer.articles()) {
      items.add(new Reply.Item(a.title(), a.published().toString().substring(0, 10), "/more " + a.id()));
    }
    return new Reply.Listing(items.isEmpty() ? "No articles are loaded yet." : "Articles, newest first:", items);
  }

  private Reply sources() {
    List<Reply.Item> items = new ArrayList<>();
    for (Article a : answerer.articles()) {
      // Articles in memory carry no passage text once indexed: the index knows how many there are.
      List<Passage> passages = answerer.passagesOf(a.id()).stream().filter(p -> p.section() != Section.CURATED_FAQ).toList();
      String detail = a.source().getFileName() + " · " + passages.size() + " passages · " + a.entityNotes().size() + " entity notes";
      items.add(new Reply.Item(a.title(), detail, "/more " + a.id()));
    }
    return new Reply.Listing(items.isEmpty() ? "No articles are loaded yet." : "Sources (" + items.size() + " articles):", items);
  }

  private Reply more(String articleId) {
    Optional<Article> article = answerer.article(articleId);
    if (article.isEmpty()) {
      return new Reply.Message("I have no article \"" + articleId + "\". Type /topics to see the articles.");
    }
    List<Reply.Item> items = new ArrayList<>();
    for (Passage p : answerer.passagesOf(articleId)) {
      if (p.section() != Section.ENTITY_NOTE && p.section() != Section.CURATED_FAQ) {
        items.add(new Reply.Item(p.text(), p.section().label(), "/passage " + p.id()));
      }
    }
    return new Reply.Listing(article.get().title(), items);
  }

  /** The help text: what the bot is, then every command. */
  public static String help() {
    StringBuilder help =
        new StringBuilder("I answer questions about the articles in my library, with the passage and its source.\n")
            .append("Ask in plain words, e.g. \"How much is the AWS deal worth?\"\n\n");
    for (Command c : COMMANDS) {
      help.append(c.usage()).append(" - ").append(c.description()).append('\n');
    }
    return help.toString().stripTrailing();
  }
}
