package org.briefbot.bench;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.briefbot.answer.Answer;
import org.briefbot.conversation.Context;
import org.briefbot.conversation.Reply;
import org.briefbot.conversation.Turn;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Answer latency, one question per call, cycling through the archive's questions: the whole
 * pipeline (question in, Answer out) against the raw Lucene floor on the same index, in the same
 * run and fork, so their ratio is fair; and the reply a chat gets, which adds the conversation's
 * follow-ups and notes to the answer. Sample mode gives p50 and p99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnswerLatency {
  @Param({"seed", "1k", "10k", "100k"})
  public String archive;

  /**
   * bm25 by default; -p mode=bm25,hybrid adds hybrid (up to 10k: the first run embeds the archive
   * once); hybrid-nojudge is hybrid without the answer judge.
   */
  @Param({"bm25"})
  public String mode;

  private Loaded loaded;

  @Setup(Level.Trial)
  public void load() {
    loaded = new Loaded(archive, mode);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    loaded.close();
  }

  /** Each thread walks the questions from its own cursor, as one chat. */
  @State(Scope.Thread)
  public static class Cursor {
    private int next;
    private Optional<Context> context = Optional.empty();

    String next(List<String> questions) {
      String question = questions.get(next);
      next = (next + 1) % questions.size();
      return question;
    }
  }

  @Benchmark
  public Answer pipeline(Cursor cursor) {
    return loaded.core.answerer().answer(cursor.next(loaded.questions));
  }

  /**
   * What a chat gets for the question: the conversation's reply, the answer with its follow-up
   * offers and entity notes, as every channel composes it (Telegram adds only its own I/O).
   */
  @Benchmark
  public Reply reply(Cursor cursor) {
    return loaded.core.conversation().handle(cursor.next(loaded.questions));
  }

  /**
   * {@link #reply} in a chat: each question arrives with the context the reply before it left, so
   * the last answer's article is preferred and its best passages join the candidates.
   */
  @Benchmark
  public Reply chat(Cursor cursor) {
    Turn turn = loaded.core.conversation().reply(cursor.next(loaded.questions), cursor.context);
    cursor.context = turn.context();
    return turn.reply();
  }

  @Benchmark
  public List<Document> floor(Cursor cursor) throws IOException {
    return loaded.floor.search(cursor.next(loaded.questions));
  }

  @Benchmark
  public List<Document> floorTextOnly(Cursor cursor) throws IOException {
    return loaded.textFloor.search(cursor.next(loaded.questions));
  }
}
