package org.briefbot.eval;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.briefbot.answer.Answer;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.Conversation;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;

/**
 * Questions asked one after another in one chat, through the {@link Conversation} every channel
 * answers with: each question sees the context the last reply left, as a reader's next message
 * does. A reply that answers nothing (the "which story do you mean?" list, a message) counts as a
 * decline, since the reader got no answer from it.
 */
public final class ChatReplay implements Function<String, Answer> {
  private final Conversation conversation;
  private Optional<Context> context = Optional.empty();

  public ChatReplay(Conversation conversation) {
    this.conversation = Objects.requireNonNull(conversation, "conversation");
  }

  @Override
  public Answer apply(String question) {
    Turn turn = conversation.reply(question, context);
    context = turn.context();
    return turn.reply() instanceof Reply.Answered answered
        ? answered.answer()
        : new Answer(question, Answer.Kind.DECLINED, 0, Optional.empty(), List.of(), List.of());
  }
}
