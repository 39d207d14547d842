package org.briefbot.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.briefbot.answer.Answerer;
import org.briefbot.answer.KeySentenceRows;
import org.briefbot.rank.Table;

/**
 * Training data for the key-sentence model: one group per tuning question whose answer's passage
 * has an expected string inside a sentence, each sentence of that passage a row, labelled 1 when it
 * holds the string. Questions answered wrongly, or whose answer is spread over sentences, say
 * nothing about which sentence to emphasise and are left out.
 */
public final class KeySentenceSet {
  private final List<float[]> values = new ArrayList<>();
  private final List<float[]> labels = new ArrayList<>();

  /**
   * Asks {@code answerer} the question and keeps its answer's sentences if one holds the answer.
   */
  public void add(Answerer answerer, GoldQuestion question) {
    if (question.outOfScope()) {
      return;
    }
    answerer.keySentenceRows(question.q()).ifPresent(rows -> add(rows, question.expect()));
  }

  private void add(KeySentenceRows rows, List<String> expected) {
    List<String> sentences = rows.sentences();
    float[] grades = new float[sentences.size()];
    boolean any = false;
    for (int i = 0; i < grades.length; i++) {
      grades[i] = GoldEval.contains(sentences.get(i), expected) ? 1 : 0;
      any |= grades[i] > 0;
    }
    if (any) {
      values.add(rows.values());
      labels.add(grades);
    }
  }

  /** Questions kept. */
  public int questions() {
    return labels.size();
  }

  /** The groups as a table, each question weighing the same. */
  public Table table() {
    int rows = labels.stream().mapToInt(l -> l.length).sum();
    int columns = KeySentenceRows.columns();
    float[] all = new float[rows * columns];
    float[] grades = new float[rows];
    float[] weights = new float[rows];
    int[] groups = new int[labels.size()];
    int row = 0;
    for (int g = 0; g < groups.length; g++) {
      float[] l = labels.get(g);
      System.arraycopy(values.get(g), 0, all, row * columns, l.length * columns);
      System.arraycopy(l, 0, grades, row, l.length);
      Arrays.fill(weights, row, row + l.length, 1f);
      groups[g] = l.length;
      row += l.length;
    }
    return new Table(all, columns, grades, weights, groups);
  }
}
