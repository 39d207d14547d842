package org.briefbot.conversation.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.briefbot.store.ResilientStore;
import org.briefbot.store.Store;
import org.briefbot.store.Vote;

/**
 * Turns buttons into Telegram callback data (at most 64 bytes) and back. A command that fits
 * travels in the data itself ({@code "s/entity OpenAI"}), so such buttons work forever, even after
 * a restart. A longer one is kept in the store for the chat it was sent to, and the data carries
 * its id ({@code "s@1k3"}), so it works after a restart and through any replica on that store for
 * {@link Store#REMEMBER_BUTTONS}; while the store is down this instance keeps it under a short key
 * ({@code "s#1k3"}) for a while instead. A vote button carries the answer's id in the store ({@code
 * "v:1234:u"}), so any replica on that store counts it.
 */
final class CallbackData {
  /** Telegram's limit for {@code callback_data}, in bytes. */
  static final int MAX_BYTES = 64;

  private static final char SEND = 's';
  private static final char EDIT = 'e';
  private static final char KEYED = '#';
  private static final char STORED = '@';
  private static final Pattern STORED_ID = Pattern.compile("[0-9a-z]{1,12}");
  private static final Pattern VOTE = Pattern.compile("v:(\\d{1,18}):([ud])");

  /** A tap on a vote button: which recorded answer, which way. */
  record VoteTap(long answerId, Vote vote) {}

  private final ResilientStore store;
  private final ExpiringMap<String, String> commands;
  private final AtomicLong nextKey = new AtomicLong();

  /**
   * @param store keeps long commands for every instance
   * @param capacity how many long commands to remember here while the store is down
   * @param ttl how long a button whose long command is remembered here keeps working
   */
  CallbackData(ResilientStore store, int capacity, Duration ttl, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.commands = new ExpiringMap<>(capacity, ttl, clock);
  }

  /** The data of {@code button}, sent in chat {@code chatId}. */
  String encode(Button button, long chatId) {
    char tap = button.tap() == Button.Tap.EDIT ? EDIT : SEND;
    String inline = tap + button.command();
    if (inline.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) {
      return inline;
    }
    OptionalLong stored = store.saveButton(chatId, button.command());
    if (stored.isPresent()) {
      return "" + tap + STORED + Long.toString(stored.getAsLong(), Character.MAX_RADIX);
    }
    String key = Long.toString(nextKey.incrementAndGet(), Character.MAX_RADIX);
    commands.put(key, button.command());
    return "" + tap + KEYED + key;
  }

  /** The data of a vote button; at most 23 bytes. */
  static String vote(long answerId, Vote vote) {
    if (answerId < 0) {
      throw new IllegalArgumentException("answerId < 0: " + answerId);
    }
    return "v:" + answerId + ":" + (vote == Vote.UP ? 'u' : 'd');
  }

  /** The vote a button's data stands for, or empty when it is not a vote button. */
  static Optional<VoteTap> decodeVote(String data) {
    Matcher m = VOTE.matcher(data == null ? "" : data);
    return m.matches()
        ? Optional.of(
            new VoteTap(Long.parseLong(m.group(1)), m.group(2).equals("u") ? Vote.UP : Vote.DOWN))
        : Optional.empty();
  }

  /**
   * The command and tap of a button tapped in chat {@code chatId}, or empty when the data is not
   * ours, its key has expired, or it was kept for another chat.
   */
  Optional<Button> decode(String data, long chatId) {
    if (data == null || data.length() < 2 || (data.charAt(0) != SEND && data.charAt(0) != EDIT)) {
      return Optional.empty();
    }
    Button.Tap tap = data.charAt(0) == EDIT ? Button.Tap.EDIT : Button.Tap.SEND;
    String rest = data.substring(1);
    String key = rest.substring(1);
    Optional<String> command =
        switch (rest.charAt(0)) {
          case KEYED -> commands.get(key);
          case STORED ->
              STORED_ID.matcher(key).matches()
                  ? store.button(Long.parseLong(key, Character.MAX_RADIX), chatId)
                  : Optional.empty();
          default -> Optional.of(rest).filter(c -> c.startsWith("/"));
        };
    return command.map(c -> new Button("", c, tap));
  }
}
