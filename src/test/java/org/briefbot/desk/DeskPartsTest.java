package org.briefbot.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.briefbot.store.Channel;
import org.briefbot.store.LoggedQuestion;
import org.briefbot.store.Reason;
import org.briefbot.testing.TestClock;
import org.junit.jupiter.api.Test;

/** The desk's small parts: sessions, the login throttle, grouping and text for pages. */
class DeskPartsTest {
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));

  @Test
  void aSessionLastsItsTimeToLiveAndNoLonger() {
    Sessions sessions = new Sessions(Duration.ofHours(8), clock);
    Sessions.Session session = sessions.open();

    clock.advance(Duration.ofHours(8).minusSeconds(1));
    assertThat(sessions.find(session.id())).hasValue(session);
    clock.advance(Duration.ofSeconds(1));
    assertThat(sessions.find(session.id())).isEmpty();
  }

  @Test
  void sessionIdsAndTokensAreLongRandomAndNeverRepeat() {
    Sessions sessions = new Sessions(Duration.ofHours(8), clock);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Sessions.Session s = sessions.open();
      assertThat(s.id()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(s.csrf());
      assertThat(seen.add(s.id())).isTrue();
      assertThat(seen.add(s.csrf())).isTrue();
    }
  }

  @Test
  void theThrottleRefusesAnAddressAfterItsFailuresUntilTheWindowPasses() {
    LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.allows("10.0.0.1")).isTrue();
      throttle.failed("10.0.0.1");
    }
    assertThat(throttle.allows("10.0.0.1")).isFalse();
    assertThat(throttle.allows("10.0.0.2")).isTrue();

    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.allows("10.0.0.1")).isTrue();
    throttle.failed("10.0.0.1");
    throttle.succeeded("10.0.0.1");
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    assertThat(throttle.allows("10.0.0.1")).isTrue(); // a login cleared the earlier failures
  }

  @Test
  void secretsAreComparedWhole() {
    assertThat(Desk.same("correct horse battery staple", "correct horse battery staple")).isTrue();
    assertThat(Desk.same("correct horse battery", "correct horse battery staple")).isFalse();
    assertThat(Desk.same("", "correct horse battery staple")).isFalse();
  }

  private LoggedQuestion logged(String question, Channel channel, int minute) {
    return new LoggedQuestion(
        question,
        Reason.DECLINED,
        clock.instant().plus(Duration.ofMinutes(minute)),
        channel,
        0.1,
        Optional.empty(),
        List.of());
  }

  @Test
  void withoutAModelQuestionsAreGroupedByTheirWordsAndChitChatIsLeftOut() {
    List<QuestionGroup> groups =
        QuestionGroups.of(
            List.of(
                logged("Who won the election?", Channel.WEB, 0),
                logged("hi", Channel.TELEGRAM, 1),
                logged("who won the election", Channel.CONSOLE, 2),
                logged("Will it rain in Lisbon?", Channel.WEB, 3)),
            Meanings.none(),
            "hi"::equals);

    assertThat(groups)
        .extracting(QuestionGroup::question, QuestionGroup::count, QuestionGroup::channels)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Who won the election?", 2, Set.of(Channel.WEB, Channel.CONSOLE)),
            org.assertj.core.groups.Tuple.tuple("Will it rain in Lisbon?", 1, Set.of(Channel.WEB)));
  }

  @Test
  void aLongMessageIsShortenedAtAWordWithTheWholeOfItBehindAToggle() {
    String rambling = "Who won the election? " + "I want to know <now>. ".repeat(80);

    String shortened = Html.message(rambling);

    assertThat(shortened).hasSizeLessThanOrEqualTo(Html.SHORT + 40).endsWith("…");
    assertThat(shortened).doesNotContain("<now>").contains("&lt;now&gt;");
    assertThat(Html.whole(rambling))
        .startsWith("<details class=\"whole\"><summary>Whole message (" + rambling.length());
    assertThat(Html.whole("Who won the election?")).isEmpty();
    assertThat(Html.escape("\"'<>&")).isEqualTo("&quot;&#39;&lt;&gt;&amp;");
  }
}
