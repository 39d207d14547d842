package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.answer.Answerer;
import org.briefbot.knowledge.Article;
import org.briefbot.knowledge.EntityNote;
import org.briefbot.knowledge.Passage;
import org.briefbot.smalltalk.SmallTalk;
import org.briefbot.smalltalk.Talk;

/**
 * Short friendly replies to small talk, each with example questions drawn from the articles loaded
 * now. They are listings, not answers: nothing was asked of the articles, so nothing goes to the
 * unanswered log.
 */
final class SmallTalkReplies {
  /** Example questions offered with each reply. */
  static final int EXAMPLES = 3;

  /** Stories "what's new?" lists before pointing to the rest. */
  static final int LATEST = 5;

  private final Answerer answerer;
  private final SmallTalk smallTalk = new SmallTalk();

  SmallTalkReplies(Answerer answerer) {
    this.answerer = answerer;
  }

  /** The reply to {@code message} when it is small talk. */
  Optional<Reply> reply(String message) {
    return smallTalk.recognize(message, answerer::knownShare).map(this::reply);
  }

  /** Whether {@code message} is small talk, without building the reply. */
  boolean recognizes(String message) {
    return smallTalk.recognize(message, answerer::knownShare).isPresent();
  }

  private Reply reply(Talk talk) {
    if (talk instanceof Talk.Social social && social.kind() == Talk.Kind.GOODBYE) {
      return new Reply.Message(social(social.kind()));
    }
    if (talk instanceof Talk.Social social && social.kind() == Talk.Kind.LATEST) {
      return latest();
    }
    String text =
        talk instanceof Talk.Social social
            ? social(social.kind())
            : otherLanguage((Talk.OtherLanguage) talk);
    List<Reply.Item> items =
        examples().stream().map(q -> new Reply.Item(q, "", "/ask " + q)).toList();
    return items.isEmpty()
        ? new Reply.Message(text.replace(" For example:", ""))
        : new Reply.Listing(text, items);
  }

  private String social(Talk.Kind kind) {
    return switch (kind) {
      case GREETING -> "Hi! I answer questions about the news articles in my library. For example:";
      case THANKS -> "You're welcome! Ask me anything else about the articles. For example:";
      case ACKNOWLEDGE -> "Anything else? Ask me another question about the articles. For example:";
      case WHO_ARE_YOU ->
          "I'm briefbot, a bot that answers questions from the news-analysis articles in my"
              + " library and says which article each answer comes from. For example:";
      case WHAT_CAN_YOU_DO ->
          "I answer questions about "
              + articles()
              + " and the companies, people and topics in them, and say where each answer comes"
              + " from. Ask in plain words, follow up with \"tell me more\" or \"why?\", or type"
              + " /help for the commands. For example:";
      case LATEST -> "The latest stories:";
      case GOODBYE -> "Bye! Come back with any question about the articles.";
    };
  }

  /**
   * The newest {@value #LATEST} stories, each opening its key points, then every story when there
   * are more: a reader asking what is new wants headlines, not a search for the word "new".
   */
  private Reply latest() {
    List<Article> all = answerer.articles();
    if (all.isEmpty()) {
      return new Reply.Message("No articles are loaded yet: ask me again later.");
    }
    List<Reply.Item> items = new ArrayList<>();
    all.subList(0, Math.min(all.size(), LATEST)).forEach(a -> items.add(Conversation.opening(a)));
    if (all.size() > LATEST) {
      items.add(new Reply.Item("All " + all.size() + " stories", "", "/topics"));
    }
    return new Reply.Listing(social(Talk.Kind.LATEST), items);
  }

  private static String otherLanguage(Talk.OtherLanguage other) {
    String which = other.language().map(l -> " (that looks like " + l + ")").orElse("");
    return "Sorry, I answer in English only" + which + ". Please ask in English. For example:";
  }

  private String articles() {
    int n = answerer.articles().size();
    return n == 1 ? "1 article" : n + " articles";
  }

  /**
   * Up to {@value #EXAMPLES} questions the articles answer, newest article first, one per article
   * before a second from any: a question an article's FAQ or a curated item asks, else "Tell me
   * about X" for an entity the article has a note on.
   */
  List<String> examples() {
    List<List<String>> perArticle = new ArrayList<>();
    for (Article article : answerer.articles()) {
      if (perArticle.size() == EXAMPLES) {
        break;
      }
      List<String> questions = questions(article);
      if (!questions.isEmpty()) {
        perArticle.add(questions);
      }
    }
    Set<String> examples = new LinkedHashSet<>();
    for (int round = 0; examples.size() < EXAMPLES && round < EXAMPLES; round++) {
      for (List<String> questions : perArticle) {
        if (round < questions.size() && examples.size() < EXAMPLES) {
          examples.add(questions.get(round));
        }
      }
    }
    return List.copyOf(examples);
  }

  private List<String> questions(Article article) {
    List<String> questions = new ArrayList<>();
    for (Passage p : answerer.passagesOf(article.id())) {
      if (!p.questions().isEmpty() && questions.size() < EXAMPLES) {
        questions.add(p.questions().get(0));
      }
    }
    for (EntityNote note : article.entityNotes()) {
      if (!note.summary().isBlank() && questions.size() < EXAMPLES) {
        questions.add("Tell me about " + note.name());
      }
    }
    return questions;
  }
}
