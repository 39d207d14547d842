"""The bot's sentence model in PyTorch, for the scripts that fine-tune it (bench/answer-judge,
bench/sentence-model): all-MiniLM-L6-v2's uncased WordPiece tokenizer as the bot's tokenizer reads
it, its transformer layer, and its float weights from the ONNX file in the langchain4j artifact.
"""
import json, math, unicodedata
import onnx, torch, torch.nn as nn
from onnx import numpy_helper


class WordPiece:
    """BERT's uncased tokenizer over the vocabulary of the sentence model's tokenizer.json."""

    def __init__(self, tokenizer_json):
        self.vocab = json.load(open(tokenizer_json))['model']['vocab']
        self.CLS, self.SEP, self.PAD, self.UNK = (self.vocab[t] for t in ('[CLS]', '[SEP]', '[PAD]', '[UNK]'))

    @staticmethod
    def normalise(t):  # control characters out, lower case, accents off
        t = ''.join(' ' if c in '\t\n\r' or unicodedata.category(c) == 'Zs' else c for c in t
                    if not (ord(c) in (0, 0xfffd) or unicodedata.category(c) in ('Cc', 'Cf')))
        return ''.join(c for c in unicodedata.normalize('NFD', t.lower()) if unicodedata.category(c) != 'Mn')

    @staticmethod
    def punctuation(c):
        cp = ord(c)
        return 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or unicodedata.category(c).startswith('P')

    def words(self, t):
        out = []
        for w in self.normalise(t).split():
            cur = ''
            for c in w:
                if self.punctuation(c):
                    if cur: out.append(cur); cur = ''
                    out.append(c)
                else:
                    cur += c
            if cur: out.append(cur)
        return out

    def wordpieces(self, w):
        if len(w) > 100: return [self.UNK]
        ids, start = [], 0
        while start < len(w):
            end, piece = len(w), None
            while start < end:
                sub = w[start:end] if start == 0 else '##' + w[start:end]
                if sub in self.vocab: piece = self.vocab[sub]; break
                end -= 1
            if piece is None: return [self.UNK]
            ids.append(piece); start = end
        return ids

    def ids(self, text):
        return [i for w in self.words(text) for i in self.wordpieces(w)]

    def pair(self, question, passage, max_len, max_question=48):
        """Token ids and type ids of a question and a passage read together, as the bot's answer
        judge reads them (CrossEncoderJudge.pair): the question cut at max_question tokens, the
        passage cut so that the pair fits max_len."""
        q = self.ids(question)[:max_question]
        p = self.ids(passage)[:max_len - 3 - len(q)]
        return [self.CLS] + q + [self.SEP] + p + [self.SEP], [0] * (len(q) + 2) + [1] * (len(p) + 1)


class Layer(nn.Module):
    def __init__(s):
        super().__init__()
        s.q, s.k, s.v, s.o = (nn.Linear(384, 384) for _ in range(4))
        s.ln1, s.ln2 = nn.LayerNorm(384, eps=1e-12), nn.LayerNorm(384, eps=1e-12)
        s.i, s.out = nn.Linear(384, 1536), nn.Linear(1536, 384)

    def forward(s, x, bias):
        B, L, _ = x.shape
        heads = lambda t: t.view(B, L, 12, 32).transpose(1, 2)
        a = torch.softmax(heads(s.q(x)) @ heads(s.k(x)).transpose(-1, -2) / math.sqrt(32) + bias, -1) @ heads(s.v(x))
        x = s.ln1(x + s.o(a.transpose(1, 2).reshape(B, L, 384)))
        return s.ln2(x + s.out(nn.functional.gelu(s.i(x))))


class Body(nn.Module):
    """Embeddings and six layers: the token states both scripts pool their own way."""

    def __init__(s):
        super().__init__()
        s.we, s.pe, s.te = nn.Embedding(30522, 384), nn.Embedding(512, 384), nn.Embedding(2, 384)
        s.ln = nn.LayerNorm(384, eps=1e-12)
        s.layers = nn.ModuleList([Layer() for _ in range(6)])

    def states(s, ids, mask, types=None):
        types = torch.zeros_like(ids) if types is None else types
        x = s.ln(s.we(ids) + s.pe(torch.arange(ids.shape[1]))[None] + s.te(types))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for layer in s.layers: x = layer(x, bias)
        return x


class Scorer(Body):
    """MiniLM's layers, mean pooling as in the sentence model, one logit: a question and a passage
    read together as one pair (the answer judge, the reranker)."""

    def __init__(s):
        super().__init__()
        s.head = nn.Linear(384, 1)

    def forward(s, ids, types, mask):
        x = s.states(ids, mask, types)
        return s.head((x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)).squeeze(-1)


def load(model, onnx_file):
    """Copies the ONNX file's weights into a Body (or a module with its we, pe, te, ln and layers)."""
    m = onnx.load(onnx_file)
    w = {i.name: torch.tensor(numpy_helper.to_array(i).copy()) for i in m.graph.initializer}
    for n in m.graph.node:  # the exported graph names its weight matrices by their MatMul node
        if n.op_type == 'MatMul':
            for x in n.input:
                if x.startswith('onnx::MatMul'):
                    w[n.name.strip('/').replace('/MatMul', '').replace('/', '.') + '.weight'] = w[x].t().contiguous()
    put = lambda dst, name: dst.data.copy_(w[name])
    put(model.we.weight, 'embeddings.word_embeddings.weight'); put(model.pe.weight, 'embeddings.position_embeddings.weight')
    put(model.te.weight, 'embeddings.token_type_embeddings.weight')
    put(model.ln.weight, 'embeddings.LayerNorm.weight'); put(model.ln.bias, 'embeddings.LayerNorm.bias')
    for k, l in enumerate(model.layers):
        p = f'encoder.layer.{k}.'
        for mod, name in [(l.q, 'attention.self.query'), (l.k, 'attention.self.key'), (l.v, 'attention.self.value'),
                          (l.o, 'attention.output.dense'), (l.i, 'intermediate.dense'), (l.out, 'output.dense')]:
            put(mod.weight, p + name + '.weight'); put(mod.bias, p + name + '.bias')
        put(l.ln1.weight, p + 'attention.output.LayerNorm.weight'); put(l.ln1.bias, p + 'attention.output.LayerNorm.bias')
        put(l.ln2.weight, p + 'output.LayerNorm.weight'); put(l.ln2.bias, p + 'output.LayerNorm.bias')
