package org.briefbot.desk;

import java.util.Optional;
import org.briefbot.memo.RecentMemo;

/**
 * Remembers the vectors of the questions last grouped, so reloading a desk page embeds only the
 * questions asked since; the least recently used are forgotten beyond {@value #SIZE}.
 */
final class CachedMeanings implements Meanings {
  static final int SIZE = 5_000;

  private final Meanings model;
  private final RecentMemo<String, Optional<float[]>> recent = new RecentMemo<>(SIZE);

  CachedMeanings(Meanings model) {
    this.model = model;
  }

  @Override
  public Optional<float[]> vector(String text) {
    return recent.get(text, model::vector);
  }

  @Override
  public boolean loaded() {
    return model.loaded();
  }
}
