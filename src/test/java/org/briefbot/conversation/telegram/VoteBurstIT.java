package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.briefbot.app.LiveLibrary;
import org.briefbot.store.Stats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hundred readers tap 👍 at the same moment, each under their own answer, so the taps run on
 * every worker at once against one SQLite file: all are counted and the store never counts as down
 * (issue 14 bug 5). The whole bot answering a hundred questions and a hundred taps, so it runs with
 * the integration tests; paced at the tests' 300 requests a second ({@link LiveBot.Faults#PACING}),
 * not Telegram's 30, which would only add seconds of waiting.
 */
class VoteBurstIT {
  private static final String DEAL = "How much is the AWS deal worth?";
  private static final String DEAL_ANSWER = "138 billion";

  private static LiveLibrary library;

  @BeforeAll
  static void loadKnowledge() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeKnowledge() {
    library.close();
  }

  @Test
  void aHundredVotesAtOnceAreAllCounted() {
    try (LiveBot live = LiveBot.polling(library, LiveBot.Faults.FAST, List.of())) {
      int readers = 100;
      Map<Long, String> upButtons = new HashMap<>();
      Map<Long, Integer> messages = new HashMap<>();
      for (long reader = 1; reader <= readers; reader++) {
        live.api.pushPrivateMessage(reader, DEAL);
      }
      for (long reader = 1; reader <= readers; reader++) {
        long chat = reader;
        FakeBotApi.Recorded answer =
            live.api.awaitRequest(
                "sendMessage",
                r ->
                    r.param("chat_id").equals(String.valueOf(chat))
                        && r.param("text").contains(DEAL_ANSWER),
                Duration.ofSeconds(20));
        upButtons.put(reader, LiveBot.callbackData(answer, Replies.UP));
        messages.put(reader, live.messageIdOf(answer));
      }
      List<String> queries = new ArrayList<>();
      for (long reader = 1; reader <= readers; reader++) {
        queries.add(
            live.api
                .pushCallbackQuery(reader, reader, messages.get(reader), upButtons.get(reader))
                .at("/callback_query/id")
                .asText());
      }

      for (String query : queries) {
        assertThat(
                live.api
                    .awaitRequest(
                        "answerCallbackQuery",
                        r -> query.equals(r.param("callback_query_id")),
                        Duration.ofSeconds(20))
                    .param("text"))
            .isEqualTo(ChatStore.THANKS);
      }
      Stats stats = live.store.admin().stats(Instant.EPOCH);
      assertThat(stats.upVotes()).isEqualTo(readers);
      assertThat(live.store.failure()).isEmpty();
    }
  }
}
