#!/usr/bin/env python3
"""Messages asking two questions, made from an `eval` gold file (docs/retrieval.md,
"Several questions in one message").

usage: bench/compound-questions.py GOLD OUT_PREFIX
writes OUT_PREFIX-two.jsonl (two answerable questions), OUT_PREFIX-mixed.jsonl (one out of
scope) and OUT_PREFIX-oos.jsonl (both out of scope), each in the gold format; then
    java -jar target/briefbot.jar eval OUT_PREFIX-two.jsonl --knowledge DIR --json --chat
"""
import json
import sys


def joined(first, second):
    return first["q"].rstrip("?. ") + "? " + second["q"].rstrip("?. ") + "?"


def main(gold, prefix):
    questions = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    with open(prefix + "-two.jsonl", "w", encoding="utf-8") as two:
        # Gold files list each article's questions together: the next answerable question is
        # almost always the same story's. Every second pair, so no question is used twice.
        pairs = [(a, b) for a, b in zip(questions, questions[1:]) if a.get("expect") and b.get("expect")]
        for n, (a, b) in enumerate(pairs):
            if n % 2 == 1:
                two.write(json.dumps({"q": joined(a, b), "expect": a["expect"] + b["expect"]}) + "\n")
    with open(prefix + "-mixed.jsonl", "w", encoding="utf-8") as mixed:
        n = 0
        for i, q in enumerate(questions):
            if q.get("expect"):
                continue
            before = next((questions[j] for j in range(i - 1, -1, -1) if questions[j].get("expect")), None)
            if before:
                pair = (before, q) if n % 2 == 0 else (q, before)
                mixed.write(json.dumps({"q": joined(*pair), "expect": before["expect"]}) + "\n")
                n += 1
    with open(prefix + "-oos.jsonl", "w", encoding="utf-8") as oos:
        out = [q for q in questions if not q.get("expect")]
        for a, b in zip(out[0::2], out[1::2]):
            oos.write(json.dumps({"q": joined(a, b), "expect": []}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
