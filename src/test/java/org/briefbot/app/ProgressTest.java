package org.briefbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void countsUpAndEstimatesTheTimeLeftAtThePaceSoFar() {
    long started = System.nanoTime() - Duration.ofSeconds(10).toNanos();
    Progress quarter = new Progress(400, 0, started).plus(60).plus(40);

    assertThat(quarter.done()).isEqualTo(100);
    assertThat(quarter.percent()).isEqualTo(25);
    assertThat(quarter.running()).isTrue();
    // 100 of 400 in ten seconds: about thirty left.
    assertThat(quarter.timeLeft().orElseThrow())
        .isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
  }

  @Test
  void saysNothingOfTheTimeLeftBeforeTheFirstUnitOrAfterTheLast() {
    Progress start = Progress.starting(10);

    assertThat(start.percent()).isZero();
    assertThat(start.timeLeft()).isEmpty();
    assertThat(start.plus(12).timeLeft()).isEmpty();
    assertThat(start.plus(12).percent()).isEqualTo(100);
    assertThat(Progress.NONE.running()).isFalse();
    assertThat(Progress.NONE.percent()).isEqualTo(100);
  }
}
