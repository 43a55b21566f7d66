#!/usr/bin/env bash
# Counts instructions (valgrind --tool=callgrind, steady on a noisy machine) of `zhibiao extract -j 1`
# and of the jieba-rs baseline (cut, HMM on) over the same corpus files, and prints the ratio.
# Usage: scripts/callgrind.sh [CORPUS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
cargo build --release --quiet --bin zhibiao --example jieba_baseline
mapfile -t files < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.csv' -o -name '*.tmx' \) | sort)
out=$(mktemp -d)
count() { # name, command...
  local name=$1; shift
  valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" "$@" >/dev/null 2>"$out/$name.log"
  grep -E "Collected" "$out/$name.log" | awk '{print $NF}'
}
base=$(count jieba target/release/examples/jieba_baseline "${files[@]}")
ours=$(count zhibiao target/release/zhibiao extract -j 1 "${files[@]}")
echo "instructions: jieba cut (HMM) $base, zhibiao extract $ours"
awk -v b="$base" -v o="$ours" 'BEGIN { printf "ratio zhibiao / jieba: %.2f\n", o / b }'
echo "profiles: $out/*.out (callgrind_annotate FILE)"
