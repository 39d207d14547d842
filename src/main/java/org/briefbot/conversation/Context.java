package org.briefbot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.briefbot.answer.Answer;

/**
 * What a chat was last told, so that "tell me more", "why?" or "what about Microsoft?" can follow
 * up on it. Channels keep one per chat (and decide for how long); {@link Conversation} reads it and
 * hands back the next one.
 *
 * @param thread the answer to the question the chat last asked; follow-ups are about it
 * @param latest the answer shown last: the thread's, or a follow-up's
 * @param shown ids of the passages shown in this thread, oldest first, so none is shown twice
 */
public record Context(Answer thread, Answer latest, List<String> shown) {
  /** Enough to avoid repeats in any real conversation; keeps a chat's context small. */
  static final int MAX_SHOWN = 50;

  public Context {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(latest, "latest");
    if (!thread.answered() || !latest.answered()) {
      throw new IllegalArgumentException(
          "a context holds answers, not declines: " + thread.kind() + ", " + latest.kind());
    }
    shown =
        List.copyOf(
            shown.size() > MAX_SHOWN
                ? shown.subList(shown.size() - MAX_SHOWN, shown.size())
                : shown);
  }

  /** The context after a new question was answered. */
  static Context of(Answer answer) {
    return new Context(answer, answer, List.of(passageId(answer)));
  }

  /** This thread, after {@code answer} was shown as a follow-up. */
  Context then(Answer answer) {
    return new Context(thread, answer, plus(answer));
  }

  /** A new thread about {@code answer} that still remembers what was shown. */
  Context switchTo(Answer answer) {
    return new Context(answer, answer, plus(answer));
  }

  boolean wasShown(String passageId) {
    return shown.contains(passageId);
  }

  private List<String> plus(Answer answer) {
    List<String> ids = new ArrayList<>(shown);
    ids.add(passageId(answer));
    return ids;
  }

  private static String passageId(Answer answer) {
    return answer.best().orElseThrow().passageId();
  }
}
