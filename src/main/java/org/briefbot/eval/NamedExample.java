package org.briefbot.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A question an issue names, with what it is asked of: the seed knowledge as the bot serves it, the
 * seed's articles beside the {@code news} articles, or the {@code squad} articles alone. {@code
 * train} judges every fit on these, so that a refit which passes the held-out sets but fails an
 * example a reader would meet first is seen before its models are committed.
 *
 * @param q the question
 * @param expect what the answer's passage must hold; empty when the bot must decline
 * @param news news articles indexed beside the seed's articles; none: the seed knowledge as served
 * @param squad squad-newsroom articles indexed alone, when not empty
 */
public record NamedExample(String q, List<String> expect, List<String> news, List<String> squad) {
  public NamedExample {
    Objects.requireNonNull(q, "q");
    expect = expect == null ? List.of() : List.copyOf(expect);
    news = news == null ? List.of() : List.copyOf(news);
    squad = squad == null ? List.of() : List.copyOf(squad);
    if (!news.isEmpty() && !squad.isEmpty()) {
      throw new IllegalArgumentException(
          q + ": asked of news beside the seed or of squad, not both");
    }
  }

  public GoldQuestion question() {
    return new GoldQuestion(q, expect);
  }

  /** Reads one example per line; a bad line fails with its number. */
  public static List<NamedExample> read(Path file) {
    return GoldEval.readLines(file, NamedExample.class, "named example");
  }
}
