package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** Which messages are for the bot, on messages parsed by TelegramBots from Bot API JSON. */
class AddressingTest {
  private static final long BOT = 7_000_000_001L;
  private final Addressing addressing = new Addressing(BOT, "briefbot_test_bot");

  @ParameterizedTest(name = "{0} {1}: \"{2}\" -> \"{4}\"")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
      private    | -    | How much is the deal worth?              | -                | How much is the deal worth?
      private    | -    | /ask@briefbot_test_bot why?              | -                | /ask why?
      private    | -    | /help@otherbot                           | -                | -
      group      | -    | How much is the deal worth?              | -                | -
      group      | -    | /topics                                  | -                | /topics
      supergroup | -    | /ask@BriefBot_Test_Bot why?              | -                | /ask why?
      group      | -    | /ask@otherbot why?                       | -                | -
      group      | 0,18 | @briefbot_test_bot what is Trainium?     | -                | what is Trainium?
      group      | 5,18 | Hey, @BRIEFBOT_TEST_BOT what is it?      | -                | Hey, what is it?
      group      | 0,9  | @otherbot what is Trainium?              | -                | -
      group      | -    | and the price?                           | 7000000001       | and the price?
      group      | -    | and the price?                           | 55               | -
      channel    | -    | /topics@otherbot                         | -                | -
      channel    | -    | news for everyone                        | -                | -
      """)
  void findsWhatIsMeantForTheBot(
      String chatType, String mention, String text, Long replyToUser, String expected)
      throws IOException {
    Message message = message(chatType, text, mention, replyToUser);

    assertThat(addressing.textFor(message)).isEqualTo(Optional.ofNullable(expected));
  }

  private static Message message(String chatType, String text, String mention, Long replyToUser)
      throws IOException {
    String entities =
        mention == null
            ? ""
            : ", \"entities\": [{\"type\": \"mention\", \"offset\": %s, \"length\": %s}]"
                .formatted(mention.split(",")[0], mention.split(",")[1]);
    String reply =
        replyToUser == null
            ? ""
            : """
        , "reply_to_message": {"message_id": 1, "date": 1700000000, "text": "earlier",
           "from": {"id": %d, "is_bot": true, "first_name": "Someone"}, "chat": {"id": -5, "type": "%s", "title": "T"}}
        """
                .formatted(replyToUser, chatType);
    String json =
        """
        {"message_id": 2, "date": 1700000000, "text": "%s", "from": {"id": 42, "is_bot": false, "first_name": "Ada"},
         "chat": {"id": %d, "type": "%s", "title": "T"}%s%s}
        """
            .formatted(text, chatType.equals("private") ? 42 : -5, chatType, entities, reply);
    return new ObjectMapper().readValue(json, Message.class);
  }
}
