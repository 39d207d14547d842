package org.briefbot.retrieval;

import org.briefbot.index.Candidate;

/** How a hybrid candidate's signals become one ranking score. */
public sealed interface Fusion {
  double score(Candidate candidate);

  /**
   * A weighted sum of BM25 relative to the best hit, coverage of the question, cosine similarity of
   * the passage, and the best cosine of one of its sentences. Every signal is known for every
   * candidate (see {@link Candidate}), so a passage found by only one retriever is still scored on
   * all of them.
   */
  record Linear(double lexical, double coverage, double similarity, double sentence)
      implements Fusion {
    @Override
    public double score(Candidate c) {
      return lexical * c.lexical()
          + coverage * c.coverage()
          + similarity * c.similarity()
          + sentence * c.sentenceSimilarity();
    }
  }

  /**
   * Reciprocal rank fusion (Cormack et al. 2009): the sum of 1/(k + rank) over the lists that
   * ranked it.
   */
  record ReciprocalRank(int k) implements Fusion {
    public ReciprocalRank {
      if (k < 0) {
        throw new IllegalArgumentException("k < 0: " + k);
      }
    }

    @Override
    public double score(Candidate c) {
      return part(c.lexicalRank()) + part(c.vectorRank());
    }

    private double part(int rank) {
      return rank == 0 ? 0 : 1.0 / (k + rank);
    }
  }
}
