#!/usr/bin/env bash
# Times the release binary over the corpus file list repeated 10 times, beside the jieba-rs baseline
# (cut with HMM over the same decoded text), single-threaded, and prints both times, the ratio and peak
# memory. Usage: scripts/perf.sh [CORPUS_DIR] [REPEAT]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
repeat=${2:-10}
cargo build --release --quiet --bin zhibiao --example jieba_baseline
mapfile -t files < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.csv' -o -name '*.tmx' \) | sort)
list=()
for _ in $(seq "$repeat"); do list+=("${files[@]}"); done
bytes=$(cat "${files[@]}" | wc -c)
echo "files: ${#files[@]} x $repeat, $((bytes * repeat / 1000000)) MB of input"
measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -v "$@" >/dev/null 2>/tmp/zhibiao-perf-$name.txt || { cat /tmp/zhibiao-perf-$name.txt; exit 1; }
  local secs mem
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2,t,":"); s=0; for(i=1;i<=length(t);i++) s=s*60+t[i]; print s}' /tmp/zhibiao-perf-$name.txt)
  mem=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' /tmp/zhibiao-perf-$name.txt)
  echo "$name: ${secs}s, peak ${mem} MB" >&2
  echo "$secs"
}
if [ ! -x /usr/bin/time ]; then apt-get install -y -qq time >/dev/null; fi
base=$(measure jieba_cut_hmm target/release/examples/jieba_baseline "${list[@]}")
one=$(RAYON_NUM_THREADS=1 measure zhibiao_1_thread target/release/zhibiao extract -j 1 "${list[@]}")
two=$(measure zhibiao_2_threads target/release/zhibiao extract -j 2 "${list[@]}")
awk -v b="$base" -v o="$one" -v t="$two" 'BEGIN {
  printf "ratio zhibiao(1 thread) / jieba cut: %.2f (goal <= 1.0, aim 0.5)\n", o / b;
  printf "speed-up 2 threads over 1: %.2fx (goal >= 1.8)\n", o / t }'
