package org.briefbot.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of a gold file: {@code {"q": "...", "expect": ["...", ...]}}.
 *
 * @param q the question
 * @param expect strings of which the answer must contain one (case-insensitive); empty means the
 *     bot must decline
 */
public record GoldQuestion(String q, List<String> expect) {
  public GoldQuestion {
    Objects.requireNonNull(q, "q");
    expect = expect == null ? List.of() : List.copyOf(expect);
  }

  public boolean outOfScope() {
    return expect.isEmpty();
  }
}
