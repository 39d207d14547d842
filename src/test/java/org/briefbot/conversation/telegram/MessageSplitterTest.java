package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.conversation.Conversation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSplitterTest {
  private static LoadedLibrary core;

  @BeforeAll
  static void loadCore() {
    core = org.briefbot.TestKnowledge.shippedCore();
  }

  @AfterAll
  static void closeCore() {
    core.close();
  }

  /**
   * Real replies, rendered as the bot renders them, split at limits small enough to cut them many
   * times.
   */
  static Stream<Arguments> realReplies() {
    List<String> messages =
        List.of(
            "How much is the AWS deal worth?",
            "/more aws-openai-trainium",
            "/entities",
            "/sources",
            "/entity OpenAI",
            "What will the weather be like in Lisbon?",
            "/help");
    List<Integer> limits = List.of(64, 150, 400, 1000, MessageSplitter.TELEGRAM_LIMIT);
    return messages.stream().flatMap(m -> limits.stream().map(l -> Arguments.of(m, l)));
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("realReplies")
  void everyPartOfARealReplyIsAValidMessageAndNothingIsLost(String message, int limit) {
    Conversation conversation = core.conversation();
    String html = new TelegramFormatter().format(conversation.handle(message)).html();

    List<String> parts = new MessageSplitter(limit).split(html);

    StringBuilder seen = new StringBuilder();
    for (String part : parts) {
      assertThat(part.length()).isLessThanOrEqualTo(limit);
      seen.append(TelegramHtml.assertValid(part)).append(' ');
    }
    assertThat(squeeze(seen.toString())).isEqualTo(squeeze(TelegramHtml.text(html)));
  }

  @Test
  void theRealArticleIsLongerThanOneMessageAndSplitsAtAParagraph() {
    String html =
        String.join(
            "\n\n",
            core.answerer().passagesOf("aws-openai-trainium").stream()
                .map(p -> Html.escape(p.text()))
                .toList());
    List<String> parts = new MessageSplitter().split(html);

    assertThat(html.length()).isGreaterThan(MessageSplitter.TELEGRAM_LIMIT);
    assertThat(parts).hasSize(2);
    assertThat(html).contains(parts.get(0) + "\n\n"); // a whole number of paragraphs
  }

  @Test
  void aShortMessageStaysWhole() {
    assertThat(new MessageSplitter().split("<b>Hi</b> &amp; bye\n\n"))
        .containsExactly("<b>Hi</b> &amp; bye");
  }

  @Test
  void prefersAParagraphBreakToALineBreakOrASentence() {
    String first = "First paragraph. " + "Words ".repeat(20).strip();
    String second = "Second line. " + "More ".repeat(10).strip() + "\nThird line.";

    List<String> parts = new MessageSplitter(first.length() + 40).split(first + "\n\n" + second);

    assertThat(parts.get(0)).isEqualTo(first);
  }

  @Test
  void aTagOpenAtTheCutIsClosedAndReopened() {
    String sentence = "<b>" + "Trainium &amp; Inferentia chips, ".repeat(12).strip() + "</b> end.";

    List<String> parts = new MessageSplitter(120).split(sentence);

    assertThat(parts).hasSizeGreaterThan(2);
    assertThat(parts.get(0)).startsWith("<b>").endsWith("</b>");
    assertThat(parts.get(1)).startsWith("<b>").endsWith("</b>");
    parts.forEach(TelegramHtml::assertValid);
  }

  @Test
  void textWithoutSpacesIsCutOutsideEntitiesAndEmoji() {
    String html = "&amp;😀".repeat(100);

    List<String> parts = new MessageSplitter(64).split(html);

    assertThat(String.join("", parts)).isEqualTo(html);
    parts.forEach(p -> assertThat(TelegramHtml.assertValid(p)).doesNotContain("\uFFFD"));
    parts.forEach(p -> assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse());
  }

  private static String squeeze(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
