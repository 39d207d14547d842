package org.briefbot.conversation.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.TestKnowledge;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.app.LoadedLibrary;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Reply;
import org.briefbot.eval.GoldEval;
import org.briefbot.eval.GoldQuestion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a Telegram reader sees of each answer to the seed's gold questions, rendered by the real
 * formatter from the real answering core: how long the text is (buttons aside) and whether the
 * sentence holding the asked-for fact is the bold one. Prints the figures, so a change to the
 * layout or the key sentence can be compared on the same questions.
 */
class AnswerScreenTest {
  private static final Path GOLD = Path.of("src/test/resources/gold/seed.jsonl");
  private static final Pattern BOLD = Pattern.compile("<b>(.*?)</b>", Pattern.DOTALL);

  private static LoadedLibrary core;

  @BeforeAll
  static void load() {
    core = TestKnowledge.shippedCore();
  }

  @AfterAll
  static void close() {
    core.close();
  }

  @Test
  void goldAnswersFitOneScreenAndLeadWithTheFactInBold() {
    Conversation conversation = core.conversation();
    TelegramFormatter formatter = new TelegramFormatter();
    List<Integer> lengths = new ArrayList<>();
    int judged = 0;
    int bold = 0;
    for (GoldQuestion question : GoldEval.read(GOLD)) {
      if (question.outOfScope()) {
        continue;
      }
      Reply reply = conversation.handle(question.q());
      String html = formatter.format(reply).html();
      lengths.add(TelegramHtml.text(html).length());
      Optional<Boolean> holds = boldHolds(core.answerer(), question, reply, html);
      judged += holds.isPresent() ? 1 : 0;
      bold += holds.orElse(false) ? 1 : 0;
    }
    int median = median(lengths);
    double share = judged == 0 ? 0 : (double) bold / judged;
    System.out.printf(
        Locale.ROOT,
        "gold answers on Telegram: %d, median text %d characters; bold holds the fact in %d of %d (%.2f)%n",
        lengths.size(),
        median,
        bold,
        judged,
        share);

    assertThat(judged).as("questions whose fact lies in one sentence").isGreaterThan(30);
    assertThat(median).isLessThan(450);
    assertThat(share).isGreaterThanOrEqualTo(0.9);
  }

  /** Prints three answers as a reader sees them, text and buttons, for the record. */
  @Test
  void printsSampleAnswers() {
    TelegramFormatter formatter = new TelegramFormatter();
    for (String q :
        List.of(
            "How much is the AWS deal worth?",
            "When will the migration to AWS start?",
            "tell me about anapurna")) {
      Rendered r = formatter.format(core.conversation().handle(q));
      StringBuilder buttons = new StringBuilder();
      r.keyboard()
          .forEach(
              row ->
                  buttons
                      .append("\n  ")
                      .append(row.stream().map(b -> "[" + b.label() + "]").toList()));
      System.out.println("> " + q + "\n" + TelegramHtml.text(r.html()) + buttons + "\n");
      assertThat(r.html()).isNotBlank();
    }
  }

  /**
   * Judged only when the answer's passage holds an expected string inside one sentence: then that
   * string must be inside the bold text.
   */
  private static Optional<Boolean> boldHolds(
      Answerer answerer, GoldQuestion question, Reply reply, String html) {
    if (!(reply instanceof Reply.Answered answered)
        || answered.answer().kind() != Answer.Kind.PASSAGE) {
      return Optional.empty();
    }
    String passageId = answered.answer().best().orElseThrow().passageId();
    boolean inOneSentence =
        answerer.passage(passageId).stream()
            .flatMap(p -> p.sentences().stream())
            .anyMatch(s -> containsAny(s, question.expect()));
    if (!inOneSentence) {
      return Optional.empty();
    }
    Matcher m = BOLD.matcher(html);
    String boldText = m.find() ? TelegramHtml.text(m.group(1)) : "";
    return Optional.of(containsAny(boldText, question.expect()));
  }

  private static boolean containsAny(String text, List<String> expected) {
    String lower = text.toLowerCase(Locale.ROOT);
    return expected.stream().anyMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)));
  }

  private static int median(List<Integer> values) {
    List<Integer> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
