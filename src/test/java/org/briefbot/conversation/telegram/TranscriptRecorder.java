package org.briefbot.conversation.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.briefbot.TestKnowledge;
import org.briefbot.app.LiveLibrary;

/**
 * Records the transcript in docs/telegram.md: a real conversation with the real bot over the fake
 * Bot API, on the shipped knowledge plus a second article (the ECB's rate cut, from the test
 * resources), printed as a reader would see it, then an admin's view of it. Not a test; run it with
 * the test classpath, optionally with the store URL to keep (for a {@code briefbot report} on it):
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.briefbot.conversation.telegram.TranscriptRecorder [jdbc:sqlite:FILE]
 * </pre>
 */
public final class TranscriptRecorder {
  private static final long ADA = 1001;
  private static final long BEN = 1002;
  private static final long EDITOR = 2001;
  private static final long GROUP = -100200;

  /**
   * Replies are paced at one a second per chat; a second and a half of quiet means the bot is done.
   */
  private static final Duration QUIET = Duration.ofMillis(1500);

  /** How long to wait for the first reply to anything before printing none. */
  private static final Duration FIRST_REPLY = Duration.ofSeconds(30);

  private final LiveBot live;
  private final PrintStream out;
  private int seen;

  private TranscriptRecorder(LiveBot live, PrintStream out) {
    this.live = live;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path scratch = java.nio.file.Files.createTempDirectory("briefbot-transcript-");
    String store = args.length > 0 ? args[0] : "jdbc:sqlite:" + scratch.resolve("briefbot.db");
    // A second story, to show how briefbot tells several apart.
    Path knowledge = TestKnowledge.copyShippedWithEcb(scratch.resolve("knowledge"));
    try (LiveLibrary library = LiveBot.library(knowledge);
        LiveBot live = LiveBot.polling(library, store, java.util.List.of(EDITOR))) {
      new TranscriptRecorder(live, out).record();
    }
  }

  private void record() throws InterruptedException {
    say("/start");
    say("How much is the AWS deal worth?");
    tap("👍");
    say("When will the migration to AWS start?");
    tap("📄 Whole passage");
    say("why?");
    say("tell me more");
    say("what about Microsoft?");
    tap("🔎 ");
    tap("👎");
    tap("👍");
    tap("ℹ️ Microsoft");
    say("tell me about anapurna");
    say("/topics");
    say("/more ecb cuts");
    tap("📑 Why It Matters");
    say("What will the weather be like in Lisbon on Sunday?");
    tap("📰 ");
    inGroup(ADA, "Ada", "/ask How much is the deal worth?");
    int dealAnswer = live.api.count("sendMessage");
    inGroup(BEN, "Ben", "/ask How much did the ECB cut rates by?");
    replyInGroup(BEN, "Ben", dealAnswer, "tell me more");
    inGroup(ADA, "Ada", "@" + FakeBotApi.BOT_USERNAME + " why?");
    inline("how big is the OpenAI contract");
    say(BEN, "Ben", "What happens next?");
    tap(BEN, "Ben", "ECB");
    say(BEN, "Ben", "hi");
    say(BEN, "Ben", "what's new?");
    say(BEN, "Ben", "Is bitcoin a good buy right now? What chips will OpenAI use?");
    tap(BEN, "Ben", "❓ ");
    say(BEN, "Ben", "source?");
    say(BEN, "Ben", "tldr");
    say(BEN, "Ben", "How many times did the ECB raise rates?");
    say(BEN, "Ben", "when?");
    say(BEN, "Ben", "ok, got it");
    say(BEN, "Ben", "/entity lagarde");
    say(BEN, "Ben", "¿Cuánto vale el acuerdo entre Amazon y OpenAI?");
    say(BEN, "Ben", "/entity annapurna");
    tap(BEN, "Ben", "Annapurna Labs");
    say(BEN, "Ben", "Who won the 2018 World Cup?");
    say(BEN, "Ben", "who won the world cup in 2018");
    say(BEN, "Ben", "Is Trainium faster than Nvidia GPUs?");
    tap(BEN, "Ben", "🔎 Trainium chips");
    tap(BEN, "Ben", "👎");
    say(BEN, "Ben", "/stats");
    say(EDITOR, "Eve (an admin)", "/stats");
    say(EDITOR, "Eve (an admin)", "/unanswered");
    say(EDITOR, "Eve (an admin)", "/health");
  }

  private void say(String text) throws InterruptedException {
    say(ADA, "Ada", text);
  }

  private void say(long user, String name, String text) throws InterruptedException {
    out.println("👤 " + name + ": " + text);
    live.api.pushPrivateMessage(user, text);
    printReplies();
  }

  private void inGroup(long user, String name, String text) throws InterruptedException {
    out.println("👥 " + name + ", in the group \"Readers\": " + text);
    live.api.pushGroupMessage(GROUP, user, text);
    printReplies();
  }

  /** A group message replying to the bot's message {@code botMessageId}. */
  private void replyInGroup(long user, String name, int botMessageId, String text)
      throws InterruptedException {
    out.println(
        "👥 "
            + name
            + ", in the group, replying to the answer to Ada's \"How much is the deal worth?\": "
            + text);
    live.api.pushUpdate(
        """
        {"message": {"message_id": %d, "date": 1700000000, "text": "%s",
          "from": {"id": %d, "is_bot": false, "first_name": "%s"},
          "chat": {"id": %d, "type": "group", "title": "Readers"},
          "reply_to_message": {"message_id": %d, "date": 1700000000, "text": "(answer)",
            "from": {"id": %d, "is_bot": true, "first_name": "BriefBot", "username": "%s"},
            "chat": {"id": %d, "type": "group", "title": "Readers"}}}}
        """
            .formatted(
                90_000 + botMessageId,
                text,
                user,
                name,
                GROUP,
                botMessageId,
                live.api.botId(),
                FakeBotApi.BOT_USERNAME,
                GROUP));
    printReplies();
  }

  /**
   * Taps the first button starting with {@code label} under the bot's latest message that has
   * buttons.
   */
  private void tap(String label) throws InterruptedException {
    tap(ADA, "Ada", label);
  }

  private void tap(long user, String name, String label) throws InterruptedException {
    List<FakeBotApi.Recorded> sent = live.api.requests("sendMessage");
    for (int i = sent.size() - 1; i >= 0; i--) {
      FakeBotApi.Recorded message = sent.get(i);
      if (message.params().has("reply_markup")) {
        String data = LiveBot.callbackData(message, label);
        String shown =
            LiveBot.buttonLabels(message).stream()
                .filter(l -> l.startsWith(label))
                .findFirst()
                .orElseThrow();
        out.println("👆 " + name + " taps [ " + shown + " ]");
        live.api.pushCallbackQuery(user, user, live.messageIdOf(message), data);
        printReplies();
        return;
      }
    }
    throw new IllegalStateException("no message with buttons");
  }

  private void inline(String query) throws InterruptedException {
    out.println("⌨️ Ada types in another chat: @" + FakeBotApi.BOT_USERNAME + " " + query);
    live.api.pushInlineQuery(ADA, query);
    printReplies();
  }

  /** Waits until the bot has been quiet for a moment, then prints what it sent since last time. */
  private void printReplies() throws InterruptedException {
    long deadline = System.nanoTime() + FIRST_REPLY.toNanos();
    while (replies().size() == seen && System.nanoTime() < deadline) {
      Thread.sleep(100); // a busy machine may take seconds over the first reply
    }
    int before;
    do {
      before = replies().size();
      Thread.sleep(QUIET.toMillis());
    } while (replies().size() != before);
    List<FakeBotApi.Recorded> all = replies();
    for (FakeBotApi.Recorded r : all.subList(seen, all.size())) {
      print(r);
    }
    seen = all.size();
    out.println();
  }

  /** What the bot said: messages, edits, toasts and inline results; not its polling or set-up. */
  private List<FakeBotApi.Recorded> replies() {
    return live.api.requests().stream()
        .filter(
            r ->
                r.is("sendMessage")
                    || r.is("editMessageText")
                    || r.is("answerCallbackQuery")
                    || r.is("answerInlineQuery"))
        .toList();
  }

  private void print(FakeBotApi.Recorded r) {
    if (r.is("sendMessage")) {
      bot(
          "🤖 briefbot"
              + (r.param("chat_id").startsWith("-")
                  ? " (in the group, quoting the message it answers)"
                  : "")
              + ":",
          r.params());
    } else if (r.is("editMessageText")) {
      bot("🤖 briefbot edits that message into:", r.params());
    } else if (r.is("answerCallbackQuery") && r.param("text") != null) {
      out.println("   (a toast: " + r.param("text") + ")");
    } else if (r.is("answerInlineQuery")) {
      out.println("🤖 briefbot offers " + r.params().path("results").size() + " results:");
      r.params()
          .path("results")
          .forEach(
              x ->
                  out.println(
                      "   ▸ " + x.path("title").asText() + " — " + x.path("description").asText()));
    }
  }

  private void bot(String who, JsonNode params) {
    out.println(who);
    for (String line : readable(params.path("text").asText()).split("\n")) {
      out.println(line.isEmpty() ? "" : "   " + line);
    }
    for (JsonNode row : params.at("/reply_markup/inline_keyboard")) {
      StringBuilder buttons = new StringBuilder("  ");
      row.forEach(b -> buttons.append(" [ ").append(b.path("text").asText()).append(" ]"));
      out.println(buttons);
    }
  }

  /** Telegram HTML as a reader sees it: bold as **bold**, italics as _italics_. */
  private static String readable(String html) {
    return html.replace("<b>", "**")
        .replace("</b>", "**")
        .replace("<i>", "_")
        .replace("</i>", "_")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
