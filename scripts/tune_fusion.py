#!/usr/bin/env python3
"""Fits briefbot's hybrid fusion and confidence calibration on tuning data only.

  scripts/make_dumps.sh DUMPS                      # candidate dumps (see there)
  python3 scripts/tune_fusion.py DUMPS fusion      # grid over the linear blend's weights
  python3 scripts/tune_fusion.py DUMPS calibrate   # logistic calibration per mode, seed thresholds

Input: candidate dumps written by `briefbot eval ... --dump-candidates FILE.tsv`, one row per
question x candidate: BM25 rank and relative score, coverage, vector rank, passage cosine, best
sentence cosine (and, for gold-format files, whether the question is in scope).
Tuning data: StackFAQ queries of set A (both corpora), SciFact's train qrels, and the seed's own
tuning questions (src/test/resources/tuning/seed-dev.jsonl). The held-out halves (StackFAQ set B,
SciFact test) and the gold file are never read here. Needs numpy only.
"""
import json, math, sys, itertools
from collections import defaultdict
import numpy as np

BENCH = "../shared/benchmarks"


def query_set(name, s):
    out = set()
    with open(f"{BENCH}/{name}/queries.jsonl") as f:
        for line in f:
            d = json.loads(line)
            if d.get("metadata", {}).get("set") == s:
                out.add(d["_id"])
    return out


def n_relevant(name, split):
    n = defaultdict(int)
    with open(f"{BENCH}/{name}/qrels/{split}.tsv") as f:
        next(f)
        for line in f:
            q, d, s = line.split("\t")
            if int(s) > 0:
                n[q] += 1
    return n


class Dump:
    """One dump as arrays, rows sorted by (question, passage id) so ties break by id as in briefbot."""

    def __init__(self, path, keep=None, nrel=None):
        rows = []
        with open(path) as f:
            next(f)
            for line in f:
                r = line.rstrip("\n").split("\t")
                if keep is None or r[0] in keep:
                    rows.append(r)
        rows.sort(key=lambda r: (r[0], r[1]))
        col = lambda i, t=float: np.asarray([t(r[i]) for r in rows], dtype=t)
        self.grade, self.lexical_rank, self.lexical, self.coverage = col(2, int), col(3, int), col(4), col(5)
        self.vector_rank, self.similarity, self.sentence = col(6, int), col(7), col(8)
        self.in_scope_rows = col(9, int) if rows and len(rows[0]) > 9 else np.ones(len(rows), dtype=int)
        qids, self.start = np.unique(np.asarray([r[0] for r in rows]), return_index=True)
        self.n = len(qids)
        self.group = np.repeat(np.arange(self.n), np.diff(np.append(self.start, len(rows))))
        self.position = np.arange(len(rows)) - self.start[self.group]
        self.n_relevant = np.asarray([nrel[q] for q in qids]) if nrel else np.zeros(self.n, dtype=int)
        self.in_scope = self.in_scope_rows[self.start] > 0

    def ranked(self, score):
        """Row order: by question, then score descending, then passage id."""
        return np.lexsort((self.position, -score, self.group))

    def first(self, score):
        return self.ranked(score)[self.start]

    def metrics(self, score):
        order = self.ranked(score)
        rank = np.empty(len(order), dtype=int)
        rank[order] = np.arange(len(order)) - self.start[self.group[order]]
        relevant = self.grade > 0
        p1 = np.sum((rank == 0) & relevant) / self.n
        top10 = (rank < 10) & relevant
        dcg = np.bincount(self.group[top10], weights=1 / np.log2(rank[top10] + 2), minlength=self.n)
        idcg = np.asarray([sum(1 / math.log2(i + 2) for i in range(min(10, r))) for r in self.n_relevant])
        return p1, np.mean(np.where(idcg > 0, dcg / np.maximum(idcg, 1e-12), 0))


def bm25_score(d):  # the BM25 mode's own re-ranking: coverage blend on its top 20
    s = np.where(d.lexical_rank <= 20, 0.5 * d.coverage + 0.5 * d.lexical, 0.5 * d.lexical - 1e-9 * d.lexical_rank)
    return np.where(d.lexical_rank == 0, -1.0, s)


def semantic_score(d):
    return np.where(d.vector_rank > 0, d.similarity, -2.0)


def linear(w):
    return lambda d: w[0] * d.lexical + w[1] * d.coverage + w[2] * d.similarity + w[3] * d.sentence


FUSION = linear((0.00, 0.20, 0.35, 0.45))  # what `fusion` chose; RetrievalSettings.defaults


def tuning_sets(dumps):
    a = query_set("stackfaq", "A")
    return {
        "stackfaq-A": Dump(f"{dumps}/stackfaq.tsv", a, n_relevant("stackfaq", "test")),
        "answers-only-A": Dump(f"{dumps}/stackfaq-answers-only.tsv", a, n_relevant("stackfaq-answers-only", "test")),
        "scifact-train": Dump(f"{dumps}/scifact-train.tsv", None, n_relevant("scifact", "train")),
    }


def fusion(dumps):
    sets = tuning_sets(dumps)
    seed = Dump(f"{dumps}/seed-dev.tsv")

    def evaluate(score):
        out = [d.metrics(score(d)) for d in sets.values()]
        objective = (out[0][0] + out[1][0] + out[2][1]) / 3  # the three targeted figures, equally weighted
        seed_hit1 = np.mean(seed.grade[seed.first(score(seed))][seed.in_scope] > 0)
        return objective, out, seed_hit1

    def report(label, score):
        objective, out, seed_hit1 = evaluate(score)
        print(f"{label:40s} stackfaq-A P@1 {out[0][0]:.4f}  answers-only-A P@1 {out[1][0]:.4f}  "
              f"scifact-train nDCG@10 {out[2][1]:.4f}  objective {objective:.4f}  (seed-dev hit@1 {seed_hit1:.3f})")
        return objective

    report("bm25", bm25_score)
    report("semantic", semantic_score)
    report("linear 0.10 0.15 0.75 0 (passages only)", linear((0.10, 0.15, 0.75, 0)))
    results = []
    grid = np.round(np.arange(0, 1.0001, 0.05), 2)
    for w in itertools.product(grid, repeat=3):
        last = round(1 - sum(w), 2)
        if last >= 0:
            weights = (*w, last)
            results.append((evaluate(linear(weights))[0], weights))
    results.sort(key=lambda r: -r[0])
    for objective, w in results[:10]:
        report("linear lex %.2f cov %.2f cos %.2f sentence %.2f" % w, linear(w))
    print("best linear", results[0])


# --- Calibration -----------------------------------------------------------------------------
# confidence = sigmoid(bias + c * coverage + s * similarity + t * sentence) of the first passage,
# fitted by logistic regression on whether that passage is relevant. Negatives include
# out-of-scope questions: SciFact train claims asked of the StackFAQ corpus, StackFAQ set-A
# questions asked of SciFact (BEIR folders whose corpus is the other benchmark's, see
# make_dumps.sh), and the seed tuning file's out-of-scope questions.

def fit_logistic(x, y, weights, l2=1e-3, iters=50):
    X = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(X.shape[1])
    for _ in range(iters):  # Newton's method (IRLS), weighted
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (weights * (p - y)) + l2 * w
        h = (X * (weights * p * (1 - p))[:, None]).T @ X + l2 * np.eye(len(w))
        w -= np.linalg.solve(h, g)
    return w


def calibrate(dumps):
    a = query_set("stackfaq", "A")
    tuning = list(tuning_sets(dumps).values())
    out_of_scope = [Dump(f"{dumps}/cross-scifact-on-stackfaq.tsv"), Dump(f"{dumps}/cross-stackfaq-on-scifact.tsv", a)]
    seed = Dump(f"{dumps}/seed-dev.tsv")
    for mode, score, names in (("bm25", bm25_score, ["coverage"]),
                               ("semantic", semantic_score, ["coverage", "similarity", "sentence"]),
                               ("hybrid", FUSION, ["coverage", "similarity", "sentence"])):
        xs, ys, ws = [], [], []
        for d, negative in [(d, False) for d in tuning] + [(d, True) for d in out_of_scope] + [(seed, False)]:
            first = d.first(score(d))
            xs.append(np.stack([getattr(d, n)[first] for n in names], 1))
            ys.append(np.zeros(d.n) if negative else (d.grade[first] > 0).astype(float))
            ws.append(np.full(d.n, 1.0 / d.n))  # each source weighs the same in total
        x, y, w = np.vstack(xs), np.concatenate(ys), np.concatenate(ws)
        w *= len(y) / np.sum(w)
        b = fit_logistic(x, y, w)
        p = 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ b)))
        print(f"calibration {mode}: (bias, {', '.join(names)}) = {np.round(b, 3).tolist()}  "
              f"n={len(y)} accuracy at 0.5 (sources weighed equally): {np.sum(w * ((p >= 0.5) == y)) / np.sum(w):.3f}")
        bins = np.clip((p * 10).astype(int), 0, 9)
        print("   share right per confidence decile: " + " ".join(
            f"{k / 10:.1f}:{np.mean(y[bins == k]):.2f}({np.sum(bins == k)})" for k in range(10) if np.any(bins == k)))
        seed_p, seed_right = p[-seed.n:], y[-seed.n:] > 0
        for t in (0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40):
            declined = seed_p < t
            print(f"   seed-dev threshold {t:.2f}: out of scope declined {np.mean(declined[~seed.in_scope]):.3f}, "
                  f"in scope answered right {np.mean((~declined & seed_right)[seed.in_scope]):.3f}, "
                  f"in scope declined {np.sum(declined & seed.in_scope)}")


if __name__ == "__main__":
    dumps = sys.argv[1] if len(sys.argv) > 1 else "/tmp/dumps"
    {"fusion": fusion, "calibrate": calibrate}[sys.argv[2] if len(sys.argv) > 2 else "fusion"](dumps)
