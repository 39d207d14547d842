package org.briefbot.conversation.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.EntityCard;
import org.briefbot.answer.Source;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Reply;
import org.briefbot.knowledge.Article;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.objects.inlinequery.inputmessagecontent.InputTextMessageContent;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResult;
import org.telegram.telegrambots.meta.api.objects.inlinequery.result.InlineQueryResultArticle;

/**
 * Inline mode ({@code @bot question} in any chat): the best passages and entity cards for the
 * question as results that post the answer with its source. An empty query lists the articles.
 */
final class InlineAnswers {
  /** Telegram shows at most this many results without paging; we never page. */
  static final int MAX_RESULTS = 10;

  private static final int TITLE_CHARS = 64;
  private static final int DESCRIPTION_CHARS = 120;

  private final TelegramFormatter formatter;
  private final MessageSplitter splitter;

  InlineAnswers(TelegramFormatter formatter, MessageSplitter splitter) {
    this.formatter = formatter;
    this.splitter = splitter;
  }

  /** The results for {@code query}, from the knowledge {@code conversation} serves. */
  List<InlineQueryResult> results(Conversation conversation, String query) {
    String question = Conversation.readable(query).orElse("");
    return question.isEmpty()
        ? articles(conversation)
        : answers(conversation.answerer(), conversation.answerer().answer(question));
  }

  private List<InlineQueryResult> answers(Answerer answerer, Answer answer) {
    List<InlineQueryResultArticle> results = new ArrayList<>();
    if (answer.kind() == Answer.Kind.PASSAGE) {
      results.add(passage(answer));
      for (Alternative alternative : answer.alternatives()) {
        if (alternative instanceof Alternative.Passage other) {
          answerer
              .chosen(answer.question(), other.passageId())
              .ifPresent(a -> results.add(passage(a)));
        }
      }
    }
    List<String> entities =
        new ArrayList<>(answer.entities().stream().map(EntityCard::name).toList());
    if (answer.kind() == Answer.Kind.ENTITY) {
      answer.alternatives().stream()
          .filter(Alternative.Entity.class::isInstance)
          .map(Alternative::text)
          .forEach(entities::add);
    }
    for (String name : entities) {
      Answer card = answerer.entity(name, name);
      if (card.answered()) {
        results.add(entity(card));
      }
    }
    return unique(results);
  }

  /** Telegram rejects a list with a repeated result id; an entity can come up twice. */
  private static List<InlineQueryResult> unique(List<InlineQueryResultArticle> results) {
    Map<String, InlineQueryResult> byId = new LinkedHashMap<>();
    results.forEach(r -> byId.putIfAbsent(r.getId(), r));
    return byId.values().stream().limit(MAX_RESULTS).toList();
  }

  private InlineQueryResultArticle passage(Answer answer) {
    Source source = answer.best().orElseThrow();
    return article(
        "p" + source.passageId(),
        Html.shorten(source.keySentence(), TITLE_CHARS),
        source.article() + " · " + source.sectionLabel(),
        formatter.answerHtml(answer));
  }

  private InlineQueryResultArticle entity(Answer answer) {
    EntityCard card = answer.entities().get(0);
    String title = card.kind().isBlank() ? card.name() : card.name() + " (" + card.kind() + ")";
    return article(
        "e" + card.name(),
        Html.shorten(title, TITLE_CHARS),
        answer.best().orElseThrow().text(),
        formatter.answerHtml(answer));
  }

  private List<InlineQueryResult> articles(Conversation conversation) {
    List<InlineQueryResult> results = new ArrayList<>();
    for (Article a : conversation.answerer().articles().stream().limit(MAX_RESULTS).toList()) {
      Reply listing = conversation.handle("/more " + a.id());
      results.add(
          article(
              "a" + a.id(),
              Html.shorten(a.title(), TITLE_CHARS),
              "Key points of the article",
              formatter.format(listing).html()));
    }
    return results;
  }

  /** A result posting {@code html} (its first message's worth: inline results are one message). */
  private InlineQueryResultArticle article(
      String key, String title, String description, String html) {
    InputTextMessageContent content =
        InputTextMessageContent.builder()
            .messageText(splitter.split(html).get(0))
            .parseMode(ParseMode.HTML)
            .build();
    return InlineQueryResultArticle.builder()
        .id(id(key))
        .title(title)
        .description(Html.shorten(description, DESCRIPTION_CHARS))
        .inputMessageContent(content)
        .build();
  }

  /** Result ids may be 64 bytes at most; a digest of ours is short, stable and unique enough. */
  private static String id(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
