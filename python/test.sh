#!/usr/bin/env bash
# The Python package's tests: a venv with maturin, pytest and pandas (pyarrow, polars if they install), the wheel
# built with `maturin build --release` and installed, then pytest. `.ci/run` runs this after `cargo test`.
#
# The bindings crate builds in python/target (ZHIBIAO_PY_TARGET), apart from the main crate's target/.
# The tests compare with the CLI `cargo build` makes of this checkout (or ZHIBIAO_BIN).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
venv="${ZHIBIAO_VENV:-$here/.venv}"
python="${PYTHON:-python3}"

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv" 2>/dev/null || {
    "$python" -m pip install -q --user virtualenv && "$python" -m virtualenv -q "$venv"
  }
fi
pip=("$venv/bin/python" -m pip --disable-pip-version-check -q)
"${pip[@]}" install maturin pytest pandas
"${pip[@]}" install pyarrow || echo "test.sh: pyarrow not installed; the Arrow and Parquet tests will skip"
"${pip[@]}" install polars || echo "test.sh: polars not installed; its test will skip"

start=$(date +%s)
rm -rf "$here/dist"
CARGO_TARGET_DIR="${ZHIBIAO_PY_TARGET:-$here/target}" nice -n 10 "$venv/bin/maturin" build --release -o "$here/dist"
wheel=$(ls "$here"/dist/zhibiao-*.whl)
echo "test.sh: wheel built in $(( $(date +%s) - start )) s: $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KB"
"${pip[@]}" install --force-reinstall --no-deps "$wheel"

# From outside python/, so that `import zhibiao` is the installed wheel, not the source folder.
cd "$here/tests"
"$venv/bin/python" -c 'import zhibiao, sys; print("test.sh: testing", zhibiao.__file__)'
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$here/tests" "$@"
