package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.briefbot.app.LiveLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer longer than one Telegram message arrives as several valid ones, in order, buttons on
 * the last. A passage that long is first shown by its key sentence; the whole of it comes when the
 * reader taps for it.
 */
class LongAnswerIT {
  private static final String QUESTION = "What is the long story of the chip race?";

  @Test
  void aFiveThousandCharacterAnswerArrivesAsTwoValidMessages(@TempDir Path knowledge)
      throws IOException {
    String story = longStory();
    write(knowledge, story);

    try (LiveLibrary library = LiveBot.library(knowledge);
        LiveBot live = LiveBot.polling(library)) {
      live.api.pushPrivateMessage(LiveBot.USER, QUESTION);
      FakeBotApi.Recorded lead = live.awaitSentContaining("📰");
      assertThat(TelegramHtml.assertValid(lead.param("text")).length()).isLessThan(500);

      live.api.pushCallbackQuery(
          LiveBot.USER,
          LiveBot.USER,
          live.messageIdOf(lead),
          LiveBot.callbackData(lead, TelegramFormatter.WHOLE_PASSAGE));

      FakeBotApi.Recorded edit = live.api.awaitRequest("editMessageText", LiveBot.WAIT);
      FakeBotApi.Recorded rest =
          live.api.awaitRequest(
              "sendMessage", r -> !r.equals(lead) && r.param("text").contains("📰"), LiveBot.WAIT);
      String first = TelegramHtml.assertValid(edit.param("text"));
      String second = TelegramHtml.assertValid(rest.param("text"));
      assertThat((first + " " + second).replaceAll("\\s+", " ")).contains(story);
      assertThat(edit.params().has("reply_markup")).isFalse();
      assertThat(rest.params().has("reply_markup")).isTrue();
    }
  }

  /** About 5,000 characters of one FAQ answer, with characters that must be escaped. */
  private static String longStory() {
    StringBuilder story = new StringBuilder();
    for (int i = 1; story.length() < 5000; i++) {
      story
          .append("Part ")
          .append(i)
          .append(" of the chip race: AWS & OpenAI weigh Trainium <v")
          .append(i)
          .append("> against GPUs, and \"cost per token\" decides. ");
    }
    String text = story.toString().strip();
    assertThat(text.length()).isBetween(5000, 5200);
    return text;
  }

  private static void write(Path knowledge, String story) throws IOException {
    Files.createDirectories(knowledge.resolve("articles"));
    Files.createDirectories(knowledge.resolve("faq"));
    Files.writeString(
        knowledge.resolve("articles/chip-race.txt"),
        """
        The chip race, told at length
        Key Takeaways
        - Cloud providers design their own AI chips.
        """);
    Files.writeString(
        knowledge.resolve("faq/chip-race.yaml"),
        """
        items:
          - question: "%s"
            answer: '%s'
            article: chip-race
        """
            .formatted(QUESTION, story.replace("'", "''")));
  }
}
