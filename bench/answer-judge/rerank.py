"""Could a cross-encoder rerank the bot's best passages? Trains all-MiniLM-L6-v2 as a listwise
reranker of the ranking's best K passages on one half of squad-newsroom's articles (as `folds`
cuts them: the first 12 in sorted order, A, or the last 12, B) and scores the other half's
questions, then compares its order with the bot's.

Input: TopPassages.java's TSV. Each training question with a right and a wrong passage among its K
is one softmax over them (the right ones' share is what is raised); four questions a step, AdamW
5e-5 with a tenth's warm-up, as judge.py. Needs what judge.py needs (Debian's python3-torch,
python3-onnx, libopenblas0-pthread; the float model in --model-dir).
Usage: /usr/bin/python3 bench/answer-judge/rerank.py --model-dir DIR --train-half A TOP.tsv SCORES.tsv
"""
import argparse, collections, os, random, sys, time
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'minilm'))
import minilm

ap = argparse.ArgumentParser()
ap.add_argument('top'); ap.add_argument('scores')
ap.add_argument('--model-dir', required=True)
ap.add_argument('--train-half', choices=['A', 'B'], default='A')
ap.add_argument('--k', type=int, default=4)
ap.add_argument('--epochs', type=float, default=1.0)
ap.add_argument('--max-len', type=int, default=160)
ap.add_argument('--seed', type=int, default=7)
args = ap.parse_args()
torch.set_num_threads(2); torch.manual_seed(args.seed); random.seed(args.seed)
tokenizer = minilm.WordPiece(f'{args.model_dir}/all-minilm-l6-v2-tokenizer.json')

def pair(question, passage):  # as the answer judge reads a pair
    return tokenizer.pair(question, passage, args.max_len)

def batch(pairs):
    L = max(len(p[0]) for p in pairs)
    pad = lambda xs, v: [x + [v] * (L - len(x)) for x in xs]
    return (torch.tensor(pad([p[0] for p in pairs], tokenizer.PAD)), torch.tensor(pad([p[1] for p in pairs], 0)),
            torch.tensor(pad([[1] * len(p[0]) for p in pairs], 0)))

questions = collections.OrderedDict()
for line in open(args.top):
    number, article, rank, right, confidence, _, question, passage = line.rstrip('\n').split('\t')
    q = questions.setdefault(number, {'article': article, 'q': question, 'passages': []})
    if len(q['passages']) < args.k:
        q['passages'].append({'rank': int(rank), 'right': int(right), 'confidence': float(confidence), 'text': passage})
articles = sorted({q['article'] for q in questions.values()})
half = {a: 'A' if i < len(articles) // 2 else 'B' for i, a in enumerate(articles)}
train = [q for q in questions.values() if half[q['article']] == args.train_half
         and len({p['right'] for p in q['passages']}) == 2]
test = [q for q in questions.values() if half[q['article']] != args.train_half]
for q in train + test:
    q['pairs'] = [pair(q['q'], p['text']) for p in q['passages']]
print(f"{len(train)} training questions with a right and a wrong passage; {len(test)} test questions", flush=True)

model = minilm.Scorer(); minilm.load(model, f'{args.model_dir}/all-minilm-l6-v2.onnx')
optimiser = torch.optim.AdamW(model.parameters(), lr=5e-5, weight_decay=0.01)
G = 4; steps = int(len(train) * args.epochs / G); random.shuffle(train); start = time.time()
for step in range(steps):
    model.train()
    for g in optimiser.param_groups:
        g['lr'] = 5e-5 * min(1, (step + 1) / (0.1 * steps)) * max(0.0, (steps - step) / steps) * 1.1
    group = [train[(step * G + i) % len(train)] for i in range(G)]
    logits = model(*batch([p for q in group for p in q['pairs']]))
    loss, at = 0, 0
    for q in group:
        n = len(q['pairs']); own = logits[at:at + n]; at += n
        right = torch.tensor([p['right'] == 1 for p in q['passages']])
        loss = loss + torch.logsumexp(own, 0) - torch.logsumexp(own[right], 0)
    loss = loss / G
    optimiser.zero_grad(); loss.backward(); optimiser.step()
    if step % 50 == 0: print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - start:.0f} s", flush=True)

model.eval()
flat = sorted(((q, i) for q in test for i in range(len(q['pairs']))), key=lambda x: len(x[0]['pairs'][x[1]][0]))
with torch.no_grad():
    for s in range(0, len(flat), 32):
        chunk = flat[s:s + 32]
        for (q, i), logit in zip(chunk, model(*batch([q['pairs'][i] for q, i in chunk])).tolist()):
            q['passages'][i]['logit'] = logit
with open(args.scores, 'w') as out:
    for n, q in enumerate(test):
        for p in q['passages']:
            out.write(f"{n}\t{q['article']}\t{p['rank']}\t{p['right']}\t{p['confidence']:.5f}\t{p['logit']:.5f}\t{q['q']}\n")

share = lambda pick: sum(pick(q['passages'])['right'] for q in test) / len(test)
print(f"{len(test)} test questions: a right passage among the best {args.k} {sum(any(p['right'] for p in q['passages']) for q in test) / len(test):.4f}")
print(f"  right first, the bot's order: {share(lambda ps: ps[0]):.4f}")
for k in range(2, args.k + 1):
    print(f"  right first, the reranker's order of the best {k}: {share(lambda ps: max(ps[:k], key=lambda p: p['logit'])):.4f}")
for margin in (1, 2, 4):
    print(f"  the reranker's first only where its logit beats the bot's first by over {margin}: "
          f"{share(lambda ps: max(ps, key=lambda p: p['logit']) if max(p['logit'] for p in ps) - ps[0]['logit'] > margin else ps[0]):.4f}")
print(f"{time.time() - start:.0f} s", flush=True)
