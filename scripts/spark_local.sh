#!/usr/bin/env bash
# Scale-out check, opt-in (not part of the tests): installs pyspark (~450 MB download) into a throwaway
# venv, runs a local[2] Spark job that pipes the corpus through the release binary with rdd.pipe, both as
# a file list (`extract --files-from -`) and as documents (`extract --stdin-jsonl`), and compares the rows
# with a direct run. Prints OK or DIFF. Needs Java 17+ and python3.
#
#   scripts/spark_local.sh [CORPUS_DIR]        (default ../shared/corpus)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/../shared/corpus}
bin=$root/target/release/zhibiao
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
java -version >/dev/null 2>&1 || { echo "Spark needs Java (java -version fails)" >&2; exit 1; }
(cd "$root" && cargo build --release --quiet)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet pyspark
"$tmp/venv/bin/python" "$root/scripts/spark_pipe.py" "$bin" "$corpus"
