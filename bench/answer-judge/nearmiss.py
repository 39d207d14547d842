"""How a judge and its blends with the bot's confidence decline near misses (docs/retrieval.md,
"Near misses in the judge's data").

Input: score files from judge.py --write-scores (set, in scope, right, confidence, judge, question),
one file per judge. Rows of sets starting with PREFIX are pooled: answerable (in scope 1), near
misses (in scope 0, set name holding "near") and absent (in scope 0, any other set). For blend weights
w (confidence * (1 - w) + judge * w), at 2.0%, 3.2% and 5.8% of the answerable questions declined
(each cut set on the answerable questions' own scores), prints the share of absent and of near-miss
questions declined and of answerable ones answered with a right first passage.
Usage: python3 bench/answer-judge/nearmiss.py PREFIX SCORES.tsv [SCORES.tsv ...]
For the table: the CI rows, `ci` without its answerable lines (they repeat in `cinear`) and `cinear`.
"""
import sys
import numpy as np

prefix = sys.argv[1]
for f in sys.argv[2:]:
    ins, absent, near = [], [], []
    for line in open(f):
        r = line.rstrip('\n').split('\t')
        if not r[0].startswith(prefix):
            continue
        row = (float(r[3]), float(r[4]), int(r[2]))
        (ins if r[1] == '1' else near if 'near' in r[0] else absent).append(row)
    ins, absent, near = map(np.array, (ins, absent, near))
    print(f"{f}: {len(ins)} answerable, {len(absent)} absent, {len(near)} near misses")
    for w in (0.0, 0.2, 0.3, 0.5, 1.0):
        blend = lambda a: (1 - w) * a[:, 0] + w * a[:, 1]
        line = f"  w={w}:"
        for share in (0.02, 0.032, 0.058):
            cut = np.sort(blend(ins))[round(share * len(ins))]
            right = ((blend(ins) >= cut) & (ins[:, 2] == 1)).mean()
            line += (f" at {share:.3f}: absent {(blend(absent) < cut).mean():.3f}"
                     f" near {(blend(near) < cut).mean():.3f} right {right:.3f} |")
        print(line)
