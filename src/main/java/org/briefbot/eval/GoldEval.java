package org.briefbot.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.briefbot.answer.Alternative;
import org.briefbot.answer.Answer;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.Source;
import org.briefbot.index.Candidate;
import org.briefbot.index.SearchRequest;
import org.briefbot.retrieval.Retriever;

/** Runs gold questions through the answerer and scores the answers. */
public final class GoldEval {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Reads a gold file; a bad line fails with its number. */
  public static List<GoldQuestion> read(Path file) {
    return readLines(file, GoldQuestion.class, "gold question");
  }

  /** Reads one JSON object of {@code type} per non-blank line; a bad line fails with its number. */
  static <T> List<T> readLines(Path file, Class<T> type, String what) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    List<T> values = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        values.add(JSON.readValue(lines.get(i), type));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": not a " + what + ": " + e.getMessage(), e);
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(file + ": no questions");
    }
    return values;
  }

  /** Scores each question asked on its own, as {@code ask} and a chat's first message are. */
  public GoldReport run(Answerer answerer, List<GoldQuestion> questions) {
    return run(answerer, questions, answerer::answer);
  }

  /**
   * Scores the answers {@code asker} gives, in the file's order: a {@link ChatReplay} asks them in
   * one chat, as a reader reading story after story does.
   */
  public GoldReport run(
      Answerer answerer, List<GoldQuestion> questions, Function<String, Answer> asker) {
    int answerable = 0;
    int outOfScope = 0;
    int hit1 = 0;
    int hit3 = 0;
    int declinedRight = 0;
    int falseDeclines = 0;
    double reciprocalRanks = 0;
    int keySentenceQuestions = 0;
    int keySentenceHits = 0;
    int closestRight = 0;
    int outOfScopeOffered = 0;
    List<GoldReport.Miss> misses = new ArrayList<>();
    List<GoldReport.KeySentenceMiss> keySentenceMisses = new ArrayList<>();
    for (GoldQuestion question : questions) {
      Answer answer = asker.apply(question.q());
      if (question.outOfScope()) {
        outOfScope++;
        if (!answer.answered()) {
          declinedRight++;
          outOfScopeOffered += answer.closest().isPresent() ? 1 : 0;
        } else {
          misses.add(miss(question, answer));
        }
        continue;
      }
      answerable++;
      int rank = rank(question, answer);
      hit1 += rank == 1 ? 1 : 0;
      hit3 += rank >= 1 && rank <= 3 ? 1 : 0;
      reciprocalRanks += rank >= 1 ? 1.0 / rank : 0;
      falseDeclines += answer.answered() ? 0 : 1;
      closestRight += closestHolds(answerer, question, answer) ? 1 : 0;
      Optional<Boolean> keySentence = keySentenceHolds(answerer, question, answer);
      keySentenceQuestions += keySentence.isPresent() ? 1 : 0;
      keySentenceHits += keySentence.orElse(false) ? 1 : 0;
      if (!keySentence.orElse(true)) {
        keySentenceMisses.add(
            new GoldReport.KeySentenceMiss(
                question.q(), question.expect(), answer.best().orElseThrow().keySentence()));
      }
      if (rank != 1) {
        misses.add(miss(question, answer));
      }
    }
    return new GoldReport(
        questions.size(),
        answerable,
        outOfScope,
        share(hit1, answerable),
        share(hit3, answerable),
        share(reciprocalRanks, answerable),
        share(declinedRight, outOfScope),
        falseDeclines,
        keySentenceQuestions,
        share(keySentenceHits, keySentenceQuestions),
        closestRight,
        outOfScopeOffered,
        misses,
        keySentenceMisses);
  }

  /**
   * Whether the answer's key sentence holds an expected string, judged only when the answering
   * passage holds one inside a single sentence (empty otherwise: an entity card, a wrong passage,
   * or an answer spread over two sentences has no one sentence to emphasise).
   */
  static Optional<Boolean> keySentenceHolds(
      Answerer answerer, GoldQuestion question, Answer answer) {
    if (answer.kind() != Answer.Kind.PASSAGE) {
      return Optional.empty();
    }
    Source source = answer.best().orElseThrow();
    boolean inOneSentence =
        answerer.passage(source.passageId()).stream()
            .flatMap(p -> p.sentences().stream())
            .anyMatch(s -> contains(s, question.expect()));
    return inOneSentence
        ? Optional.of(contains(source.keySentence(), question.expect()))
        : Optional.empty();
  }

  /**
   * Whether a declined answer offers, among what came close, a passage holding an expected string.
   */
  static boolean closestHolds(Answerer answerer, GoldQuestion question, Answer answer) {
    return answer.closestPassages().stream()
        .flatMap(c -> answerer.passage(c.passageId()).stream())
        .anyMatch(p -> contains(p.text(), question.expect()));
  }

  /**
   * Writes every retrieval candidate of every question with its signals, as TSV in the layout of
   * {@link BeirEval#dumpCandidates}, plus whether the question is in scope: grade 1 when the
   * passage holds an expected string. The seed rows the fusion and calibration are tuned on.
   */
  public void dumpCandidates(
      Retriever retriever, List<GoldQuestion> questions, int depth, Path out) {
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
      w.println(
          "query\tpassage\tgrade\tlexical_rank\tlexical\tcoverage\tvector_rank\tsimilarity\tsentence_similarity\tin_scope");
      for (GoldQuestion q : questions) {
        for (Candidate c : retriever.candidates(SearchRequest.of(q.q(), depth))) {
          boolean right = !q.outOfScope() && contains(c.passage().text(), q.expect());
          w.printf(
              Locale.ROOT,
              "%s\t%s\t%d\t%d\t%.6f\t%.6f\t%d\t%.6f\t%.6f\t%d%n",
              q.q().replace('\t', ' '),
              c.passage().id(),
              right ? 1 : 0,
              c.lexicalRank(),
              c.lexical(),
              c.coverage(),
              c.vectorRank(),
              c.similarity(),
              c.sentenceSimilarity(),
              q.outOfScope() ? 0 : 1);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + out, e);
    }
  }

  /**
   * 1-based rank of the first candidate (answer, then alternatives) holding an expected string; 0
   * if none.
   */
  static int rank(GoldQuestion question, Answer answer) {
    if (!answer.answered()) {
      return 0;
    }
    List<String> candidates = new ArrayList<>();
    candidates.add(answer.best().orElseThrow().text());
    answer.alternatives().stream().map(Alternative::text).forEach(candidates::add);
    for (int i = 0; i < candidates.size(); i++) {
      if (contains(candidates.get(i), question.expect())) {
        return i + 1;
      }
    }
    return 0;
  }

  /**
   * Whether {@code text} holds one of the {@code expected} strings, ignoring case: a right answer.
   */
  public static boolean contains(String text, List<String> expected) {
    String lower = text.toLowerCase(Locale.ROOT);
    return expected.stream().anyMatch(e -> lower.contains(e.toLowerCase(Locale.ROOT)));
  }

  private static GoldReport.Miss miss(GoldQuestion question, Answer answer) {
    String got = answer.best().map(s -> s.text()).orElse("(declined)");
    return new GoldReport.Miss(question.q(), question.expect(), got, answer.confidence());
  }

  private static double share(double count, int of) {
    return of == 0 ? 0 : count / of;
  }
}
