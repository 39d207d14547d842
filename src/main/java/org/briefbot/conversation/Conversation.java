package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.entities.Entity;
import org.briefbot.entities.EntityLinker;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/**
 * The conversation logic every channel shares: commands and questions in, {@link Reply} out.
 * Stateless and thread-safe; channels keep each chat's {@link Context} and pass it in, which is how
 * follow-ups ("tell me more", "why?", "what about Microsoft?") find what they follow.
 */
public final class Conversation {
  /** What the bot asks when a question could be about more than one article. */
  public static final String WHICH_STORY = "Which story do you mean?";

  /** Deep-link payloads: {@code /start entity_OpenAI}, {@code /start more_ARTICLE}. */
  public static final String ENTITY_LINK = "entity_";

  public static final String ARTICLE_LINK = "more_";

  /** Commands every channel understands, in help order. */
  public static final List<Command> COMMANDS =
      List.of(
          new Command("ask", "QUESTION", "ask a question (plain text works too)"),
          new Command("entity", "NAME", "what a company, person or topic is"),
          new Command("entities", "", "every entity the articles mention"),
          new Command("topics", "", "the articles, newest first"),
          new Command("sources", "", "the articles and how much of each is indexed"),
          new Command(
              "more", "ARTICLE", "the key points of an article (a few words of its title do)"),
          new Command("help", "", "what the bot can do"));

  /**
   * Entities a page of {@code /entities} lists: with its "more" item, fewer than a keyboard holds.
   */
  static final int ENTITIES_PER_PAGE = 8;

  /** Names offered when {@code /entity} does not know the one asked for. */
  static final int SUGGESTIONS = 3;

  /** Messages longer than this are answered from their beginning, with a note saying so. */
  private final int maxQuestionChars;

  /**
   * An alternative from another article this close to the answer's confidence fits as well: the
   * reader is asked which story they mean.
   */
  private static final double TIE = 0.01;

  /** Key points of an article with no takeaways: its first few passages. */
  private static final int FIRST_PASSAGES = 3;

  /**
   * Words by which a question points back at what the chat was about ("will regulators look at
   * this").
   */
  private static final Pattern REFERS_BACK =
      Pattern.compile(
          "\\b(this|that|these|those|it|its|they|them|their|he|she|him|his|her)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Where an id ends and the words after it begin. */
  private static final Pattern GAP = Pattern.compile("\\s+");

  /** Articles offered at most when asking which one the reader means. */
  private static final int MAX_STORIES = 8;

  private final Answerer answerer;
  private final FollowUps followUps;
  private final Offers offers;
  private final SmallTalkReplies smallTalk;

  public Conversation(Answerer answerer, int maxQuestionChars) {
    this.answerer = Objects.requireNonNull(answerer, "answerer");
    this.followUps = new FollowUps(answerer);
    this.offers = new Offers(answerer);
    this.smallTalk = new SmallTalkReplies(answerer);
    if (maxQuestionChars < 1) {
      throw new IllegalArgumentException("maxQuestionChars < 1: " + maxQuestionChars);
    }
    this.maxQuestionChars = maxQuestionChars;
  }

  public Answerer answerer() {
    return answerer;
  }

  /**
   * The text without the spaces and invisible characters around it (zero-width spaces, word
   * joiners, byte-order marks, soft hyphens, combining marks with nothing to combine with); empty
   * when nothing in it reads as a word: not one letter or digit, so nothing to search for.
   */
  public static Optional<String> readable(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int start = 0;
    int end = text.length();
    while (start < end && invisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && invisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    String kept = text.substring(start, end);
    return kept.codePoints().anyMatch(Character::isLetterOrDigit)
        ? Optional.of(kept)
        : Optional.empty();
  }

  private static boolean invisible(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || type == Character.FORMAT
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.CONTROL;
  }

  /**
   * Whether {@code text} is chit-chat ("hi", "thanks!", a message in another language) that the
   * small-talk replies answer: recorded apart from questions.
   */
  public boolean isSmallTalk(String text) {
    String message = readable(text).orElse(text == null ? "" : text.strip());
    return !message.isEmpty() && !message.startsWith("/") && smallTalk.recognizes(message);
  }

  /** Handles one message with no conversation context. */
  public Reply handle(String text) {
    return reply(text, Optional.empty()).reply();
  }

  /**
   * Handles one message in a chat: a command, a follow-up to the chat's last answer, or a question.
   *
   * @param context what the chat was last told, if the channel still remembers it
   * @return the reply, and the context to remember for the next message
   */
  public Turn reply(String text, Optional<Context> context) {
    Objects.requireNonNull(context, "context");
    Turn turn = turn(text, context);
    return new Turn(offers.offered(turn.reply()), turn.context());
  }

  private Turn turn(String text, Optional<Context> context) {
    String message = readable(text).orElse("");
    if (message.isEmpty()) {
      // "👍" or "🙏" alone thanks, as "thanks" does; other symbols say nothing.
      Optional<Reply> thanks = text == null ? Optional.empty() : smallTalk.reply(text.strip());
      return new Turn(
          thanks.orElse(new Reply.Message("Ask me a question about the articles, or type /help.")),
          context);
    }
    if (message.startsWith("/")) {
      String[] parts = message.split("\\s+", 2);
      String command = parts[0].substring(1).toLowerCase(Locale.ROOT);
      return command(command, parts.length > 1 ? readable(parts[1]).orElse("") : "", context);
    }
    return message(message, context);
  }

  /**
   * A message that is no command. One asking several questions ({@link Questions}) is answered by
   * the question answered surest, the others offered; small talk among them is neither.
   */
  private Turn message(String message, Optional<Context> context) {
    List<String> asked = Questions.of(message);
    if (asked.size() == 1) {
      return single(message, context);
    }
    List<String> questions = asked.stream().filter(q -> !smallTalk.recognizes(q)).toList();
    if (questions.size() < 2) {
      return single(questions.isEmpty() ? asked.get(0) : questions.get(0), context);
    }
    List<Turn> turns = questions.stream().map(question -> single(question, context)).toList();
    int lead = surest(turns);
    List<String> others = new ArrayList<>(questions);
    others.remove(lead);
    Turn chosen = turns.get(lead);
    if (chosen.reply() instanceof Reply.Answered answered) {
      return new Turn(answered.alsoAsking(others), chosen.context());
    }
    if (chosen.reply() instanceof Reply.Listing which) {
      return new Turn(alsoAsking(which, others), chosen.context());
    }
    return chosen;
  }

  /** The list the first question got ("which story do you mean?"), the others after its choices. */
  private static Reply.Listing alsoAsking(Reply.Listing listing, List<String> others) {
    List<Reply.Item> items = new ArrayList<>(listing.items());
    others.forEach(q -> items.add(new Reply.Item(q, "you also asked", Reply.Answered.ask(q))));
    return new Reply.Listing(listing.heading(), items);
  }

  /** Small talk, a follow-up to the chat's last answer, or a question. */
  private Turn single(String message, Optional<Context> context) {
    Optional<Reply> talk = smallTalk.reply(message);
    if (talk.isPresent()) {
      return new Turn(talk.get(), context);
    }
    Optional<Summary> summary = Summary.of(message);
    if (summary.isPresent()) {
      return summary(summary.get(), context);
    }
    Optional<FollowUp> followUp = FollowUp.of(message);
    if (followUp.isPresent() && context.isPresent()) {
      return followUps.answer(followUp.get(), context.get());
    }
    if (followUp.isPresent() && followUp.get().kind() != FollowUp.Kind.ABOUT) {
      return new Turn(
          new Reply.Message(
              "Ask me a question first, e.g. \"How much is the AWS deal worth?\", then I can tell you more."),
          context);
    }
    return ask(message, context);
  }

  /**
   * The turn that answers with the highest confidence, the first one asked when none answers: the
   * confidence is the probability that the passage answers, comparable across questions.
   */
  private static int surest(List<Turn> turns) {
    int surest = 0;
    double best = -1;
    for (int i = 0; i < turns.size(); i++) {
      if (turns.get(i).reply() instanceof Reply.Answered answered
          && answered.answer().answered()
          && answered.answer().confidence() > best) {
        surest = i;
        best = answered.answer().confidence();
      }
    }
    return surest;
  }

  /**
   * A new question: answered about the chat's last article when there is one; with several articles
   * and nothing saying which, the reader is asked which story they mean.
   */
  private Turn ask(String text, Optional<Context> context) {
    Optional<String> about = context.flatMap(followUps::article);
    Reply.Answered reply = question(text, about);
    if (about.isPresent() && !reply.answer().answered()) {
      reply = fromTheChatsStory(text, about.get()).orElse(reply);
      if (!reply.answer().answered()) {
        reply = new Reply.Answered(storyFirst(reply.answer(), about.get()), reply.notice());
      }
    }
    if (about.isEmpty()) {
      Optional<Reply> which = whichStory(text, reply.answer());
      if (which.isPresent()) {
        return new Turn(which.get(), context);
      }
    }
    return answered(reply, context);
  }

  /**
   * A decline in a chat offers the chat's story first among the topics: the reader was reading it,
   * and its key points are where an answer in other words would be. The passages that came close
   * keep their place; the topics keep their number.
   */
  private Answer storyFirst(Answer declined, String articleId) {
    Optional<Article> story = answerer.article(articleId);
    if (story.isEmpty()) {
      return declined;
    }
    Optional<Alternative.Topic> offered =
        declined.alternatives().stream()
            .filter(Alternative.Topic.class::isInstance)
            .map(Alternative.Topic.class::cast)
            .filter(t -> t.articleId().equals(articleId))
            .findFirst();
    List<Alternative> passages = new ArrayList<>();
    List<Alternative> others = new ArrayList<>();
    for (Alternative a : declined.alternatives()) {
      if (a instanceof Alternative.Passage) {
        passages.add(a);
      } else if (!offered.equals(Optional.of(a))) {
        others.add(a);
      }
    }
    if (offered.isEmpty() && others.stream().anyMatch(Alternative.Topic.class::isInstance)) {
      others.remove(lastTopic(others));
    }
    List<Alternative> alternatives = new ArrayList<>(passages);
    // A topic the decline did not offer has no score of its own: 0.
    alternatives.add(
        offered.orElseGet(() -> new Alternative.Topic(articleId, story.get().title(), 0)));
    alternatives.addAll(others);
    return new Answer(
        declined.question(),
        declined.kind(),
        declined.confidence(),
        declined.best(),
        declined.entities(),
        alternatives);
  }

  private static int lastTopic(List<Alternative> alternatives) {
    for (int i = alternatives.size() - 1; i >= 0; i--) {
      if (alternatives.get(i) instanceof Alternative.Topic) {
        return i;
      }
    }
    throw new IllegalArgumentException("no topic");
  }

  /**
   * A declined question that points back at the chat's story, answered from that story when it
   * answers it. Among many stories the models read such a follow-up as asked of the whole archive,
   * where its few words are common, and decline it; the reader meant the story they were reading.
   */
  private Optional<Reply.Answered> fromTheChatsStory(String text, String article) {
    if (!REFERS_BACK.matcher(text).find()) {
      return Optional.empty();
    }
    Answer within = answerer.answerIn(text, article);
    return within.answered()
        ? Optional.of(new Reply.Answered(within, notice(text, within)))
        : Optional.empty();
  }

  /**
   * "Which story do you mean?" with one choice per article, when the question names none of several
   * loaded articles (it asks only for a section) or fits passages of several equally.
   */
  private Optional<Reply> whichStory(String text, Answer answer) {
    if (answer.kind() != Answer.Kind.PASSAGE || answerer.articles().size() < 2) {
      return Optional.empty();
    }
    String answeredFrom = answer.best().orElseThrow().articleId();
    List<Article> stories;
    if (answerer.asksOnlyForSection(text)) {
      stories = answerer.articles();
    } else {
      List<String> tied = new ArrayList<>(List.of(answeredFrom));
      answer.alternatives().stream()
          .filter(Alternative.Passage.class::isInstance)
          .map(Alternative.Passage.class::cast)
          .filter(a -> a.confidence() >= answer.confidence() - TIE)
          .map(Alternative.Passage::articleId)
          .filter(id -> !tied.contains(id) && answerer.article(id).isPresent())
          .forEach(tied::add);
      stories =
          answerer.article(answeredFrom).isEmpty() || tied.size() < 2
              ? List.of()
              : answerer.articles(tied);
    }
    if (stories.size() < 2) {
      return Optional.empty();
    }
    List<Reply.Item> items = new ArrayList<>();
    for (Article a : stories.subList(0, Math.min(stories.size(), MAX_STORIES))) {
      items.add(new Reply.Item(a.title(), date(a), "/in " + a.id() + " " + text));
    }
    return Optional.of(new Reply.Listing(WHICH_STORY, items));
  }

  private Turn command(String command, String argument, Optional<Context> context) {
    return switch (command) {
      case "start" -> start(argument, context);
      case "help" -> new Turn(new Reply.Message(help()), context);
      case "ask" ->
          argument.isEmpty()
              ? new Turn(
                  new Reply.Message(
                      "Usage: /ask QUESTION, e.g. /ask How much is the AWS deal worth?"),
                  context)
              : message(argument, context);
      case "entity" ->
          argument.isEmpty() ? new Turn(entities(""), context) : entity(argument, context);
      case "entities" -> new Turn(entities(argument), context);
      case "topics" -> new Turn(topics(argument), context);
      case "sources" -> new Turn(sources(argument), context);
      case "more" -> more(argument, context);
      case "section" -> section(argument, context);
      case "passage" -> passage(argument, context, Reply.Layout.LEAD);
      case "whole" -> passage(argument, context, Reply.Layout.WHOLE);
      case "in" -> in(argument, context);
      default ->
          new Turn(
              new Reply.Message(
                  "I don't know the command /"
                      + command
                      + ". Type /help to see what I understand."),
              context);
    };
  }

  /**
   * /start, with the payload of a deep link: {@code entity_OpenAI} (underscores for spaces) opens
   * an entity, {@code more_ARTICLE} an article; anything else greets.
   */
  private Turn start(String payload, Optional<Context> context) {
    if (payload.startsWith(ENTITY_LINK) && payload.length() > ENTITY_LINK.length()) {
      return entity(payload.substring(ENTITY_LINK.length()).replace('_', ' '), context);
    }
    if (payload.startsWith(ARTICLE_LINK) && payload.length() > ARTICLE_LINK.length()) {
      return more(payload.substring(ARTICLE_LINK.length()), context);
    }
    return new Turn(new Reply.Message(help()), context);
  }

  /**
   * The command that opens a passage a decline offered ({@link Answer#closestPassages()}): the
   * passage shown as the answer to the declined question, which becomes the chat's thread, since
   * the reader picked it as the answer. Without the question, the passage would be read for the
   * chat's earlier question, or for none when the decline came first.
   */
  public static String openClosest(Answer declined, Alternative.Passage close) {
    return "/passage " + close.passageId() + " " + declined.question();
  }

  /**
   * {@code /passage ID [QUESTION]}: one passage by id, as a tapped button asks for it, shown as the
   * answer to the question a decline's button carries ({@link #openClosest}) or else to the chat's
   * thread's question.
   */
  private Turn passage(String argument, Optional<Context> context, Reply.Layout layout) {
    Optional<Leading> opened = leading(argument, id -> answerer.passage(id).isPresent());
    Optional<String> asked = opened.flatMap(Leading::rest);
    String question = asked.orElseGet(() -> context.map(c -> c.thread().question()).orElse(""));
    Optional<Answer> chosen = opened.flatMap(o -> answerer.chosen(question, o.head()));
    if (chosen.isEmpty()) {
      return new Turn(
          new Reply.Message("I no longer have that passage. Ask me again, or see /topics."),
          context);
    }
    Answer answer = chosen.get();
    Context next =
        asked.isPresent()
            ? context.map(c -> c.switchTo(answer)).orElseGet(() -> Context.of(answer))
            : context.map(c -> c.then(answer)).orElseGet(() -> Context.of(answer));
    return new Turn(
        new Reply.Answered(answer, Optional.empty(), layout, List.of()), Optional.of(next));
  }

  /**
   * An id at the start of a command's argument and the words after it, if any. Ids are file names,
   * which may hold spaces, so the longest run of leading words that {@code known} accepts is the
   * id.
   */
  private static Optional<Leading> leading(String argument, Predicate<String> known) {
    List<Integer> ends = new ArrayList<>();
    Matcher gap = GAP.matcher(argument);
    while (gap.find()) {
      ends.add(gap.start());
    }
    ends.add(argument.length());
    for (int i = ends.size() - 1; i >= 0; i--) {
      String head = argument.substring(0, ends.get(i));
      if (!head.isEmpty() && known.test(head)) {
        return Optional.of(new Leading(head, readable(argument.substring(ends.get(i)))));
      }
    }
    return Optional.empty();
  }

  /** An id that starts a command's argument, and the rest of the argument. */
  private record Leading(String head, Optional<String> rest) {}

  /** {@code /in ARTICLE QUESTION}: the question answered from that article, as a chosen story. */
  private Turn in(String argument, Optional<Context> context) {
    Optional<Leading> story = leading(argument, id -> answerer.article(id).isPresent());
    if (story.isEmpty() || story.get().rest().isEmpty()) {
      return new Turn(
          new Reply.Message("I no longer have that article. Ask me again, or see /topics."),
          context);
    }
    return answered(questionIn(story.get().rest().get(), story.get().head()), context);
  }

  /**
   * A new question's answer starts a new thread, which still skips passages the chat has seen; a
   * decline leaves the chat's context as it was.
   */
  private static Turn answered(Reply.Answered reply, Optional<Context> context) {
    Answer answer = reply.answer();
    if (!answer.answered()) {
      return new Turn(reply, context);
    }
    return new Turn(
        reply,
        Optional.of(context.map(c -> c.switchTo(answer)).orElseGet(() -> Context.of(answer))));
  }

  private Reply.Answered question(String question, Optional<String> aboutArticle) {
    Answer answer = answerer.answer(question, aboutArticle);
    return new Reply.Answered(answer, notice(question, answer));
  }

  /**
   * A question about the story the reader chose: answered from that story or declined, saying that
   * only that story was searched, since another may answer it.
   */
  private Reply.Answered questionIn(String question, String article) {
    Answer answer = answerer.answerIn(question, article);
    Optional<String> notice = notice(question, answer);
    if (!answer.answered()) {
      String searched =
          "I looked only in \""
              + answerer.article(article).map(Article::title).orElse(article)
              + "\", the story you chose.";
      notice = Optional.of(notice.map(n -> n + " " + searched).orElse(searched));
    }
    return new Reply.Answered(answer, notice);
  }

  /**
   * What the reader is told about how their message was read: its first characters only, when long;
   * its typos spelt right, when that is how it was answered ("I read it as ...").
   */
  private Optional<String> notice(String question, Answer answer) {
    Optional<String> readAs = answer.readAs().map(q -> "I read your question as \"" + q + "\".");
    Optional<String> cut = longNotice(question);
    return cut.isEmpty() ? readAs : Optional.of(cut.get() + readAs.map(r -> " " + r).orElse(""));
  }

  private Optional<String> longNotice(String question) {
    return question.length() > maxQuestionChars
        ? Optional.of(
            "Your message is long, so I read its first " + maxQuestionChars + " characters.")
        : Optional.empty();
  }

  /**
   * The entity's card; for a name it does not know, the entities spelt like it ("Did you mean"), or
   * the decline, saying no note has that name, when none is.
   */
  private Turn entity(String name, Optional<Context> context) {
    Answer answer = answerer.entity("/entity " + name, name);
    if (answer.answered()) {
      return answered(new Reply.Answered(answer, Optional.empty()), context);
    }
    List<Reply.Item> similar =
        answerer.similarEntities(name, SUGGESTIONS).stream().map(Conversation::entityItem).toList();
    if (similar.isEmpty()) {
      // The decline alone says the articles do not answer, as if a question had been asked.
      Optional<String> notice =
          Optional.of("I have no note on \"" + name + "\": /entities lists the ones I have.");
      return answered(new Reply.Answered(answer, notice), context);
    }
    return new Turn(
        new Reply.Listing("I don't know \"" + name + "\". Did you mean:", similar), context);
  }

  /**
   * A page of the entities, most mentioned first (then by name), with a last item that opens the
   * next page: every item of a page fits the buttons a channel shows under a list.
   */
  private Reply entities(String page) {
    List<Entity> all =
        answerer.entities().stream()
            .sorted(
                Comparator.comparingInt((Entity e) -> e.articleIds().size())
                    .reversed()
                    .thenComparing(Entity::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    if (all.isEmpty()) {
      return new Reply.Listing("I know no entities yet.", List.of());
    }
    Page shown = Page.of(all.size(), page);
    List<Reply.Item> items = new ArrayList<>();
    all.subList(shown.from(), shown.to()).forEach(e -> items.add(entityItem(e)));
    shown.next("entities", "/entities").ifPresent(items::add);
    String heading =
        shown.whole()
            ? "Entities I know (" + all.size() + "):"
            : "Entities I know (" + all.size() + "), most mentioned first, " + shown.range() + ":";
    return new Reply.Listing(heading, items);
  }

  /**
   * One page of a listing of {@code total} items, {@value #ENTITIES_PER_PAGE} to a page: a page's
   * items fit the buttons a channel shows under a list, and a listing of 100,000 articles would be
   * thousands of messages.
   */
  private record Page(int number, int from, int to, int total) {
    static Page of(int total, String asked) {
      int pages = Math.max(1, (total + ENTITIES_PER_PAGE - 1) / ENTITIES_PER_PAGE);
      int number = Math.min(pageNumber(asked), pages);
      int from = (number - 1) * ENTITIES_PER_PAGE;
      return new Page(number, from, Math.min(from + ENTITIES_PER_PAGE, total), total);
    }

    /** Whether this page is the whole listing. */
    boolean whole() {
      return from == 0 && to == total;
    }

    String range() {
      return (from + 1) + "-" + to;
    }

    /** The item that opens the next page with {@code command}, when there is one. */
    Optional<Reply.Item> next(String noun, String command) {
      return to < total
          ? Optional.of(
              new Reply.Item(
                  "More " + noun + " (" + (to + 1) + "-" + total + ")",
                  "",
                  command + " " + (number + 1)))
          : Optional.empty();
    }
  }

  /** "2" is page 2; anything else is the first page. */
  private static int pageNumber(String page) {
    return page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
  }

  private static Reply.Item entityItem(Entity e) {
    String articles =
        e.articleIds().size() == 1 ? "1 article" : e.articleIds().size() + " articles";
    String detail = e.kind().isBlank() ? articles : e.kind() + " · " + articles;
    return new Reply.Item(e.name(), detail, "/entity " + e.name());
  }

  /** A page of the articles, newest first. */
  private Reply topics(String page) {
    List<Article> all = answerer.articles();
    if (all.isEmpty()) {
      return new Reply.Listing("No articles are loaded yet.", List.of());
    }
    Page shown = Page.of(all.size(), page);
    List<Reply.Item> items = new ArrayList<>();
    for (Article a : all.subList(shown.from(), shown.to())) {
      items.add(new Reply.Item(a.title(), date(a) + " · /more " + a.id(), "/more " + a.id()));
    }
    shown.next("articles", "/topics").ifPresent(items::add);
    String type = "Type /more and a few words of a title for its key points:";
    return new Reply.Listing(
        shown.whole()
            ? "Articles, newest first. " + type
            : "Articles (" + all.size() + "), newest first, " + shown.range() + ". " + type,
        items);
  }

  /** The day an article was published, as readers see it: 2025-11-03. */
  static String date(Article article) {
    return article.published().toString().substring(0, 10);
  }

  /** A page of the articles, newest first, with their files and how much of each is indexed. */
  private Reply sources(String page) {
    List<Article> all = answerer.articles();
    if (all.isEmpty()) {
      return new Reply.Listing("No articles are loaded yet.", List.of());
    }
    Page shown = Page.of(all.size(), page);
    List<Reply.Item> items = new ArrayList<>();
    // Articles in memory carry no passage text once indexed: the index knows how many there are.
    Map<String, Integer> passages = answerer.passageCounts();
    for (Article a : all.subList(shown.from(), shown.to())) {
      String detail =
          a.source().getFileName()
              + " · "
              + passages.getOrDefault(a.id(), 0)
              + " passages · "
              + a.entityNotes().size()
              + " entity notes";
      items.add(new Reply.Item(a.title(), detail, "/more " + a.id()));
    }
    shown.next("articles", "/sources").ifPresent(items::add);
    String heading = "Sources (" + all.size() + " articles)";
    return new Reply.Listing(
        shown.whole() ? heading + ":" : heading + ", " + shown.range() + ":", items);
  }

  /**
   * {@code /more ARTICLE}: the key points of the article its id or a part of its title names, with
   * its sections to open, and that article becomes the chat's story (see {@link #reading}); the
   * list of articles when it names none or several.
   */
  private Turn more(String argument, Optional<Context> context) {
    List<Article> found = argument.isEmpty() ? List.of() : matching(argument);
    if (found.size() != 1) {
      return new Turn(notOne(argument, found), context);
    }
    Article article = found.get(0);
    List<Passage> passages = browsable(article.id());
    List<Passage> points = keyPoints(passages);
    return new Turn(keyPoints(article, passages, points), reading(article, points, context));
  }

  /** The articles to pick from, when {@code /more} names none or several. */
  private Reply notOne(String argument, List<Article> found) {
    if (argument.isEmpty()) {
      return topics("");
    }
    if (found.isEmpty()) {
      String echoed =
          argument.length() > ECHOED ? argument.substring(0, ECHOED).strip() + "…" : argument;
      return new Reply.Message(
          "I have no article matching \""
              + echoed
              + "\". Type /topics to see the articles, or /more alone to pick one.");
    }
    return whichToOpen(found);
  }

  /** "Which story do you mean?", each choice opening that story's key points. */
  private static Reply whichToOpen(List<Article> stories) {
    List<Reply.Item> items =
        stories.subList(0, Math.min(stories.size(), MAX_STORIES)).stream()
            .map(Conversation::opening)
            .toList();
    return new Reply.Listing(WHICH_STORY, items);
  }

  /** A story as a choice: its title and date, opening its key points. */
  static Reply.Item opening(Article article) {
    return new Reply.Item(article.title(), date(article), "/more " + article.id());
  }

  /**
   * A story's key points, asked for in words ("tldr", "summarize the ECB story", "anything about
   * boeing?"): the story named, by a few words of its title, else by an entity it mentions
   * ("lagarde"), else as the answer to those words would find it; of several, the newest when the
   * latest is asked for, else the reader is asked which. With no story named: the chat's story;
   * else the only one, or the reader is asked which.
   */
  private Turn summary(Summary summary, Optional<Context> context) {
    if (summary.story().isPresent()) {
      String named = summary.story().get();
      List<Article> found = matching(named);
      if (found.isEmpty()) {
        found = mentioning(named);
      }
      if (found.isEmpty()) {
        found = answeredFrom(named).stream().toList();
      }
      // Newest first, whichever way they were found.
      return found.size() == 1 || (summary.latest() && !found.isEmpty())
          ? more(found.get(0).id(), context)
          : new Turn(notOne(named, found), context);
    }
    Optional<String> about = context.flatMap(followUps::article);
    if (about.isPresent()) {
      return more(about.get(), context);
    }
    List<Article> all = answerer.articles();
    if (all.isEmpty()) {
      return new Turn(notOne("", all), context);
    }
    return all.size() == 1 ? more(all.get(0).id(), context) : new Turn(whichToOpen(all), context);
  }

  /** The articles that mention the entity {@code name} names, newest first. */
  private List<Article> mentioning(String name) {
    return answerer
        .entityNamed(name)
        .map(entity -> answerer.articles(entity.articleIds()))
        .orElse(List.of());
  }

  /** The article whose passage answers {@code words}, when one does. */
  private Optional<Article> answeredFrom(String words) {
    Answer answer = answerer.answer(words);
    return answer.answered() && answer.kind() == Answer.Kind.PASSAGE
        ? answerer.article(answer.best().orElseThrow().articleId())
        : Optional.empty();
  }

  /**
   * The chat's context once the reader opened part of {@code article}: a thread about the first of
   * the {@code shown} passages, as if the reader had asked for it, with all of them counted as
   * shown, so that the next question is about this story ("what happens next?" is answered from it,
   * not met with "which story do you mean?") and "tell me more" goes on past what was shown. The
   * article's title stands for the question.
   */
  private Optional<Context> reading(
      Article article, List<Passage> shown, Optional<Context> context) {
    Optional<Answer> opened =
        shown.stream().findFirst().flatMap(p -> answerer.chosen(article.title(), p.id()));
    if (opened.isEmpty()) {
      return context;
    }
    List<String> ids = new ArrayList<>(context.map(Context::shown).orElse(List.of()));
    shown.forEach(p -> ids.add(p.id()));
    return Optional.of(new Context(opened.get(), opened.get(), ids));
  }

  /**
   * Articles by id or title, whole or in part; every word of {@code argument} must be in the title
   * (or id) for a partial match, else, when no title has them all, be one slip from a long word of
   * it, as entity names may ("anything about boieng?").
   */
  private List<Article> matching(String argument) {
    String wanted = normal(argument);
    if (wanted.isEmpty()) {
      // "anything about 🚀?": no word to match, and every title contains the empty string.
      return List.of();
    }
    for (Article a : answerer.articles()) {
      if (a.id().equalsIgnoreCase(argument) || normal(a.title()).equals(wanted)) {
        return List.of(a);
      }
    }
    List<String> words = List.of(wanted.split(" "));
    List<Article> found =
        answerer.articles().stream()
            .filter(
                a -> {
                  String named = titleWords(a);
                  return (wanted.length() >= MIN_PART && named.contains(wanted))
                      || words.stream().allMatch(w -> hasWord(named, w));
                })
            .toList();
    if (!found.isEmpty()) {
      return found;
    }
    return answerer.articles().stream()
        .filter(
            a -> {
              List<String> named = List.of(titleWords(a).split(" "));
              return words.stream()
                  .allMatch(w -> named.stream().anyMatch(t -> EntityLinker.spelledAlike(w, t)));
            })
        .toList();
  }

  private static String titleWords(Article article) {
    return normal(article.title()) + " " + normal(article.id().replace('-', ' '));
  }

  /**
   * The fewest letters a part of a title must have to match inside a word ("/more trainiu"): one
   * letter, "anything about x?", is inside most titles.
   */
  private static final int MIN_PART = 3;

  /** The most of a reader's words a reply repeats back: a pasted page is not echoed whole. */
  private static final int ECHOED = 60;

  private static boolean hasWord(String text, String word) {
    return (" " + text + " ").contains(" " + word + " ");
  }

  private static String normal(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}$%.]+", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** The article's takeaways (or first passages), and its sections to open one by one. */
  private Reply keyPoints(Article article, List<Passage> passages, List<Passage> points) {
    Optional<Section> shown =
        points.stream().anyMatch(p -> p.section() == Section.KEY_TAKEAWAY)
            ? Optional.of(Section.KEY_TAKEAWAY)
            : Optional.empty();
    return new Reply.Article(
        article.title(), date(article), items(points), sections(article, passages, shown));
  }

  /** Of an article's browsable passages, its takeaways, or its first passages when it has none. */
  private static List<Passage> keyPoints(List<Passage> passages) {
    List<Passage> takeaways =
        passages.stream().filter(p -> p.section() == Section.KEY_TAKEAWAY).toList();
    return takeaways.isEmpty()
        ? passages.subList(0, Math.min(passages.size(), FIRST_PASSAGES))
        : takeaways;
  }

  /**
   * {@code /section ARTICLE KEY}: one section of an article, and the article's other sections; that
   * article becomes the chat's story, as with {@code /more}.
   */
  private Turn section(String argument, Optional<Context> context) {
    Optional<Leading> story = leading(argument, id -> answerer.article(id).isPresent());
    Optional<Article> article = story.flatMap(s -> answerer.article(s.head()));
    Optional<String> key = story.flatMap(Leading::rest);
    List<Passage> passages = article.map(a -> browsable(a.id())).orElse(List.of());
    List<Passage> chosen =
        key.isEmpty()
            ? List.of()
            : passages.stream().filter(p -> p.section().key().equals(key.get())).toList();
    if (chosen.isEmpty()) {
      return new Turn(new Reply.Message("I no longer have that section. See /topics."), context);
    }
    Section section = chosen.get(0).section();
    Reply.Article reply =
        new Reply.Article(
            article.get().title(),
            section.label(),
            items(chosen),
            sections(article.get(), passages, Optional.of(section)));
    return new Turn(reply, reading(article.get(), chosen, context));
  }

  /** An article's passages a reader browses: not the entity notes nor the curated FAQ. */
  private List<Passage> browsable(String articleId) {
    return answerer.passagesOf(articleId).stream()
        .filter(p -> p.section() != Section.ENTITY_NOTE && p.section() != Section.CURATED_FAQ)
        .toList();
  }

  private static List<Reply.Item> items(List<Passage> passages) {
    return passages.stream()
        .map(p -> new Reply.Item(p.text(), p.section().label(), "/passage " + p.id()))
        .toList();
  }

  private static List<Reply.Item> sections(
      Article article, List<Passage> passages, Optional<Section> except) {
    List<Reply.Item> sections = new ArrayList<>();
    passages.stream()
        .map(Passage::section)
        .distinct()
        .filter(section -> except.map(e -> e != section).orElse(true))
        .forEach(
            section ->
                sections.add(
                    new Reply.Item(
                        section.label(), "", "/section " + article.id() + " " + section.key())));
    return sections;
  }

  /** The help text: what the bot is, then every command. */
  public static String help() {
    StringBuilder help =
        new StringBuilder(
                "I answer questions about the articles in my library, with the passage and its source.\n")
            .append("Ask in plain words, e.g. \"How much is the AWS deal worth?\"\n")
            .append("Then follow up: \"tell me more\", \"why?\", \"what about Microsoft?\"\n\n");
    for (Command c : COMMANDS) {
      help.append(c.usage()).append(" - ").append(c.description()).append('\n');
    }
    return help.toString().stripTrailing();
  }
}
