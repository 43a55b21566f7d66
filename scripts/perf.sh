#!/usr/bin/env bash
# Times the release binary over the corpus file list repeated 10 times, beside the jieba-rs baseline
# (cut with HMM over the same decoded text), single-threaded, and prints both times, the ratio and peak
# memory; then zhibiao on 2 threads and its speed-up over 1.
#
# A shared machine's speed drifts by 10% and more from one minute to the next, so the three commands run
# in turn, ROUNDS times, and the medians are compared: a drift then touches all three alike.
# Usage: scripts/perf.sh [CORPUS_DIR] [REPEAT]   (ROUNDS=5 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus}
repeat=${2:-10}
rounds=${ROUNDS:-5}
cargo build --release --quiet --bin zhibiao --example jieba_baseline
mapfile -t files < <(find "$corpus" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.csv' -o -name '*.tmx' \) | sort)
list=()
for _ in $(seq "$repeat"); do list+=("${files[@]}"); done
bytes=$(cat "${files[@]}" | wc -c)
echo "files: ${#files[@]} x $repeat, $((bytes * repeat / 1000000)) MB of input, $rounds rounds"
if [ ! -x /usr/bin/time ]; then apt-get install -y -qq time >/dev/null; fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
measure() { # name, command... : appends "name seconds peak_MB" to the log
  local name=$1 out
  shift
  out=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$out" || { cat "$out"; exit 1; }
  awk -v n="$name" -F': ' '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i] }
    /Maximum resident set size/ { m = int($2 / 1024) }
    END { print n, s, m }' "$out" >>"$log"
  rm -f "$out"
}
for r in $(seq "$rounds"); do
  measure jieba_cut_hmm target/release/examples/jieba_baseline "${list[@]}"
  RAYON_NUM_THREADS=1 measure zhibiao_1_thread target/release/zhibiao extract -j 1 "${list[@]}"
  measure zhibiao_2_threads target/release/zhibiao extract -j 2 "${list[@]}"
done
awk '
  { t[$1] = t[$1] " " $2; if ($3 > m[$1]) m[$1] = $3 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    for (k in t) { med[k] = median(t[k]); printf "%s: median %.2fs (runs:%s), peak %d MB\n", k, med[k], t[k], m[k] }
    b = med["jieba_cut_hmm"]; o = med["zhibiao_1_thread"]; w = med["zhibiao_2_threads"]
    printf "ratio zhibiao(1 thread) / jieba cut: %.2f (goal <= 0.9, aim 0.5)\n", o / b
    printf "speed-up 2 threads over 1: %.2fx (goal >= 1.7)\n", o / w
  }' "$log"
