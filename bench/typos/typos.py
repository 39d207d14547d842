"""Writes a gold file's questions with one typo each, for `eval`: the same questions and expected
answers, each question's longest word of five letters or more (a tie: the first) changed by one
slip a phone keyboard makes: a letter dropped, two neighbours swapped, a letter doubled, or a
neighbouring key hit instead. Which slip, and where in the word, follow from a hash of the question,
so a file always gets the same typos. Questions without such a word are left out.

Usage: python3 bench/typos/typos.py GOLD.jsonl OUT.jsonl
"""
import hashlib, json, re, sys

# Keys beside each letter on a QWERTY keyboard.
ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
NEAR = {}
for row in ROWS:
    for i, c in enumerate(row):
        NEAR[c] = (row[i - 1] if i > 0 else '') + (row[i + 1] if i + 1 < len(row) else '')


def slip(word, seed):
    at = 1 + seed % (len(word) - 2)  # never the first or last letter
    kind = (seed // 7) % 4
    if kind == 0:
        return word[:at] + word[at + 1:]
    if kind == 1:
        return word[:at] + word[at + 1] + word[at] + word[at + 2:] if word[at] != word[at + 1] \
            else word[:at] + word[at + 1:]
    if kind == 2:
        return word[:at] + word[at] + word[at:]
    near = NEAR.get(word[at].lower(), '')
    return word[:at] + (near[seed % len(near)] if near else '') + word[at + 1:]


def with_typo(question):
    words = [w for w in re.findall(r"[A-Za-z]+", question) if len(w) >= 5]
    if not words:
        return None
    word = max(words, key=len)
    seed = int(hashlib.sha256(question.encode('utf-8')).hexdigest(), 16)
    typo = slip(word, seed)
    return re.sub(r'\b' + word + r'\b', typo, question, count=1)


def main(source, target):
    written = 0
    with open(source, encoding='utf-8') as gold, open(target, 'w', encoding='utf-8') as out:
        for line in gold:
            if not line.strip():
                continue
            entry = json.loads(line)
            typo = with_typo(entry['q'])
            if typo and typo != entry['q']:
                out.write(json.dumps({**entry, 'q': typo}, ensure_ascii=False) + '\n')
                written += 1
    print(written, 'questions with a typo written to', target)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
