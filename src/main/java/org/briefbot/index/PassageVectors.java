package org.briefbot.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.briefbot.knowledge.Passage;

/**
 * Where the index writer gets a passage's vectors, asked once per passage as its document is
 * written. A source may read them from disk on demand: a large archive's vectors (about 580 MB of
 * floats for 10k articles) need not be on the heap all at once. Implementations are called from the
 * writer threads at the same time, so they must be safe for concurrent use.
 */
public interface PassageVectors {
  /** No vectors: a BM25-only index. */
  PassageVectors NONE = of(Map.of(), Map.of());

  /** The unit-length embedding of {@code passage}, if it has one. */
  Optional<float[]> passage(Passage passage);

  /**
   * The unit-length embeddings of the sentences of {@code passage} in order; empty when it has
   * none.
   */
  List<float[]> sentences(Passage passage);

  /** Vectors held in maps by passage id (tests, small corpora); the maps are copied. */
  static PassageVectors of(
      Map<String, float[]> byPassageId, Map<String, List<float[]>> sentencesByPassageId) {
    return new InMemory(byPassageId, sentencesByPassageId);
  }

  /** Vectors by passage id, all on the heap. */
  record InMemory(Map<String, float[]> byPassageId, Map<String, List<float[]>> sentencesByPassageId)
      implements PassageVectors {
    public InMemory {
      byPassageId = Map.copyOf(byPassageId);
      sentencesByPassageId = Map.copyOf(sentencesByPassageId);
    }

    @Override
    public Optional<float[]> passage(Passage passage) {
      return Optional.ofNullable(byPassageId.get(passage.id()));
    }

    @Override
    public List<float[]> sentences(Passage passage) {
      return sentencesByPassageId.getOrDefault(passage.id(), List.of());
    }
  }
}
