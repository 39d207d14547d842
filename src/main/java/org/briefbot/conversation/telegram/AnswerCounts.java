package org.briefbot.conversation.telegram;

import java.util.concurrent.atomic.LongAdder;
import org.briefbot.answer.Answer;

/** Questions the bot replied to on Telegram since the start, and how many it answered: metrics. */
final class AnswerCounts {
  private final LongAdder questions = new LongAdder();
  private final LongAdder answered = new LongAdder();

  void count(Answer answer) {
    questions.increment();
    if (answer.answered()) {
      answered.increment();
    }
  }

  long questions() {
    return questions.sum();
  }

  long answered() {
    return answered.sum();
  }
}
