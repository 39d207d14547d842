package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.briefbot.app.LiveLibrary;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.briefbot.testing.HostileText;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Arbitrary Unicode, huge and malformed messages through the question path (the real conversation
 * over the shipped knowledge), inline queries and the Telegram formatter: every one gets a reply
 * that is well-formed Telegram HTML in messages within Telegram's limit. Never an exception. The
 * messages come from {@link HostileText} with fixed seeds (450 in all); a failure names the seed
 * that reproduces it.
 */
class HostileMessagesTest {
  private static final List<String> WORDS =
      List.of(
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
          "AWS");

  /** Repeated to 20,000 characters. */
  private static final List<String> HUGE_UNITS =
      List.of("AWS ", "\u200b", "<", "why ", "\ud83d\ude00");

  private static LiveLibrary library;
  private final TelegramFormatter formatter = new TelegramFormatter();
  private final MessageSplitter splitter = new MessageSplitter();

  @BeforeAll
  static void loadKnowledge() {
    library = LiveBot.library(Path.of("knowledge"));
  }

  @AfterAll
  static void closeKnowledge() {
    library.close();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("questionSeeds")
  void everyMessageGetsAWellFormedReply(long seed) {
    Turn turn = library.current().reply(message(seed), Optional.empty());

    assertWellFormed(formatter.format(turn.reply()));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("inlineSeeds")
  void everyInlineQueryGetsResults(long seed) {
    assertThat(new InlineAnswers(formatter, splitter).results(library.current(), message(seed)))
        .isNotNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("formatterSeeds")
  void anyTextFormatsAsWellFormedHtml(long seed) {
    assertWellFormed(formatter.format(new Reply.Message(message(seed))));
  }

  /** Found by the generated messages: Telegram refuses a message holding these (not UTF-8). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("unsendable")
  void nulAndHalfEmojiGetAWellFormedReply(String text) {
    assertWellFormed(formatter.format(new Reply.Message(text)));
    assertWellFormed(formatter.format(library.current().reply(text, Optional.empty()).reply()));
  }

  private void assertWellFormed(Rendered rendered) {
    for (String part : splitter.split(rendered.html())) {
      TelegramHtml.assertValid(part);
    }
  }

  /** Named, as a display name holding NUL or half an emoji would spoil the test report. */
  static Stream<Named<String>> unsendable() {
    return Stream.of(
        Named.of("NUL", "\u0000"),
        Named.of("NUL inside a question", "AWS\u0000deal"),
        Named.of("high surrogate alone", "\ud83d"),
        Named.of("low surrogate alone", "\ude00"),
        Named.of("half an emoji inside text", "half \ud83d emoji"));
  }

  static LongStream questionSeeds() {
    return LongStream.range(5_000, 5_150);
  }

  static LongStream inlineSeeds() {
    return LongStream.range(6_000, 6_100);
  }

  static LongStream formatterSeeds() {
    return LongStream.range(7_000, 7_200);
  }

  /**
   * Five in ten are up to 8 of {@link #WORDS}, four arbitrary text of at most 300 chars, one a
   * 20,000-character repetition.
   */
  private static String message(long seed) {
    HostileText text = new HostileText(seed);
    int kind = text.between(1, 10);
    if (kind <= 5) {
      return text.words(WORDS, 8);
    }
    if (kind <= 9) {
      return text.anyString(300);
    }
    String unit = text.pick(HUGE_UNITS);
    return unit.repeat(20_000 / unit.length());
  }
}
