package org.briefbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.briefbot.TestConfig;
import org.briefbot.answer.Answer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.testing.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store does, whatever database is behind it: {@link SqliteStoreTest} and {@link
 * PostgresStoreTest} run these against their database.
 */
abstract class StoreBehaviour {
  static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
  static final long CHAT = -1001234L;
  static final long ALICE = 11L;
  static final long BOB = 22L;

  final TestClock clock = new TestClock(MONDAY);
  Store store;

  /** A URL of an empty database of this kind; each call gives a new one. */
  abstract String freshUrl();

  @BeforeEach
  void openStore() {
    store = Store.open(freshUrl(), clock);
  }

  static AnswerRecord answered(String question, String passageId, double confidence) {
    String article = passageId.substring(0, passageId.indexOf('#'));
    return new AnswerRecord(
        CHAT,
        ALICE,
        question,
        true,
        Optional.of(passageId),
        Optional.of(article),
        confidence,
        List.of("OpenAI"),
        List.of(passageId),
        Optional.empty());
  }

  static AnswerRecord declined(String question) {
    return new AnswerRecord(
        CHAT,
        ALICE,
        question,
        false,
        Optional.empty(),
        Optional.empty(),
        0.1,
        List.of(),
        List.of("topic:aws-openai-trainium"),
        Optional.of(Reason.DECLINED));
  }

  @Test
  void recordsEachAnswerUnderItsOwnId() {
    long first =
        store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));
    long second = store.recordAnswer(answered("Who builds Trainium?", "aws#why#1", 0.8));

    assertThat(second).isGreaterThan(first);
    assertThat(store.stats(Instant.EPOCH).questions()).isEqualTo(2);
  }

  @Test
  void countsOneVotePerReaderAndASecondTapChangesIt() {
    long id = store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));

    assertThat(store.vote(id, CHAT, ALICE, Vote.UP)).isEqualTo(VoteOutcome.RECORDED);
    assertThat(store.vote(id, CHAT, ALICE, Vote.UP)).isEqualTo(VoteOutcome.UNCHANGED);
    assertThat(store.vote(id, CHAT, ALICE, Vote.DOWN)).isEqualTo(VoteOutcome.CHANGED);
    assertThat(store.vote(id, CHAT, BOB, Vote.UP)).isEqualTo(VoteOutcome.RECORDED);

    Stats stats = store.stats(Instant.EPOCH);
    assertThat(stats.upVotes()).isEqualTo(1);
    assertThat(stats.downVotes()).isEqualTo(1);
  }

  @Test
  void saysWhenAVoteNamesNoAnswer() {
    assertThat(store.vote(424242L, CHAT, ALICE, Vote.DOWN)).isEqualTo(VoteOutcome.UNKNOWN_ANSWER);
  }

  @Test
  void logsAVotedDownAnswerOnceAndTakesItBackWhenTheVoteTurnsUp() {
    long id = store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));

    store.vote(id, CHAT, ALICE, Vote.DOWN);
    store.vote(id, CHAT, BOB, Vote.DOWN);
    List<UnansweredGroup> logged = store.topUnanswered(10, Instant.EPOCH);

    assertThat(logged)
        .singleElement()
        .satisfies(
            group -> {
              assertThat(group.question()).isEqualTo("How much is the deal worth?");
              assertThat(group.count()).isEqualTo(1);
              assertThat(group.reasons()).containsExactly(Reason.VOTED_DOWN);
              assertThat(group.candidates()).containsExactly("aws#takeaways#0");
            });

    store.vote(id, CHAT, ALICE, Vote.UP);
    assertThat(store.topUnanswered(10, Instant.EPOCH)).hasSize(1);
    store.vote(id, CHAT, BOB, Vote.UP);
    assertThat(store.topUnanswered(10, Instant.EPOCH)).isEmpty();
  }

  @Test
  void logsDeclinedAndLowConfidenceAnswersWithTheCandidatesShown() {
    store.recordAnswer(declined("Who won the election?"));
    AnswerRecord unsure = answered("Is Trainium fast?", "aws#why#3", 0.4);
    store.recordAnswer(
        new AnswerRecord(
            unsure.chatId(),
            unsure.userId(),
            unsure.question(),
            true,
            unsure.passageId(),
            unsure.articleId(),
            0.4,
            List.of(),
            List.of("aws#why#3", "aws#context#1"),
            Optional.of(Reason.LOW_CONFIDENCE)));
    store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));

    assertThat(store.topUnanswered(10, Instant.EPOCH))
        .extracting(
            UnansweredGroup::question, UnansweredGroup::reasons, UnansweredGroup::candidates)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Who won the election?",
                List.of(Reason.DECLINED),
                List.of("topic:aws-openai-trainium")),
            org.assertj.core.groups.Tuple.tuple(
                "Is Trainium fast?",
                List.of(Reason.LOW_CONFIDENCE),
                List.of("aws#why#3", "aws#context#1")));
  }

  @Test
  void logsQuestionsThatHaveNoAnswerRecord() {
    store.logUnanswered(
        new UnansweredRecord(
            CHAT, OptionalLong.empty(), "inline: nvidia h100", Reason.DECLINED, 0, List.of()));

    assertThat(store.topUnanswered(5, Instant.EPOCH))
        .extracting(UnansweredGroup::question)
        .containsExactly("inline: nvidia h100");
  }

  @Test
  void countsNearDuplicateUnansweredQuestionsTogetherMostFrequentFirst() {
    store.recordAnswer(declined("Who won the election?"));
    store.recordAnswer(declined("How much is the Nvidia deal worth?"));
    clock.advance(Duration.ofMinutes(1));
    store.recordAnswer(declined("how much is the nvidia deal worth"));
    clock.advance(Duration.ofMinutes(1));
    store.recordAnswer(declined("What's the Nvidia deal worth??"));
    store.recordAnswer(declined("How much are the Nvidia deals worth?"));

    List<UnansweredGroup> top = store.topUnanswered(10, Instant.EPOCH);

    assertThat(top)
        .extracting(UnansweredGroup::question, UnansweredGroup::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("How much is the Nvidia deal worth?", 4),
            org.assertj.core.groups.Tuple.tuple("Who won the election?", 1));
    assertThat(top.get(0).variants())
        .hasSize(4)
        .first()
        .isEqualTo("How much is the Nvidia deal worth?");
    assertThat(top.get(0).lastAsked()).isEqualTo(MONDAY.plus(Duration.ofMinutes(2)));
    assertThat(store.topUnanswered(1, Instant.EPOCH)).hasSize(1);
    assertThat(store.topUnanswered(10, MONDAY.plus(Duration.ofMinutes(2))))
        .singleElement()
        .extracting(UnansweredGroup::count)
        .isEqualTo(2);
  }

  @Test
  void remembersTheLastAnswerOfAChatForAsLongAsItsTimeToLive() {
    store.saveContext(CHAT, "aws-openai-trainium", "aws#why#0", "{\"first\": true}");
    clock.advance(Duration.ofMinutes(5));
    store.saveContext(
        CHAT, "aws-openai-trainium", "aws#why#1", "{\"shown\": [\"aws#why#0\", \"aws#why#1\"]}");
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.loadContext(CHAT, Duration.ofMinutes(15)))
        .contains(
            new ChatContext(
                CHAT,
                "aws-openai-trainium",
                "aws#why#1",
                Optional.of("{\"shown\": [\"aws#why#0\", \"aws#why#1\"]}"),
                MONDAY.plus(Duration.ofMinutes(5))));
    assertThat(store.loadContext(CHAT, Duration.ofMinutes(9))).isEmpty();
    assertThat(store.loadContext(CHAT + 1, Duration.ofMinutes(15))).isEmpty();
  }

  @Test
  void keepsAGroupsContextPerReaderAndPerAnswerMessageApart() {
    store.saveGroupContext(CHAT, ContextOwner.READER, BOB, "{\"bob\": 1}");
    store.saveGroupContext(CHAT, ContextOwner.MESSAGE, BOB, "{\"message\": 1}");
    store.saveGroupContext(CHAT, ContextOwner.READER, BOB, "{\"bob\": 2}");
    clock.advance(Duration.ofMinutes(10));

    assertThat(store.loadGroupContext(CHAT, ContextOwner.READER, BOB, Duration.ofMinutes(15)))
        .contains("{\"bob\": 2}");
    assertThat(store.loadGroupContext(CHAT, ContextOwner.MESSAGE, BOB, Duration.ofMinutes(15)))
        .contains("{\"message\": 1}");
    assertThat(store.loadGroupContext(CHAT, ContextOwner.READER, BOB, Duration.ofMinutes(9)))
        .isEmpty();
    assertThat(store.loadGroupContext(CHAT + 1, ContextOwner.READER, BOB, Duration.ofMinutes(15)))
        .isEmpty();
  }

  @Test
  void forgetsGroupContextsAfterAWeek() {
    store.saveGroupContext(CHAT, ContextOwner.MESSAGE, 7, "{}");
    clock.advance(Duration.ofDays(8));
    store.saveGroupContext(CHAT, ContextOwner.MESSAGE, 8, "{}");

    assertThat(store.loadGroupContext(CHAT, ContextOwner.MESSAGE, 7, Duration.ofDays(30)))
        .isEmpty();
    assertThat(store.loadGroupContext(CHAT, ContextOwner.MESSAGE, 8, Duration.ofDays(30)))
        .contains("{}");
  }

  @Test
  void sharesStateBetweenTwoStoresOnTheSameDatabase() {
    String url = freshUrl();
    Store first = Store.open(url, clock);
    Store second = Store.open(url, clock);

    long id = first.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));
    first.saveContext(CHAT, "aws-openai-trainium", "aws#takeaways#0", "{}");

    assertThat(second.vote(id, CHAT, BOB, Vote.DOWN)).isEqualTo(VoteOutcome.RECORDED);
    assertThat(second.loadContext(CHAT, Duration.ofMinutes(15)))
        .map(ChatContext::passageId)
        .contains("aws#takeaways#0");
    assertThat(first.mostDownvoted(5))
        .extracting(DownvotedAnswer::passageId)
        .containsExactly("aws#takeaways#0");
  }

  @Test
  void reportsQuestionsPerDayShareAnsweredAndTopEntitiesAndCommands() {
    store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));
    store.recordAnswer(declined("Who won the election?"));
    store.countUsage(UsageKind.COMMAND, "topics");
    clock.advance(Duration.ofDays(1));
    store.recordAnswer(answered("Who builds Trainium?", "aws#why#1", 0.8));
    store.countUsage(UsageKind.COMMAND, "topics");
    store.countUsage(UsageKind.ENTITY, "Annapurna Labs");

    Stats all = store.stats(Instant.EPOCH);
    Stats tuesday = store.stats(MONDAY.plus(Duration.ofDays(1)));

    assertThat(all.questions()).isEqualTo(3);
    assertThat(all.answered()).isEqualTo(2);
    assertThat(all.shareAnswered()).isEqualTo(2.0 / 3);
    assertThat(all.perDay())
        .containsExactly(
            new Stats.Day(LocalDate.of(2026, 3, 2), 2, 1),
            new Stats.Day(LocalDate.of(2026, 3, 3), 1, 1));
    assertThat(all.topEntities())
        .containsExactly(new Stats.Count("OpenAI", 2), new Stats.Count("Annapurna Labs", 1));
    assertThat(all.topCommands()).containsExactly(new Stats.Count("topics", 2));
    assertThat(tuesday.questions()).isEqualTo(1);
    assertThat(tuesday.topEntities())
        .containsExactly(new Stats.Count("Annapurna Labs", 1), new Stats.Count("OpenAI", 1));
    assertThat(store.stats(MONDAY.plus(Duration.ofDays(9))).shareAnswered()).isZero();
  }

  @Test
  void ranksPassagesByDownVotesOverEveryQuestionTheyAnswered() {
    long a = store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));
    long b = store.recordAnswer(answered("What is the deal worth?", "aws#takeaways#0", 0.9));
    long c = store.recordAnswer(answered("Who builds Trainium?", "aws#why#1", 0.8));
    long d = store.recordAnswer(answered("Why does it matter?", "aws#why#0", 0.8));
    store.vote(a, CHAT, ALICE, Vote.DOWN);
    store.vote(b, CHAT, BOB, Vote.DOWN);
    store.vote(b, CHAT, ALICE, Vote.UP);
    store.vote(c, CHAT, ALICE, Vote.DOWN);
    store.vote(d, CHAT, ALICE, Vote.UP);

    assertThat(store.mostDownvoted(10))
        .containsExactly(
            new DownvotedAnswer(
                "aws#takeaways#0",
                "aws",
                2,
                1,
                List.of("How much is the deal worth?", "What is the deal worth?")),
            new DownvotedAnswer("aws#why#1", "aws", 1, 0, List.of("Who builds Trainium?")));
    assertThat(store.mostDownvoted(1)).hasSize(1);
    assertThat(store.mostDownvoted(10, MONDAY.plusSeconds(1))).isEmpty();
  }

  @Test
  void recordsARealAnswerWithItsPassageEntitiesAndCandidates() {
    try (LoadedLibrary core = TestConfig.load(TestConfig.defaults(), Path.of("knowledge"))) {
      Answer deal = core.answerer().answer("How much is the AWS deal worth?");
      Answer unknown = core.answerer().answer("Who won the football world cup?");

      store.recordAnswer(AnswerRecord.of(CHAT, ALICE, deal, 0.5));
      store.recordAnswer(AnswerRecord.of(CHAT, ALICE, unknown, 0.5));

      assertThat(deal.answered()).isTrue();
      assertThat(unknown.answered()).isFalse();
      Stats stats = store.stats(Instant.EPOCH);
      assertThat(stats.answered()).isEqualTo(1);
      assertThat(stats.topEntities()).isNotEmpty();
      assertThat(store.topUnanswered(10, Instant.EPOCH))
          .singleElement()
          .satisfies(
              group -> {
                assertThat(group.question()).isEqualTo("Who won the football world cup?");
                assertThat(group.candidates())
                    .isNotEmpty()
                    .allSatisfy(id -> assertThat(id).startsWith("topic:"));
              });
    }
  }

  @Test
  void rejectsCallerMistakesNamingTheValue() {
    assertThatThrownBy(() -> store.topUnanswered(0, Instant.EPOCH)).hasMessage("limit < 1: 0");
    assertThatThrownBy(() -> store.loadContext(CHAT, Duration.ofMinutes(-1)))
        .hasMessage("ttl < 0: PT-1M");
    assertThatThrownBy(() -> Store.open("jdbc:mysql://db/briefbot?password=secret", clock))
        .hasMessage(
            "store.url must start with jdbc:sqlite: or jdbc:postgresql: jdbc:mysql://db/briefbot?password=***");
  }

  @Test
  void refusesAVoteFromAnotherChatThanTheAnswers() {
    long id = store.recordAnswer(answered("How much is the deal worth?", "aws#takeaways#0", 0.9));

    assertThat(store.vote(id, CHAT + 1, BOB, Vote.DOWN)).isEqualTo(VoteOutcome.OTHER_CHAT);
    assertThat(store.stats(Instant.EPOCH).downVotes()).isZero();
    assertThat(store.topUnanswered(10, Instant.EPOCH)).isEmpty();
  }

  @Test
  void anUpdateIsAFirstDeliveryOnceWhicheverStoreInstanceSeesIt() {
    assertThat(store.firstDelivery(1001)).isTrue();
    assertThat(store.firstDelivery(1001)).isFalse();
    assertThat(store.firstDelivery(1002)).isTrue();
  }

  @Test
  void forgetsUpdateIdsAfterAWeek() {
    store.firstDelivery(1001);
    clock.advance(Store.REMEMBER_UPDATES.plusMinutes(1));
    store.firstDelivery(1002); // deletes what is older than a week

    assertThat(store.firstDelivery(1001)).isTrue();
  }

  @Test
  void aLongButtonOpensForItsChatUntilAWeekHasPassed() {
    String command = "/in aws-openai-trainium how much is the deal worth to amazon over the years";
    long id = store.saveButton(CHAT, command);
    long other = store.saveButton(CHAT, "/in ecb-rate-cut-june what is the new deposit rate");

    assertThat(other).isNotEqualTo(id);
    assertThat(store.button(id, CHAT)).contains(command);
    assertThat(store.button(id, CHAT + 1)).as("another chat's tap").isEmpty();
    assertThat(store.button(other + 1000, CHAT)).isEmpty();
    clock.advance(Store.REMEMBER_BUTTONS.minusMinutes(1));
    assertThat(store.button(id, CHAT)).contains(command);
    clock.advance(Duration.ofMinutes(2));
    assertThat(store.button(id, CHAT)).isEmpty();
  }

  @Test
  void savingAButtonForgetsThoseOlderThanAWeek() {
    long old = store.saveButton(CHAT, "/in a an old question");
    clock.advance(Store.REMEMBER_BUTTONS.plusMinutes(1));
    store.saveButton(CHAT, "/in a a new question");
    clock.advance(Store.REMEMBER_BUTTONS.negated()); // even read as if it were still fresh

    assertThat(store.button(old, CHAT)).isEmpty();
  }

  static AnswerRecord on(Channel channel, AnswerRecord a, String shownText) {
    return new AnswerRecord(
        a.chatId(),
        a.userId(),
        a.question(),
        a.answered(),
        a.passageId(),
        a.articleId(),
        a.confidence(),
        a.entities(),
        a.candidates(),
        a.logAs(),
        channel,
        a.answered() ? Optional.of(shownText) : Optional.empty());
  }

  static AnswerRecord unsure(String question, String passageId) {
    AnswerRecord a = answered(question, passageId, 0.35);
    return new AnswerRecord(
        a.chatId(),
        a.userId(),
        a.question(),
        true,
        a.passageId(),
        a.articleId(),
        a.confidence(),
        a.entities(),
        a.candidates(),
        Optional.of(Reason.LOW_CONFIDENCE));
  }

  @Test
  void recordsEachExchangesChannelAndTheTextShownForTheDesk() {
    store.recordAnswer(on(Channel.CONSOLE, declined("Who won the election?"), ""));
    clock.advance(Duration.ofMinutes(1));
    store.recordAnswer(
        on(
            Channel.WEB,
            unsure("Is Trainium cheaper?", "aws#why#1"),
            "Trainium chips are Amazon's custom-designed AI accelerators."));
    clock.advance(Duration.ofMinutes(1));
    store.recordAnswer(unsure("Who pays for the deal?", "aws#why#2"));

    assertThat(store.loggedQuestions(Instant.EPOCH))
        .extracting(
            LoggedQuestion::question,
            LoggedQuestion::channel,
            LoggedQuestion::reason,
            LoggedQuestion::shownText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Who pays for the deal?",
                Channel.TELEGRAM,
                Reason.LOW_CONFIDENCE,
                Optional.empty()),
            org.assertj.core.groups.Tuple.tuple(
                "Is Trainium cheaper?",
                Channel.WEB,
                Reason.LOW_CONFIDENCE,
                Optional.of("Trainium chips are Amazon's custom-designed AI accelerators.")),
            org.assertj.core.groups.Tuple.tuple(
                "Who won the election?", Channel.CONSOLE, Reason.DECLINED, Optional.empty()));
    assertThat(store.shownText("aws#why#1"))
        .hasValue("Trainium chips are Amazon's custom-designed AI accelerators.");
    assertThat(store.shownText("aws#why#2")).isEmpty();
  }

  @Test
  void countsChitChatApartFromQuestions() {
    store.recordSmallTalk(Channel.TELEGRAM, CHAT, "hi");
    store.recordSmallTalk(Channel.WEB, 0, "thanks!");
    store.recordSmallTalk(Channel.WEB, 0, "bye");
    store.recordAnswer(
        on(Channel.WEB, answered("How much is the deal worth?", "aws#t#0", 0.9), "x"));

    assertThat(store.stats(Instant.EPOCH).questions()).isEqualTo(1);
    assertThat(store.loggedQuestions(Instant.EPOCH)).isEmpty();
    assertThat(store.perChannel(Instant.EPOCH))
        .containsExactly(
            new ChannelUse(Channel.TELEGRAM, 0, 0, 1),
            new ChannelUse(Channel.CONSOLE, 0, 0, 0),
            new ChannelUse(Channel.WEB, 1, 1, 2));
  }

  @Test
  void aQuestionMarkedOnTheDeskLeavesTheListsInEveryWording() {
    store.recordAnswer(declined("What is the weather in Paris?"));
    store.recordAnswer(declined("what's the weather in paris"));
    store.recordAnswer(declined("Who won the election?"));
    store.recordAnswer(answered("Weather in Paris?", "aws#t#0", 0.9));

    store.mark(List.of("What is the weather in Paris?"), Mark.OUT_OF_SCOPE);

    assertThat(store.loggedQuestions(Instant.EPOCH))
        .extracting(LoggedQuestion::question)
        .containsExactly("Who won the election?");
    assertThat(store.topUnanswered(10, Instant.EPOCH))
        .extracting(UnansweredGroup::question)
        .containsExactly("Who won the election?");
    assertThat(store.confidentSample(5, Instant.EPOCH, 0.5)).isEmpty();
    assertThat(store.marks()).containsEntry("paris weather", Mark.OUT_OF_SCOPE);
  }

  @Test
  void samplesConfidentAnswersTheSameWayEveryTimeAndNeverOnesVotedDown() {
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      ids.add(store.recordAnswer(answered("Question number " + i + "?", "aws#t#" + i, 0.9)));
    }
    store.recordAnswer(unsure("An unsure one?", "aws#t#99"));
    List<Exchange> first = store.confidentSample(5, Instant.EPOCH, 0.5);
    long votedDown = first.get(0).answerId();
    store.vote(votedDown, CHAT, BOB, Vote.DOWN);

    List<Exchange> again = store.confidentSample(5, Instant.EPOCH, 0.5);

    assertThat(first).hasSize(5).allSatisfy(e -> assertThat(e.confidence()).isEqualTo(0.9));
    assertThat(again).extracting(Exchange::answerId).doesNotContain(votedDown);
    assertThat(again.subList(0, 4)).isEqualTo(first.subList(1, 5));
    assertThat(store.confidentSample(5, Instant.EPOCH, 0.5)).isEqualTo(again);
    assertThat(ids).containsAll(again.stream().map(Exchange::answerId).toList());
  }

  @Test
  void migratesAStoreOfVersion4KeepingItsAnswersAsTelegrams() throws Exception {
    String url = freshUrl();
    try (Database version4 = new Database(url)) {
      version4.createFolder();
      org.flywaydb.core.Flyway.configure(Store.class.getClassLoader())
          .dataSource(version4)
          .locations("classpath:db/migration")
          .placeholders(Dialect.of(url).placeholders())
          .target("4")
          .load()
          .migrate();
      try (java.sql.Connection c = version4.getConnection();
          java.sql.Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO answers (chat_id, user_id, question, answered, confidence, asked_at)"
                + " VALUES (7, 8, 'Who won?', 0, 0.1, "
                + clock.millis()
                + ")");
      }
    }

    Store migrated = Store.open(url, clock);

    assertThat(migrated.perChannel(Instant.EPOCH).get(0))
        .isEqualTo(new ChannelUse(Channel.TELEGRAM, 1, 0, 0));
    migrated.recordSmallTalk(Channel.CONSOLE, 0, "hi");
    migrated.ping();
    migrated.close();
  }
}
