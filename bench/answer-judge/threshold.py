"""Chooses how the answer judge's probability joins the learned confidence, and writes the
judge's settings file (answer-judge.json) so that answer.threshold keeps its meaning.

The bot answers with confidence = ((1 - weight) * learned + weight * judge) ** exponent. On pairs
no model here saw (each fold's judge and learned models scoring the other fold's questions), the
share of answerable questions the confidence alone declines at --threshold (0.27) is held fixed;
for each weight from 0 to 0.5 (twentieths) the blend's cut that declines that same share is found,
and the weight whose cut declines the most questions about absent articles wins (the lower on
ties). The exponent ln(threshold)/ln(cut) puts that cut where answer.threshold already is, so the
judge moves which questions are declined, not how the threshold reads. With two folds, each is also
judged at the weight and cut chosen on the other.

Input: score files from judge.py --write-scores (set, in scope, right, confidence, judge); a set
whose name starts with "news" is a news-article question, any other a squad-newsroom one.
--exclude FILE: questions (one per line) left out, e.g. the CI articles' questions.
Usage: python3 bench/answer-judge/threshold.py [--exclude F] [--write answer-judge.json] SCORES...
"""
import argparse, json, math

ap = argparse.ArgumentParser()
ap.add_argument('scores', nargs='+')
ap.add_argument('--threshold', type=float, default=0.27, help="answer.threshold's value")
ap.add_argument('--exclude', help='file of questions (one per line) to leave out')
ap.add_argument('--write', help='where to write the judge settings (JSON)')
ap.add_argument('--max-tokens', type=int, default=160)
ap.add_argument('--max-question-tokens', type=int, default=48)
args = ap.parse_args()

excluded = set(open(args.exclude).read().splitlines()) if args.exclude else set()
rows = []  # (fold, corpus, in scope, right, confidence, judge)
for f in args.scores:
    for line in open(f):
        r = line.rstrip('\n').split('\t')
        corpus = 'news' if r[0].startswith('news') else 'squad'
        fold = r[0][4:] if corpus == 'news' else r[0]
        rows.append((fold, corpus, int(r[1]), int(r[2]), float(r[3]), float(r[4]), r[5]))

def by_corpus(selected):
    corpora = {}
    for r in selected:
        corpora.setdefault(r[1], []).append(r[2:6])
    return corpora

def balanced(rows, score, t):
    answerable = [r for r in rows if r[0] == 1]
    absent = [r for r in rows if r[0] == 0]
    right = sum(1 for r in answerable if r[1] == 1 and score(r) >= t) / len(answerable)
    declined = sum(1 for r in absent if score(r) < t) / len(absent)
    return right, declined

def describe(corpora, figures):
    return '; '.join(f"{c} ({sum(1 for r in corpora[c] if r[0])} + {sum(1 for r in corpora[c] if not r[0])}):"
                     f" answered right {a:.3f}, out of scope declined {b:.3f}" for c, (a, b) in sorted(figures.items()))

CONFIDENCE = lambda r: r[2]
WEIGHTS = [k / 20 for k in range(0, 11)]  # the judge's share of the blend, 0 to 0.5

def blend(w):
    return lambda r: (1 - w) * r[2] + w * r[3]

def cut_declining(rows, score, share):
    """The lowest cut that declines at least `share` of the answerable rows."""
    answerable = sorted(score(r) for r in rows if r[0] == 1)
    k = min(len(answerable) - 1, max(0, math.ceil(share * len(answerable) - 1e-9)))
    return answerable[k] if k > 0 else 0.0

def choose_blend(rows):
    """At the confidence's own share of answerable questions declined at --threshold, the judge's
    weight that declines the most absent questions (ties: the lower weight), and its cut."""
    answerable = [r for r in rows if r[0] == 1]
    share = sum(1 for r in answerable if r[2] < args.threshold) / len(answerable)
    absent = [r for r in rows if r[0] == 0]
    best = None
    for w in WEIGHTS:
        t = cut_declining(rows, blend(w), share)
        declined = sum(1 for r in absent if blend(w)(r) < t) / len(absent)
        if best is None or declined > best[2] + 1e-12:
            best = (w, t, declined, share)
    return best

folds = sorted({r[0] for r in rows})
if len(folds) == 2:
    for fold in folds:
        other = [r[2:6] for r in rows if r[0] != fold]
        w, t_blend = choose_blend(other)[:2]
        mine = by_corpus([r for r in rows if r[0] == fold])
        for name, score, t in [('confidence', CONFIDENCE, args.threshold), (f'blend w={w:.2f}', blend(w), t_blend)]:
            figures = {c: balanced(v, score, t) for c, v in mine.items()}
            answerable = [r for r in mine.get('squad', []) if r[0]]
            declined = sum(1 for r in answerable if score(r) < t) / max(1, len(answerable))
            print(f"fold {fold}, {name} at {t:.3f} (blend: chosen on the other fold): {describe(mine, figures)};"
                  f" squad answerable declined {declined:.3f}")

kept = [r[2:6] for r in rows if r[6] not in excluded]
w, t, declined, share = choose_blend(kept)
print(f"all folds (excluded questions left out): the confidence at {args.threshold} declines {share:.3f} of the"
      f" answerable questions; at that share the blend with weight {w:.2f} (cut {t:.3f}) declines {declined:.3f} of"
      f" the absent ones, the confidence {sum(1 for r in kept if r[0] == 0 and r[2] < args.threshold) / sum(1 for r in kept if r[0] == 0):.3f}")
exponent = math.log(args.threshold) / math.log(t)
print(f"exponent {exponent:.4f}: a blend of {t:.3f} is a confidence of {args.threshold}")
if args.write:
    with open(args.write, 'w') as out:
        json.dump({'maxTokens': args.max_tokens, 'maxQuestionTokens': args.max_question_tokens,
                   'weight': w, 'exponent': round(exponent, 4)}, out, indent=2)
        out.write('\n')
