package org.briefbot.conversation.telegram;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where updates enter, from the poller or the webhook: each is queued for its chat's lane and the
 * caller returns at once, so slow work never holds up polling. This is the boundary: nothing thrown
 * here or in a handler escapes (TelegramBots stops polling for good, silently, when its consumer
 * throws); a failure is logged with the update id and the next update is handled.
 */
final class UpdateIntake {
  private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);

  private final UpdateHandler handler;
  private final SerialLanes lanes;
  private final Redactor redactor;

  UpdateIntake(UpdateHandler handler, SerialLanes lanes, Redactor redactor) {
    this.handler = handler;
    this.lanes = lanes;
    this.redactor = redactor;
  }

  /** A batch from getUpdates, in order. */
  void accept(List<Update> updates) {
    try {
      updates.forEach(this::accept);
    } catch (Throwable t) { // the poller must survive anything
      log.error("Failed to queue a batch of Telegram updates", redactor.scrub(t));
    }
  }

  void accept(Update update) {
    try {
      lanes.submit(lane(update), () -> handle(update));
    } catch (Throwable t) {
      log.error(
          "Failed to queue update {}",
          update == null ? null : update.getUpdateId(),
          redactor.scrub(t));
    }
  }

  private void handle(Update update) {
    try {
      handler.handle(update);
    } catch (Throwable t) {
      log.error("Failed to handle update {}", update.getUpdateId(), redactor.scrub(t));
    }
  }

  /** A chat's updates share a lane; an update without a chat gets its own. */
  private static Object lane(Update update) {
    try {
      if (update.hasMessage()) {
        return update.getMessage().getChatId();
      }
      if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
        return update.getCallbackQuery().getMessage().getChatId();
      }
    } catch (RuntimeException e) { // a malformed update: its handler will fail and say so
      log.debug("Update {} has no usable chat", update.getUpdateId());
    }
    return "update-" + update.getUpdateId();
  }
}
