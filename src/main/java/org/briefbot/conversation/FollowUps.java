package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.Quotes;
import org.briefbot.answer.Source;
import org.briefbot.entities.Entity;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.Passage;
import org.briefbot.knowledge.Section;

/** Answers follow-ups in the context of a chat's last answer. Stateless; see {@link FollowUp}. */
final class FollowUps {
  /** Asked with an article as context, this routes to that article's "Why It Matters". */
  private static final String WHY_QUESTION = "Why does it matter?";

  /**
   * What a question opens with to say what it asks ("how much", "what", "who is"), and the command
   * it was asked with ("/entity OpenAI").
   */
  private static final Pattern OPENING_QUESTION_WORDS =
      Pattern.compile(
          "^\\s*(?:/\\w+\\s+)?(?:(?:how (?:much|many|long|old|big|far)|what(?:'s| year)?|when|where"
              + "|who(?:'s)?|whom|which|why|by how much)\\b\\s*)?",
          Pattern.CASE_INSENSITIVE);

  private final Answerer answerer;

  FollowUps(Answerer answerer) {
    this.answerer = answerer;
  }

  Turn answer(FollowUp followUp, Context context) {
    return switch (followUp.kind()) {
      case MORE -> more(context);
      case WHY -> why(context);
      case ABOUT -> about(followUp.subject(), context);
      case SOURCE -> source(context);
      case ASKED_AGAIN -> askedAgain(followUp.subject(), context);
      case SAID_BY -> saidBy(context);
    };
  }

  /**
   * Who says what the passage just shown says: its sentence with a reporting verb ("Lagarde said
   * ...", "according to analysts"), the key sentence first, shown as that passage's answer with it
   * in bold; or that the article says it in its own words. Searched, "who said that?" found any
   * passage with "said" in it.
   */
  private Turn saidBy(Context context) {
    Answer latest = context.latest();
    if (latest.kind() != Answer.Kind.PASSAGE) {
      return new Turn(
          new Reply.Message("That is the articles' note on it, not anyone's words."),
          Optional.of(context));
    }
    Source shown = latest.best().orElseThrow();
    Optional<String> said =
        Stream.concat(Stream.of(shown.keySentence()), Passage.sentences(shown.text()).stream())
            .filter(Quotes::reports)
            .findFirst();
    if (said.isEmpty()) {
      return new Turn(
          new Reply.Message(
              "\""
                  + shown.article()
                  + "\" says that in its own words ("
                  + shown.sectionLabel()
                  + "); it quotes no one for it."),
          Optional.of(context));
    }
    Answer answer =
        new Answer(
            "Who said that?",
            Answer.Kind.PASSAGE,
            latest.confidence(),
            Optional.of(shown.withKeySentence(said.get())),
            latest.entities(),
            List.of());
    return new Turn(
        new Reply.Answered(answer, Optional.empty()), Optional.of(context.then(answer)));
  }

  /**
   * The chat's last question asked with another question word, of its story only: after "how many
   * jets did the FAA ground?", "how long?" asks "how long jets did the FAA ground?", answered from
   * the passage just shown when it says how long (its key sentence is then the one that does), else
   * declined with the passage that says it offered. Searched as it came, "how long?" has no word to
   * find anything by.
   */
  private Turn askedAgain(String questionWord, Context context) {
    String last = context.thread().question();
    // "by when", "since when": what is asked is a date, which "when" asks for.
    String word = questionWord.endsWith(" when") ? "when" : questionWord;
    String asked = word + " " + OPENING_QUESTION_WORDS.matcher(last).replaceFirst("");
    Optional<String> article = article(context);
    if (article.isEmpty() || context.latest().kind() != Answer.Kind.PASSAGE) {
      return new Turn(
          new Reply.Message(
              "Ask me the whole question (\""
                  + questionWord
                  + " ...?\"): I read \""
                  + questionWord
                  + "?\" alone only after an answer from an article."),
          Optional.of(context));
    }
    String shown = context.latest().best().orElseThrow().passageId();
    Answer answer = answerer.answerInShown(asked, article.get(), shown);
    if (!answer.answered()) {
      String title = answerer.article(article.get()).map(Article::title).orElse(article.get());
      String notice = "I read that as \"" + asked + "\" and looked only in \"" + title + "\".";
      return new Turn(new Reply.Answered(answer, Optional.of(notice)), Optional.of(context));
    }
    return new Turn(
        new Reply.Answered(answer, Optional.empty()), Optional.of(context.then(answer)));
  }

  /**
   * The article the last answer comes from, when it was published, where to read it and how to open
   * its key points: "source?" searched as a question found any passage that says "source".
   */
  private Turn source(Context context) {
    Optional<Article> article = article(context).flatMap(answerer::article);
    if (article.isEmpty()) {
      return new Turn(
          new Reply.Message(
              "That answer comes from the curated notes, not from one article. /topics lists the"
                  + " articles."),
          Optional.of(context));
    }
    Article a = article.get();
    String section =
        context
            .latest()
            .best()
            .filter(b -> b.articleId().equals(a.id()))
            .map(b -> ", section " + b.sectionLabel())
            .orElse("");
    String read = a.link().map(link -> "\nRead it at " + link).orElse("");
    String from =
        "From \"" + a.title() + "\"" + section + ", published " + Conversation.date(a) + "." + read;
    return new Turn(
        new Reply.Listing(from, List.of(new Reply.Item("Its key points", "", "/more " + a.id()))),
        Optional.of(context));
  }

  /** The article the chat is about: the latest answer's, else the thread's. */
  Optional<String> article(Context context) {
    return Stream.of(context.latest(), context.thread())
        .flatMap(a -> articleOf(a).stream())
        .findFirst();
  }

  /** A passage's article; for an entity card, the first article that mentions the entity. */
  private Optional<String> articleOf(Answer answer) {
    if (answer.kind() == Answer.Kind.ENTITY) {
      return entity(answer.entities().get(0).name())
          .flatMap(e -> e.articleIds().stream().findFirst());
    }
    return Optional.of(answer.best().orElseThrow().articleId())
        .filter(id -> answerer.article(id).isPresent());
  }

  private Turn more(Context context) {
    String question = context.thread().question();
    Optional<Answer> next = nextPassage(context).flatMap(id -> answerer.chosen(question, id));
    if (next.isEmpty()) {
      String hint =
          article(context).map(id -> " /more " + id + " lists the whole article;").orElse("");
      return new Turn(
          new Reply.Message("That is all I have on this." + hint + " /topics lists the articles."),
          Optional.of(context));
    }
    return new Turn(
        new Reply.Answered(next.get(), Optional.empty()), Optional.of(context.then(next.get())));
  }

  /**
   * The first passage not shown yet: the thread's alternatives, then more of its article or entity.
   */
  private Optional<String> nextPassage(Context context) {
    return Stream.concat(alternatives(context.thread()), related(context))
        .filter(id -> !context.wasShown(id) && !repeatsThread(id, context))
        .findFirst();
  }

  /** A passage that says again what the thread's answer said (a takeaway the FAQ answer holds). */
  private boolean repeatsThread(String passageId, Context context) {
    Optional<Passage> passage = answerer.passage(passageId);
    return passage.isPresent()
        && context.thread().best().map(b -> Offers.repeats(passage.get().text(), b)).orElse(false);
  }

  /**
   * The answer's other passages, but not entity notes: answers already show those below the
   * passage.
   */
  private Stream<String> alternatives(Answer answer) {
    return answer.alternatives().stream()
        .filter(Alternative.Passage.class::isInstance)
        .map(Alternative::id)
        .filter(
            id -> answerer.passage(id).filter(p -> p.section() != Section.ENTITY_NOTE).isPresent());
  }

  private Stream<String> related(Context context) {
    Answer thread = context.thread();
    if (thread.kind() == Answer.Kind.ENTITY) {
      return entity(thread.entities().get(0).name()).stream().flatMap(this::passagesMentioning);
    }
    return article(context).stream()
        .flatMap(id -> readable(answerer.passagesOf(id)))
        .map(Passage::id);
  }

  private Stream<String> passagesMentioning(Entity entity) {
    List<Pattern> names = entity.names().stream().map(FollowUps::wordPattern).toList();
    return entity.articleIds().stream()
        .flatMap(id -> readable(answerer.passagesOf(id)))
        .filter(p -> names.stream().anyMatch(n -> n.matcher(p.text()).find()))
        .map(Passage::id);
  }

  /** Article text a reader has not seen in another form: no entity notes, no curated copies. */
  private static Stream<Passage> readable(List<Passage> passages) {
    return passages.stream()
        .filter(p -> p.section() != Section.ENTITY_NOTE && p.section() != Section.CURATED_FAQ);
  }

  /** The article's Why It Matters, or the next part of it when the chat has seen that already. */
  private Turn why(Context context) {
    Optional<String> article = article(context);
    if (article.isEmpty()) {
      return new Turn(
          new Reply.Message(
              "I can say why an article's story matters; ask me about one of them first, or see /topics."),
          Optional.of(context));
    }
    Answer answer = answerer.answer(WHY_QUESTION, article);
    if (!answer.answered()) {
      return new Turn(new Reply.Answered(answer, Optional.empty()), Optional.of(context));
    }
    Optional<Answer> unseen =
        context.wasShown(answer.best().orElseThrow().passageId())
            ? nextWhy(article.get(), context)
                .flatMap(id -> answerer.chosen(context.thread().question(), id))
            : Optional.of(answer);
    if (unseen.isEmpty()) {
      String more =
          "That is why it matters, in the article's words, just above. /more "
              + article.get()
              + " has the whole article.";
      return new Turn(new Reply.Message(more), Optional.of(context));
    }
    return new Turn(
        new Reply.Answered(unseen.get(), Optional.empty()),
        Optional.of(context.then(unseen.get())));
  }

  private Optional<String> nextWhy(String article, Context context) {
    return answerer.passagesOf(article).stream()
        .filter(p -> p.section() == Section.WHY_IT_MATTERS && !context.wasShown(p.id()))
        .map(Passage::id)
        .findFirst();
  }

  /**
   * "What about X?": the last question with X in place of the entity it named, then the last
   * question with X added, then X on its own; the first that finds a passage not shown yet wins.
   */
  private Turn about(String subject, Context context) {
    Optional<String> article = article(context);
    String last = context.thread().question();
    List<String> candidates = new ArrayList<>();
    substitute(last, subject).ifPresent(candidates::add);
    candidates.add(last + " " + subject);
    candidates.add("What about " + subject + "?");
    candidates.add(subject);
    Answer answer = null;
    for (String question : candidates) {
      answer = answerer.answer(question, article);
      if (answer.answered() && !context.wasShown(answer.best().orElseThrow().passageId())) {
        break;
      }
    }
    Optional<Context> next =
        answer.answered() ? Optional.of(context.switchTo(answer)) : Optional.of(context);
    return new Turn(new Reply.Answered(answer, Optional.empty()), next);
  }

  /** {@code question} with its longest entity name replaced by {@code subject}, if it names one. */
  private Optional<String> substitute(String question, String subject) {
    return answerer.entities().stream()
        .flatMap(e -> e.names().stream())
        .filter(name -> !name.equalsIgnoreCase(subject))
        .sorted(Comparator.comparingInt(String::length).reversed())
        .map(name -> wordPattern(name).matcher(question))
        .filter(Matcher::find)
        .findFirst()
        .map(m -> m.replaceFirst(Matcher.quoteReplacement(subject)));
  }

  private Optional<Entity> entity(String name) {
    return answerer.entities().stream().filter(e -> e.name().equals(name)).findFirst();
  }

  private static Pattern wordPattern(String name) {
    return Pattern.compile(
        "(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
