package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;

/**
 * Arbitrary Unicode, huge and malformed messages through the question path (the real conversation
 * over the shipped knowledge), inline queries and the Telegram formatter: every one gets a reply
 * that is well-formed Telegram HTML in messages within Telegram's limit. Never an exception.
 */
class HostileMessagesProperties {
  private static LiveLibrary library;
  private final TelegramFormatter formatter = new TelegramFormatter();
  private final MessageSplitter splitter = new MessageSplitter();

  @BeforeContainer
  static void loadKnowledge() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterContainer
  static void closeKnowledge() {
    library.close();
  }

  @Property(tries = 150)
  void everyMessageGetsAWellFormedReply(@ForAll("messages") String text) {
    Turn turn = library.current().reply(text, Optional.empty());

    assertWellFormed(formatter.format(turn.reply()));
  }

  @Property(tries = 100)
  void everyInlineQueryGetsResults(@ForAll("messages") String query) {
    assertThat(new InlineAnswers(formatter, splitter).results(library.current(), query))
        .isNotNull();
  }

  @Property(tries = 200)
  void anyTextFormatsAsWellFormedHtml(@ForAll("messages") String text) {
    assertWellFormed(formatter.format(new Reply.Message(text)));
  }

  private void assertWellFormed(Rendered rendered) {
    for (String part : splitter.split(rendered.html())) {
      TelegramHtml.assertValid(part);
    }
  }

  @Provide
  Arbitrary<String> messages() {
    Arbitrary<String> words =
        Arbitraries.of(
                "How much is the AWS deal worth?",
                "/ask",
                "/entity",
                "/more",
                "/passage",
                "/start entity_",
                "/start more_",
                "why?",
                "tell me more",
                "what about Microsoft?",
                "<b>",
                "</i>",
                "&amp;",
                "@briefbot_test_bot",
                "\u200b",
                "\u2060",
                "\ufeff",
                "\u00ad",
                "\u034f",
                "\ud83d\ude00",
                "\u202e",
                "Trainium",
                "AWS")
            .list()
            .ofMaxSize(8)
            .map(parts -> String.join(" ", parts));
    Arbitrary<String> huge =
        Arbitraries.of("AWS ", "\u200b", "<", "why ", "\ud83d\ude00")
            .map(unit -> unit.repeat(20_000 / unit.length()));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(5, words),
        net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(300)),
        net.jqwik.api.Tuple.of(1, huge));
  }
}
