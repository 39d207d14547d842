package org.briefbot.desk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers the vectors of the questions last grouped, so reloading a desk page embeds only the
 * questions asked since; the least recently used are forgotten beyond {@value #SIZE}.
 */
final class CachedMeanings implements Meanings {
  static final int SIZE = 5_000;

  private final Meanings model;
  private final Map<String, Optional<float[]>> recent =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<float[]>> eldest) {
          return size() > SIZE;
        }
      };

  CachedMeanings(Meanings model) {
    this.model = model;
  }

  @Override
  public Optional<float[]> vector(String text) {
    synchronized (recent) {
      Optional<float[]> known = recent.get(text);
      if (known != null) {
        return known;
      }
    }
    Optional<float[]> vector = model.vector(text);
    synchronized (recent) {
      recent.put(text, vector);
    }
    return vector;
  }

  @Override
  public boolean loaded() {
    return model.loaded();
  }
}
