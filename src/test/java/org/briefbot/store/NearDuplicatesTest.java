package org.briefbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearDuplicatesTest {

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How much is the AWS deal worth?        | how much is the aws deal worth
      What's the AWS deal worth??            | How much is the AWS deal worth?
      How much are the AWS deals worth?      | How much is the AWS deal worth?
      Who is training models on Trainium?    | who trained models on trainium
      Tell me about OpenAI's contract         | OpenAI contract
      """)
  void countsRewordingsAsOneQuestion(String a, String b) {
    assertThat(NearDuplicates.similarity(NearDuplicates.key(a), NearDuplicates.key(b)))
        .isGreaterThanOrEqualTo(NearDuplicates.SIMILAR);
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      How much is the AWS deal worth?        | How much is the Nvidia deal worth?
      When was the AWS deal signed?          | Why was the AWS deal signed?
      Who won the election?                  | Who won the football world cup?
      """)
  void keepsDifferentQuestionsApart(String a, String b) {
    assertThat(NearDuplicates.similarity(NearDuplicates.key(a), NearDuplicates.key(b)))
        .isLessThan(NearDuplicates.SIMILAR);
  }

  @Test
  void keysAreLowercaseWordsWithoutStopWordsOrEndings() {
    assertThat(NearDuplicates.key("What are the companies DEALING with Trainium chips, exactly?!"))
        .isEqualTo(Set.of("company", "deal", "trainium", "chip", "exactly"));
  }

  @Test
  void groupsTheSameWayWhateverOrderRowsComeIn() {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    List<NearDuplicates.Logged> rows =
        List.of(
            new NearDuplicates.Logged("Who won?", Reason.DECLINED, t, List.of()),
            new NearDuplicates.Logged(
                "How much is the deal worth?", Reason.DECLINED, t.plusSeconds(1), List.of()),
            new NearDuplicates.Logged(
                "how much is the deal worth",
                Reason.LOW_CONFIDENCE,
                t.plusSeconds(2),
                List.of("a#b#0")));

    List<UnansweredGroup> forward = NearDuplicates.group(rows, 10);
    List<UnansweredGroup> backward =
        NearDuplicates.group(List.of(rows.get(2), rows.get(1), rows.get(0)), 10);

    assertThat(forward).isEqualTo(backward);
    assertThat(forward.get(0))
        .isEqualTo(
            new UnansweredGroup(
                "How much is the deal worth?",
                2,
                List.of("How much is the deal worth?", "how much is the deal worth"),
                List.of(Reason.DECLINED, Reason.LOW_CONFIDENCE),
                t.plusSeconds(2),
                List.of("a#b#0")));
  }
}
