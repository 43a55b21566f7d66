"""The Python package against the CLI: the same rows, the same Parquet types, errors as exceptions.

The CLI binary is the one `cargo build` makes of this checkout (its path from cargo's own messages), or
the one ZHIBIAO_BIN names.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import time
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

import zhibiao

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.startswith("."))
SEED = SAMPLES / "示例县_2025_法治政府建设情况报告.txt"
GBK = SAMPLES / "示例区_2023_政府工作报告_gbk.txt"


@pytest.fixture(scope="session")
def cli() -> str:
    """The zhibiao binary of this checkout."""
    if os.environ.get("ZHIBIAO_BIN"):
        return os.environ["ZHIBIAO_BIN"]
    out = subprocess.run(
        ["cargo", "build", "--quiet", "--bin", "zhibiao", "--message-format=json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for line in out.splitlines():
        msg = json.loads(line)
        if msg.get("reason") == "compiler-artifact" and msg.get("executable"):
            return msg["executable"]
    raise RuntimeError("cargo build gave no zhibiao executable")


def run_cli(cli: str, *args: str, stdin: bytes | None = None) -> bytes:
    r = subprocess.run([cli, *args], input=stdin, capture_output=True, cwd=ROOT)
    assert r.returncode in (0, 1), r.stderr.decode()
    return r.stdout


def jsonl(cli: str, *args: str, stdin: bytes | None = None) -> list[dict]:
    out = run_cli(cli, *args, "--format", "jsonl", "--quiet", stdin=stdin)
    return [json.loads(line, parse_float=Decimal) for line in out.decode().splitlines()]


def schema(cli: str, table: str) -> dict:
    return json.loads(run_cli(cli, "schema", table))


def without_deprecated(rows: list[dict], sch: dict) -> list[dict]:
    """CLI rows without the old names a JSON row carries beside the new ones for one release."""
    old = {k for k, v in sch["properties"].items() if v.get("deprecated")}
    return [{k: v for k, v in r.items() if k not in old} for r in rows]


def assert_typed(rows: list[dict], sch: dict) -> None:
    """Every cell has the Python type the JSON Schema gives its column (decimals as Decimal)."""
    names = sch["required"]
    for r in rows:
        assert list(r) == names
        for k, v in r.items():
            p = sch["properties"][k]
            types = p["type"] if isinstance(p["type"], list) else [p["type"]]
            if v is None:
                assert "null" in types, k
            elif p.get("x-zhibiao-type") == "decimal":
                assert type(v) is Decimal, (k, v)
            elif "integer" in types:
                assert type(v) is int, (k, v)
            else:
                assert type(v) is str, (k, v)
                if "enum" in p:
                    assert v in p["enum"], (k, v)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_rows_equal_the_cli_jsonl(cli, path):
    sch = schema(cli, "extract")
    ours = zhibiao.extract(str(path))
    theirs = without_deprecated(jsonl(cli, "extract", str(path)), sch)
    assert len(ours) > 0
    assert ours == theirs
    assert_typed(ours, sch)


def test_a_directory_is_every_file_in_order_as_on_the_command_line(cli):
    ours = zhibiao.extract(SAMPLES)
    assert ours == without_deprecated(jsonl(cli, "extract", str(SAMPLES)), schema(cli, "extract"))
    assert len({r["doc"] for r in ours}) >= len(SAMPLE_FILES)


def test_the_corpus_gives_the_cli_rows(cli):
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"no corpus at {corpus}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", zhibiao.ReadWarning)  # the CLI's stderr lines
        ours = zhibiao.extract(corpus, errors="warn")
    out = subprocess.run([cli, "extract", "--format", "jsonl", "-q", str(corpus)], capture_output=True, cwd=ROOT)
    theirs = [json.loads(line, parse_float=Decimal) for line in out.stdout.decode().splitlines()]
    assert len(ours) > 1000
    assert ours == without_deprecated(theirs, schema(cli, "extract"))


def test_text_and_bytes_read_as_stdin_is(cli):
    text = SEED.read_text(encoding="utf-8")
    cli_rows = without_deprecated(jsonl(cli, "extract", "-", stdin=text.encode()), schema(cli, "extract"))
    assert {r["doc"] for r in cli_rows} == {"-"}
    for given, name in [(text, "<text>"), (text.encode(), "<bytes>")]:
        rows = zhibiao.extract(given)
        assert rows == [{**r, "doc": name} for r in cli_rows]


def test_gbk_file_detected_and_forced(cli):
    sch = schema(cli, "extract")
    forced = zhibiao.extract(GBK, encoding="gbk")
    assert forced == without_deprecated(jsonl(cli, "extract", "--encoding", "gbk", str(GBK)), sch)
    assert forced == zhibiao.extract(GBK)
    with pytest.raises(ValueError, match="unknown encoding"):
        zhibiao.extract(GBK, encoding="no-such-encoding")


def test_no_subjects_and_all_are_the_cli_flags(cli):
    sch = schema(cli, "extract")
    assert zhibiao.extract(str(SEED), subjects=False) == without_deprecated(
        jsonl(cli, "extract", "--no-subjects", str(SEED)), sch
    )
    every = zhibiao.extract(str(SEED), all=True)
    assert every == without_deprecated(jsonl(cli, "extract", "--all", str(SEED)), sch)
    assert {r["kind"] for r in every} - {r["kind"] for r in zhibiao.extract(str(SEED))} >= {"year"}


def test_seed_report_in_three_lines():
    df = zhibiao.extract_df(SEED)
    crimes = df[df["subject"] == "刑事案件"]
    assert crimes[["kind", "value", "unit"]].values.tolist()[:3] == [
        ["quantity", Decimal("360"), "起"],
        ["change_abs", Decimal("-90"), "起"],
        ["change_pct", Decimal("-20"), "%"],
    ]


def test_dataframe_has_the_parquet_columns_and_types(cli):
    pd = pytest.importorskip("pandas")
    sch = schema(cli, "extract")
    df = zhibiao.extract_df([str(p) for p in SAMPLE_FILES])
    assert list(df.columns) == sch["required"]
    assert len(df) == len(zhibiao.extract_many([str(p) for p in SAMPLE_FILES]))
    for name, p in sch["properties"].items():
        if name not in df.columns:
            continue
        dtype = df[name].dtype
        if p.get("x-zhibiao-type") == "decimal":
            assert dtype == object, name
            assert all(v is None or type(v) is Decimal for v in df[name]), name
        elif "integer" in p["type"]:
            assert dtype == pd.Int64Dtype(), name
        else:
            assert isinstance(dtype, pd.StringDtype) and dtype.na_value is pd.NA, name
    assert df["year"].isna().sum() == 0 and df["value_max"].isna().any()


def test_dataframe_is_the_cli_parquet_as_pandas_reads_it(cli, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "samples.parquet"
    run_cli(cli, "extract", "-q", "-o", str(out), *map(str, SAMPLE_FILES))
    expected = pd.read_parquet(out, dtype_backend="numpy_nullable")
    pd.testing.assert_frame_equal(zhibiao.extract_df(SAMPLE_FILES), expected)


def test_to_arrow_is_the_cli_parquet_schema_and_values(cli, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "samples.parquet"
    run_cli(cli, "extract", "-q", "-o", str(out), *map(str, SAMPLE_FILES))
    expected = pq.read_table(out)
    table = zhibiao.to_arrow(SAMPLE_FILES)
    assert table.schema.equals(expected.schema, check_metadata=True), (table.schema, expected.schema)
    assert table.equals(expected)
    assert table.schema.metadata[b"schema_version"] == str(zhibiao.SCHEMA_VERSION).encode()


def test_polars_reads_the_arrow_table_as_the_cli_parquet(cli, tmp_path):
    pl = pytest.importorskip("polars")
    pytest.importorskip("pyarrow")
    out = tmp_path / "samples.parquet"
    run_cli(cli, "extract", "-q", "-o", str(out), *map(str, SAMPLE_FILES))
    df = pl.from_arrow(zhibiao.to_arrow(SAMPLE_FILES))
    assert df.schema["value"] == pl.Decimal(38, 9)
    assert df.equals(pl.read_parquet(out))


def test_verify_equals_the_cli(cli):
    sch = schema(cli, "verify")
    ours = zhibiao.verify(SAMPLES)
    assert len(ours) > 0
    assert ours == without_deprecated(jsonl(cli, "verify", "--no-fail", str(SAMPLES)), sch)
    assert_typed(ours, sch)


@pytest.mark.parametrize(
    "flags,kwargs,table",
    [([], {}, "compare"), (["--long"], {"long": True}, "compare-long"), (["--claims"], {"claims": True}, "claims")],
)
def test_compare_equals_the_cli(cli, flags, kwargs, table):
    ours = zhibiao.compare(SAMPLES, **kwargs)
    assert len(ours) > 0
    assert ours == jsonl(cli, "compare", *flags, str(SAMPLES))
    if table != "compare":  # the wide table's year columns are not known before reading
        assert_typed(ours, schema(cli, table))


def test_compare_as_a_frame():
    pd = pytest.importorskip("pandas")
    df = zhibiao.compare(SAMPLES, output="pandas")
    assert len(df) == len(zhibiao.compare(SAMPLES))
    assert df["years"].dtype == pd.Int64Dtype()


def test_a_bad_file_raises_read_error_naming_it(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(zhibiao.ReadError) as e:
        zhibiao.extract(bad)
    assert e.value.path == str(bad)
    assert str(e.value).startswith(f"{bad}: ")
    assert e.value.reason

    missing = tmp_path / "missing.txt"
    with pytest.raises(zhibiao.ReadError, match="missing.txt"):
        zhibiao.extract(str(missing))  # a str that looks like a file name is a path, not a report
    with pytest.raises(zhibiao.ReadError):
        zhibiao.extract_df([SEED, bad])
    with pytest.raises(zhibiao.ReadError):
        zhibiao.verify(tmp_path)


def test_other_files_go_on_when_asked(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 1000)
    with pytest.warns(zhibiao.ReadWarning, match="bad.txt"):
        rows = zhibiao.extract_many([bad, SEED], errors="warn")
    assert rows == zhibiao.extract(SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert zhibiao.extract_many([bad, SEED], errors="ignore") == rows


def test_a_damaged_file_warns_and_keeps_its_figures(tmp_path):
    text = SEED.read_bytes()
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(text[:200] + b"\xff" + text[200:])
    with pytest.warns(zhibiao.ReadWarning, match="undecodable"):
        rows = zhibiao.extract(damaged)
    assert len(rows) == len(zhibiao.extract(SEED))
    with pytest.raises(zhibiao.ReadError, match="damaged.txt"):
        zhibiao.extract(damaged, strict_decoding=True)


def test_bad_arguments_are_python_errors():
    with pytest.raises(TypeError):
        zhibiao.extract(42)
    with pytest.raises(ValueError):
        zhibiao.extract(SEED, errors="sometimes")
    with pytest.raises(ValueError):
        zhibiao.compare(SAMPLES, long=True, claims=True)


def test_many_files_in_parallel_keep_the_input_order(tmp_path):
    # Files of very different sizes, given in an order that is neither sorted nor by size: a worker that
    # finishes a small file first must not put it first.
    sources = [SEED, GBK, SAMPLES / "示例市_2024_统计公报.md"]
    paths = []
    for i in range(24):
        src = sources[i % 3]
        p = tmp_path / f"{(i * 7) % 24:02d}_{src.name}"
        if i % 4 == 0:
            p.write_bytes(src.read_bytes() * 20)  # a long one
        else:
            shutil.copy(src, p)
        paths.append(p)
    rows = zhibiao.extract_many(paths, jobs=4)
    docs = []
    for r in rows:
        if not docs or docs[-1] != r["doc"]:
            docs.append(r["doc"])
    assert docs == [str(p) for p in paths]
    assert rows == [r for p in paths for r in zhibiao.extract(p)]


def test_extract_many_releases_the_gil(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() * 200)
    paths = [big] * 4
    zhibiao.extract(SEED)  # the analyzer and jieba loaded
    ticks = []
    worker = threading.Thread(target=lambda: zhibiao.extract_many(paths, jobs=1))
    start = time.perf_counter()
    worker.start()
    while worker.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.002)
    worker.join()
    took = time.perf_counter() - start
    # The share of the call during which this thread ran (woke at least every 50 ms): the reading and
    # analysis run with the GIL released, only making the Python objects at the end holds it. A call that
    # held the GIL throughout would leave this thread asleep until it returned.
    ran = sum(b - a for a, b in zip(ticks, ticks[1:]) if b - a < 0.05)
    assert took > 0.1, "too little work to tell"
    assert ran / took > 0.3, (took, ran)
