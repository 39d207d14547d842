#!/usr/bin/env bash
# Writes the candidate dumps scripts/tune_fusion.py fits on, into DUMPS (default /tmp/dumps).
# Tuning data only: StackFAQ (the script keeps set A), SciFact train, two out-of-scope pairings
# (SciFact train claims asked of StackFAQ's corpus, StackFAQ questions asked of SciFact's), and
# the seed's tuning questions. Run from the project root after `mvn -B -o package`.
set -euo pipefail
out=${1:-/tmp/dumps}
bench=../shared/benchmarks
mkdir -p "$out"
run() { java -jar target/briefbot.jar eval "$@"; }

cross() { # cross NAME CORPUS_OF QUERIES_OF QRELS_FILE: every query of QRELS_FILE, no relevant passage
  local dir="$out/$1"
  mkdir -p "$dir/qrels"
  ln -sf "$(realpath "$bench/$2/corpus.jsonl")" "$dir/corpus.jsonl"
  ln -sf "$(realpath "$bench/$3/queries.jsonl")" "$dir/queries.jsonl"
  { printf 'query-id\tcorpus-id\tscore\n'; tail -n +2 "$bench/$3/qrels/$4" | cut -f1 | sort -u | awk '{print $1"\tnone\t1"}'; } > "$dir/qrels/test.tsv"
}
cross cross-scifact-on-stackfaq stackfaq scifact train.tsv
cross cross-stackfaq-on-scifact scifact stackfaq test.tsv

run --beir "$bench/stackfaq" --dump-candidates "$out/stackfaq.tsv"
run --beir "$bench/stackfaq-answers-only" --dump-candidates "$out/stackfaq-answers-only.tsv"
run --beir "$bench/scifact" --split train --dump-candidates "$out/scifact-train.tsv"
run --beir "$out/cross-scifact-on-stackfaq" --dump-candidates "$out/cross-scifact-on-stackfaq.tsv"
run --beir "$out/cross-stackfaq-on-scifact" --dump-candidates "$out/cross-stackfaq-on-scifact.tsv"
run src/test/resources/tuning/seed-dev.jsonl --dump-candidates "$out/seed-dev.tsv"
