package org.briefbot.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.briefbot.conversation.AnswerJson;
import org.briefbot.conversation.Reply;

/**
 * The body of {@code POST /api/chat}: what the conversation replied, as Telegram shows it. {@code
 * reply} says which fields are present: {@code answer} (the {@code ask --json} object, a notice on
 * how the message was read, and the message's other questions), {@code list} (a heading and items),
 * {@code article} (a story's key points and sections) or {@code message} (text).
 */
@JsonPropertyOrder({
  "reply",
  "answer",
  "notice",
  "also_asked",
  "heading",
  "title",
  "detail",
  "text",
  "items",
  "points",
  "sections"
})
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChatJson(
    String reply,
    AnswerJson answer,
    String notice,
    @JsonProperty("also_asked") List<String> alsoAsked,
    String heading,
    String title,
    String detail,
    String text,
    List<ItemJson> items,
    List<ItemJson> points,
    List<ItemJson> sections) {

  /** Something to choose: what to show, a detail, and the message that choosing it sends. */
  @JsonPropertyOrder({"label", "detail", "command"})
  record ItemJson(String label, String detail, String command) {
    static List<ItemJson> of(List<Reply.Item> items) {
      return items.stream().map(i -> new ItemJson(i.label(), i.detail(), i.command())).toList();
    }
  }

  static ChatJson of(Reply reply) {
    if (reply instanceof Reply.Answered a) {
      return new ChatJson(
          "answer",
          AnswerJson.of(a.answer()),
          a.notice().orElse(null),
          a.alsoAsked(),
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    if (reply instanceof Reply.Listing l) {
      return new ChatJson(
          "list",
          null,
          null,
          null,
          l.heading(),
          null,
          null,
          null,
          ItemJson.of(l.items()),
          null,
          null);
    }
    if (reply instanceof Reply.Article a) {
      return new ChatJson(
          "article",
          null,
          null,
          null,
          null,
          a.title(),
          a.detail(),
          null,
          null,
          ItemJson.of(a.points()),
          ItemJson.of(a.sections()));
    }
    Reply.Message m = (Reply.Message) reply;
    return new ChatJson("message", null, null, null, null, null, null, m.text(), null, null, null);
  }
}
