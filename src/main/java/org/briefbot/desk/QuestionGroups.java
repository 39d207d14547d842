package org.briefbot.desk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.briefbot.store.Channel;
import org.briefbot.store.LoggedQuestion;
import org.briefbot.store.NearDuplicates;
import org.briefbot.store.Reason;

/**
 * Groups the unanswered log by meaning: by the sentence vectors of the questions when a model is
 * loaded (cosine at least {@value #SAME_MEANING}, or the same words), by their words otherwise (see
 * {@link NearDuplicates}). Chit-chat is left out, whatever logged it.
 */
final class QuestionGroups {
  /**
   * Cosine of two questions' MiniLM vectors at or above which they are counted as one: "How much is
   * the AWS deal worth?" and "What is the value of Amazon's OpenAI contract?" are, "Who won the
   * election?" and "Who won the World Cup?" are not.
   */
  static final double SAME_MEANING = 0.8;

  /**
   * Distinct questions embedded at most per grouping, the most frequent first; the rest are grouped
   * by their words, so a log of thousands of one-off questions still renders in a moment.
   */
  static final int MAX_EMBEDDED = 300;

  private QuestionGroups() {}

  /** The groups of {@code logged}, largest first, leaving out what {@code chitChat} accepts. */
  static List<QuestionGroup> of(
      List<LoggedQuestion> logged, Meanings meanings, Predicate<String> chitChat) {
    List<LoggedQuestion> questions =
        logged.stream().filter(q -> !chitChat.test(q.question())).toList();
    return NearDuplicates.cluster(
            questions, LoggedQuestion::question, LoggedQuestion::at, sameMeaning(meanings))
        .stream()
        .map(QuestionGroups::summary)
        .toList();
  }

  /**
   * Words first (free), then vectors, each question embedded once per grouping and at most {@link
   * #MAX_EMBEDDED} of them.
   */
  static NearDuplicates.SameMeaning sameMeaning(Meanings meanings) {
    Map<String, Optional<float[]>> vectors = new HashMap<>();
    Function<String, Optional<float[]>> vector =
        q -> {
          Optional<float[]> known = vectors.get(q);
          if (known != null) {
            return known;
          }
          Optional<float[]> v =
              vectors.size() < MAX_EMBEDDED ? meanings.vector(q) : Optional.empty();
          vectors.put(q, v);
          return v;
        };
    return (a, keyA, b, keyB) -> {
      if (NearDuplicates.LEXICAL.same(a, keyA, b, keyB)) {
        return true;
      }
      Optional<float[]> va = vector.apply(a);
      Optional<float[]> vb = vector.apply(b);
      return va.isPresent() && vb.isPresent() && cosine(va.get(), vb.get()) >= SAME_MEANING;
    };
  }

  static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private static QuestionGroup summary(List<LoggedQuestion> oldestFirst) {
    LoggedQuestion last = oldestFirst.get(oldestFirst.size() - 1);
    List<String> wordings = mostFrequentFirst(oldestFirst, LoggedQuestion::question);
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    oldestFirst.forEach(q -> channels.add(q.channel()));
    Optional<String> shown = Optional.empty();
    for (int i = oldestFirst.size() - 1; i >= 0 && shown.isEmpty(); i--) {
      shown = oldestFirst.get(i).shownText();
    }
    List<Reason> reasons = mostFrequentFirst(oldestFirst, LoggedQuestion::reason);
    return new QuestionGroup(
        wordings.get(0),
        oldestFirst.size(),
        wordings,
        reasons,
        channels,
        last.at(),
        last.confidence(),
        shown);
  }

  /** Distinct values, most frequent first; ties by first appearance. */
  private static <T> List<T> mostFrequentFirst(
      List<LoggedQuestion> oldestFirst, Function<LoggedQuestion, T> value) {
    Map<T, Long> counts =
        oldestFirst.stream()
            .collect(Collectors.groupingBy(value, LinkedHashMap::new, Collectors.counting()));
    List<T> distinct = new ArrayList<>(counts.keySet());
    distinct.sort(Comparator.comparingLong(counts::get).reversed());
    return distinct;
  }
}
