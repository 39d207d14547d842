#!/usr/bin/env python3
"""Fits briefbot's hybrid fusion and confidence calibration on tuning halves.

Input: candidate dumps written by
  briefbot eval --beir DIR [--split train] --dump-candidates FILE.tsv
(one row per query x candidate: BM25 rank and relative score, coverage, vector rank, cosine).
Tuning data: StackFAQ queries of set A (both corpora) and SciFact's train qrels. The held-out
halves (StackFAQ set B, SciFact test) are never read here. Needs numpy only.
"""
import json, math, sys, itertools
from collections import defaultdict
import numpy as np

BENCH = "../shared/benchmarks"

def load(path, keep=None):
    rows = defaultdict(list)
    with open(path) as f:
        next(f)
        for line in f:
            q, p, g, lr, lx, cov, vr, sim = line.rstrip("\n").split("\t")
            if keep is not None and q not in keep:
                continue
            rows[q].append((p, int(g), int(lr), float(lx), float(cov), int(vr), float(sim)))
    return rows

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

def bm25_score(c):  # the BM25 mode's own re-ranking: coverage blend on its top 20
    p, g, lr, lx, cov, vr, sim = c
    if lr == 0:
        return -1
    return 0.5 * cov + 0.5 * lx if lr <= 20 else 0.5 * lx - 1e-9 * lr

def semantic_score(c):
    return c[6] if c[5] > 0 else -2

def linear(a, b, s):
    return lambda c: a * c[3] + b * c[4] + s * c[6]

def rrf(k):
    return lambda c: (1 / (k + c[2]) if c[2] else 0) + (1 / (k + c[5]) if c[5] else 0)

def metrics(rows, nrel, score):
    p1 = ndcg = 0
    for q, cands in rows.items():
        ranked = sorted(cands, key=lambda c: (-score(c), c[0]))[:100]
        p1 += 1 if ranked and ranked[0][1] > 0 else 0
        dcg = sum((c[1] > 0) / math.log2(i + 2) for i, c in enumerate(ranked[:10]))
        idcg = sum(1 / math.log2(i + 2) for i in range(min(10, nrel[q])))
        ndcg += dcg / idcg if idcg else 0
    n = len(rows)
    return p1 / n, ndcg / n

def main():
    dumps = sys.argv[1] if len(sys.argv) > 1 else "/tmp/hy"
    a = query_set("stackfaq", "A")
    sets = {
        "stackfaq-A": (load(f"{dumps}/stackfaq.tsv", a), n_relevant("stackfaq", "test")),
        "answers-only-A": (load(f"{dumps}/stackfaq-answers-only.tsv", a), n_relevant("stackfaq-answers-only", "test")),
        "scifact-train": (load(f"{dumps}/scifact-train.tsv"), n_relevant("scifact", "train")),
    }
    def report(label, score):
        out = [metrics(r, n, score) for r, n in sets.values()]
        obj = (out[0][0] + out[1][0] + out[2][1]) / 3  # the three targeted figures, equally weighted
        print(f"{label:28s} " + "  ".join(f"{k} P@1 {m[0]:.3f} nDCG {m[1]:.3f}" for k, m in zip(sets, out)) + f"  obj {obj:.4f}")
        return obj
    report("bm25", bm25_score)
    report("semantic", semantic_score)
    for k in (10, 30, 60, 100):
        report(f"rrf k={k}", rrf(k))
    best = None
    for a_, b_, s_ in itertools.product(np.arange(0, 1.01, 0.1), repeat=3):
        if abs(a_ + b_ + s_ - 1) > 1e-6:
            continue
        obj = report(f"linear {a_:.1f} {b_:.1f} {s_:.1f}", linear(a_, b_, s_))
        if best is None or obj > best[0]:
            best = (obj, a_, b_, s_)
    print("best linear", best)

if __name__ == "__main__" and (len(sys.argv) < 3 or sys.argv[2] == "fusion"):
    main()


# --- Calibration -----------------------------------------------------------------------------
# confidence = sigmoid(bias + c * coverage + s * similarity) of the first passage, fitted by
# logistic regression on whether that passage is relevant. Negatives include out-of-scope
# questions: SciFact claims asked of the StackFAQ corpus and StackFAQ questions asked of SciFact
# (dumps made with BEIR folders whose corpus is the other benchmark's).

FUSION = linear(0.10, 0.15, 0.75)

def top1(rows, score):
    out = []
    for q, cands in rows.items():
        ranked = sorted(cands, key=lambda c: (-score(c), c[0]))
        if ranked:
            c = ranked[0]
            out.append((c[4], c[6], 1 if c[1] > 0 else 0))
    return out

def fit_logistic(x, y, weights, l2=1e-3, iters=50):
    X = np.hstack([np.ones((len(x), 1)), np.asarray(x)])
    y = np.asarray(y, dtype=float)
    sw = np.asarray(weights, dtype=float)
    w = np.zeros(X.shape[1])
    for _ in range(iters):  # Newton's method (IRLS), weighted
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ (sw * (p - y)) + l2 * w
        h = (X * (sw * p * (1 - p))[:, None]).T @ X + l2 * np.eye(len(w))
        w -= np.linalg.solve(h, g)
    return w

def seed_dev(dumps, mode):
    """First-passage signals of src/test/resources/tuning/seed-dev.jsonl (written by scripts/SeedFeatures.java)."""
    rows = []
    with open(f"{dumps}/seed-dev-features.tsv") as f:
        for line in f:
            m, cov, sim, ok, q = line.rstrip("\n").split("\t")
            if m == mode:
                rows.append((float(cov), float(sim), int(ok)))
    return rows

def calibrate(dumps):
    a = query_set("stackfaq", "A")
    tuning = [load(f"{dumps}/stackfaq.tsv", a), load(f"{dumps}/stackfaq-answers-only.tsv", a), load(f"{dumps}/scifact-train.tsv")]
    out_of_scope = [load(f"{dumps}/cross-scifact-on-stackfaq.tsv"), load(f"{dumps}/cross-stackfaq-on-scifact.tsv", a)]
    for mode, score, features in (("bm25", bm25_score, lambda t: [t[0]]),
                                  ("semantic", semantic_score, lambda t: [t[0], t[1]]),
                                  ("hybrid", FUSION, lambda t: [t[0], t[1]])):
        # Each source weighs the same in total: the 40 seed questions count as much as 800 claims.
        sources = [top1(r, score) for r in tuning]
        sources += [[(c, s, 0) for c, s, _ in top1(r, score)] for r in out_of_scope]
        sources.append(seed_dev(dumps, mode))
        labelled, weights = [], []
        for rows in sources:
            labelled += rows
            weights += [1.0 / len(rows)] * len(rows)
        x = [features(t) for t in labelled]
        y = [t[2] for t in labelled]
        w = fit_logistic(x, y, np.asarray(weights) * len(labelled) / len(sources))
        p = 1 / (1 + np.exp(-(np.hstack([np.ones((len(x), 1)), np.asarray(x)]) @ w)))
        acc = np.mean((p >= 0.5) == np.asarray(y))
        print(f"calibration {mode}: weights (bias, coverage[, similarity]) {np.round(w, 3).tolist()}  "
              f"n={len(y)} positives={sum(y)} accuracy at 0.5: {acc:.3f}")
        # reliability: observed share right per predicted-probability decile
        bins = np.clip((p * 10).astype(int), 0, 9)
        print("   bin: " + " ".join(f"{b/10:.1f}:{np.mean(np.asarray(y)[bins == b]):.2f}({np.sum(bins == b)})" for b in range(10) if np.any(bins == b)))

if __name__ == "__main__" and len(sys.argv) > 2 and sys.argv[2] == "calibrate":
    calibrate(sys.argv[1])
