package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.briefbot.conversation.Library;
import org.briefbot.knowledge.IngestProblem;
import org.briefbot.knowledge.IngestReport;
import org.junit.jupiter.api.Test;

/** What admins are told about a reload with many broken files: one message, and how many more. */
class ReloadAlertTest {
  @Test
  void listsTwentyBrokenFilesThenHowManyMore() {
    String alert =
        AdminCommands.describe(
            reloadWith(broken(201, "no title: the first line is a hashtag line")));

    assertThat(alert.lines())
        .hasSize(2 + AdminCommands.MAX_LISTED_ERRORS + 1)
        .startsWith(
            "Reloaded in 109 ms: 1 article, 26 passages.",
            "Files with errors (a file that loaded before keeps its previous version):",
            "• knowledge/articles/broken-1.txt:1: no title: the first line is a hashtag line")
        .endsWith("… and 181 more (briefbot check lists them all)");
    assertThat(alert.length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
  }

  @Test
  void clipsAVeryLongReasonSoTheAlertStaysOneMessage() {
    String alert = AdminCommands.describe(reloadWith(broken(20, "x".repeat(10_000))));

    assertThat(alert.lines().skip(2))
        .hasSize(20)
        .allSatisfy(
            line -> assertThat(line).hasSize(2 + AdminCommands.MAX_ERROR_CHARS).endsWith("…"));
    assertThat(alert.length()).isLessThanOrEqualTo(MessageSplitter.TELEGRAM_LIMIT);
  }

  private static List<IngestProblem> broken(int files, String reason) {
    return IntStream.rangeClosed(1, files)
        .mapToObj(
            i ->
                new IngestProblem(
                    Path.of("knowledge/articles/broken-" + i + ".txt"), 1, reason, true))
        .toList();
  }

  private static Library.Reloaded reloadWith(List<IngestProblem> problems) {
    return new Library.Reloaded(
        new IngestReport(List.of(), problems),
        1,
        26,
        true,
        Optional.empty(),
        Duration.ofMillis(109));
  }
}
