package org.briefbot.conversation.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.briefbot.TestConfig;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Recorder;
import org.briefbot.store.Channel;
import org.briefbot.store.ChannelUse;
import org.briefbot.store.LoggedQuestion;
import org.briefbot.store.ResilientStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console records what it is asked, as every channel does, in a store of the test's own. */
class ConsoleRecordingTest {
  @TempDir Path knowledge;
  private LiveLibrary library;

  @BeforeEach
  void load() throws IOException {
    TestKnowledge.copyShipped(knowledge);
    library = TestConfig.live(TestConfig.defaults(), knowledge);
  }

  @AfterEach
  void close() {
    library.close();
  }

  @Test
  void recordsQuestionsAndAnswersUnderTheConsoleAndChitChatApart(@TempDir Path data) {
    String url = "jdbc:sqlite:" + data.resolve("briefbot.db");
    try (ResilientStore store = ResilientStore.open(url, Clock.systemUTC())) {
      Recorder recorder = new Recorder(store, Channel.CONSOLE, 0.5);
      StringWriter out = new StringWriter();
      new ConsoleChat(library, false, Optional.of(recorder))
          .run(
              new BufferedReader(
                  new StringReader(
                      "hi\nHow much is the AWS deal worth?\nWho won the 2018 World Cup?\n/topics\n")),
              new PrintWriter(out));

      assertThat(store.admin().perChannel(Instant.EPOCH))
          .contains(new ChannelUse(Channel.CONSOLE, 2, 1, 1));
      assertThat(store.admin().loggedQuestions(Instant.EPOCH))
          .extracting(LoggedQuestion::question, LoggedQuestion::channel)
          .containsExactly(tuple("Who won the 2018 World Cup?", Channel.CONSOLE));
      assertThat(store.admin().confidentSample(5, Instant.EPOCH, 0.5))
          .singleElement()
          .satisfies(
              e ->
                  assertThat(e.shownText())
                      .hasValueSatisfying(t -> assertThat(t).contains("$138 billion")));
    }
  }
}
