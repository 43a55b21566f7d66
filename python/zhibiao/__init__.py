"""zhibiao (指标): indicators from Chinese government reports, in Python.

The Rust library runs in-process (no subprocess): ``extract`` gives the rows ``zhibiao extract`` writes,
``extract_df`` the same as a pandas DataFrame typed like the CLI's Parquet, ``to_arrow`` a pyarrow Table
with the Parquet's very schema, ``verify`` and ``compare`` the tables of ``zhibiao verify`` and
``zhibiao compare``. Files are read and analysed in parallel with the GIL released; rows keep the order
of the inputs (directories expanded recursively, sorted, as on the command line).

An input is a path (``str`` or ``os.PathLike``; a directory means every file in it), the text of a
report (a ``str`` that is not a path), or a file's content as ``bytes`` (encoding detected, as for a
file). A ``str`` is taken as a path when it names an existing file or directory, or when it looks like a
file name (one line, no spaces, ends in an extension such as ``.txt``), so that a mistyped path raises
``ReadError`` rather than being read as a report; pass ``pathlib.Path`` to say so explicitly.

    >>> import zhibiao
    >>> df = zhibiao.extract_df("全年立刑事案件428起,同比减少153起,下降26.33%。")
    >>> df[["subject", "kind", "value", "unit"]].values.tolist()[0]
    ['刑事案件', 'quantity', Decimal('428'), '起']
"""

from __future__ import annotations

import os
import re
import warnings
from typing import Any, Iterable, Literal, Sequence, Union

from . import _zhibiao

__all__ = [
    "extract",
    "extract_many",
    "extract_df",
    "to_arrow",
    "verify",
    "compare",
    "ReadError",
    "ReadWarning",
    "SCHEMA_VERSION",
    "DECIMAL_SCALE",
]

#: The version of the table schemas (the ``schema_version`` column), as ``zhibiao schema`` prints it.
SCHEMA_VERSION: int = _zhibiao.SCHEMA_VERSION
#: Decimal places of the value columns in Parquet and Arrow (``decimal128(38, 9)``).
DECIMAL_SCALE: int = _zhibiao.DECIMAL_SCALE

Input = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview]
Output = Literal["rows", "pandas", "arrow"]
Errors = Literal["raise", "warn", "ignore"]


class ReadError(Exception):
    """A file (or archive member, CSV row …) that could not be read.

    ``path`` is the file as the CLI names it, ``reason`` what is wrong, ``errors`` every failure of the
    call as ``(path, reason)`` pairs (the first is ``path``, ``reason``); ``str(e)`` is the CLI's line
    ``PATH: reason``.
    """

    def __init__(self, path: str, reason: str, errors: Sequence[tuple[str, str]] = ()):
        self.path = path
        self.reason = reason
        self.errors = list(errors) or [(path, reason)]
        more = len(self.errors) - 1
        tail = f" (and {more} more that could not be read)" if more else ""
        super().__init__(f"{path}: {reason}{tail}")


class ReadWarning(UserWarning):
    """A file read all the same, with a note (a few undecodable bytes replaced with U+FFFD …)."""


# One line, no blanks or sentence punctuation, ending in a file extension: a file name.
_FILE_NAME = re.compile(r"[^\s。，,；;：:！!？?、（）()]*\.[A-Za-z][A-Za-z0-9]{0,5}")


def _looks_like_path(s: str) -> bool:
    if not s or len(s) > 4096 or "\n" in s or "\r" in s or "\0" in s:
        return False
    return os.path.exists(s) or _FILE_NAME.fullmatch(s) is not None


def _resolve(x: Any, n: int | None) -> tuple:
    """One input as the native side takes it; ``n`` numbers texts given among many (``<text 2>``)."""
    suffix = "" if n is None else f" {n}"
    if isinstance(x, os.PathLike):
        p = os.fspath(x)
        if isinstance(p, bytes):
            p = os.fsdecode(p)
        return ("path", p)
    if isinstance(x, (bytes, bytearray, memoryview)):
        return ("bytes", f"<bytes{suffix}>", bytes(x))
    if isinstance(x, str):
        return ("path", x) if _looks_like_path(x) else ("text", f"<text{suffix}>", x)
    raise TypeError(f"expected a path, a report's text or bytes, not {type(x).__name__}")


def _many(xs: Any) -> list[tuple]:
    if isinstance(xs, (str, bytes, bytearray, memoryview, os.PathLike)):
        return [_resolve(xs, None)]
    try:
        items = list(xs)
    except TypeError:
        return [_resolve(xs, None)]  # not an input either: says what it expected
    return [_resolve(x, i + 1) for i, x in enumerate(items)]


class _Table:
    """What the native side returns: a table's name, its typed columns, and the problems met reading."""

    def __init__(self, raw: tuple, errors: Errors):
        self.name, self.columns, problems = raw
        failures = [(p, m) for p, m, warning in problems if not warning]
        notes = [(p, m) for p, m, warning in problems if warning]
        if errors not in ("raise", "warn", "ignore"):
            raise ValueError(f"errors must be 'raise', 'warn' or 'ignore', not {errors!r}")
        if errors != "ignore":
            for p, m in notes:
                warnings.warn(f"{p}: {m}", ReadWarning, stacklevel=4)
        if failures and errors == "raise":
            raise ReadError(failures[0][0], failures[0][1], failures)
        if errors == "warn":
            for p, m in failures:
                warnings.warn(f"{p}: {m}", ReadWarning, stacklevel=4)
        self.failures = failures

    def names(self) -> list[str]:
        return [c[0] for c in self.columns]

    def rows(self) -> list[dict[str, Any]]:
        names = self.names()
        return [dict(zip(names, values)) for values in zip(*(c[3] for c in self.columns))]

    def to_pandas(self):
        """Typed as ``pd.read_parquet(cli_output, dtype_backend="numpy_nullable")`` reads the CLI's Parquet:
        text ``string``, whole numbers ``Int64``, values ``object`` holding exact ``decimal.Decimal``."""
        import pandas as pd

        data = {}
        for name, ty, _nullable, values, _decimals in self.columns:
            if ty in ("text", "enum"):
                data[name] = pd.array(values, dtype=pd.StringDtype())
            elif ty == "int":
                data[name] = pd.array(values, dtype="Int64")
            else:
                data[name] = pd.Series(values, dtype=object)
        return pd.DataFrame(data, columns=self.names())

    def to_arrow(self):
        """The schema of the CLI's Parquet: ``string``, ``int64``, ``decimal128(38, 9)``, nullability and the
        key-value metadata (``schema_version``, ``zhibiao.table``) as written."""
        try:
            import pyarrow as pa
        except ImportError as e:  # pragma: no cover - depends on the environment
            raise ImportError("to_arrow needs pyarrow: pip install pyarrow") from e
        fields, arrays = [], []
        for name, ty, nullable, values, decimals in self.columns:
            if ty in ("text", "enum"):
                arr = pa.array(values, type=pa.string())
            elif ty == "int":
                arr = pa.array(values, type=pa.int64())
            else:
                # The exact unscaled integers the Parquet holds, with a validity bitmap.
                n = len(values)
                valid = bytearray((n + 7) // 8)
                nulls = 0
                for i, v in enumerate(values):
                    if v is None:
                        nulls += 1
                    else:
                        valid[i >> 3] |= 1 << (i & 7)
                dtype = pa.decimal128(38, DECIMAL_SCALE)
                bitmap = pa.py_buffer(bytes(valid)) if nulls else None
                arr = pa.Array.from_buffers(dtype, n, [bitmap, pa.py_buffer(decimals)], null_count=nulls)
            fields.append(pa.field(name, arr.type, nullable=nullable))
            arrays.append(arr)
        meta = {"schema_version": str(SCHEMA_VERSION), "zhibiao.table": self.name}
        return pa.Table.from_arrays(arrays, schema=pa.schema(fields, metadata=meta))

    def output(self, output: Output):
        if output == "rows":
            return self.rows()
        if output == "pandas":
            return self.to_pandas()
        if output == "arrow":
            return self.to_arrow()
        raise ValueError(f"output must be 'rows', 'pandas' or 'arrow', not {output!r}")


def _extract(inputs, encoding, subjects, all, strict_decoding, jobs, errors) -> _Table:
    raw = _zhibiao.extract(
        inputs, encoding=encoding, subjects=subjects, all=all, strict_decoding=strict_decoding, jobs=jobs
    )
    return _Table(raw, errors)


def extract(
    path_or_text: Input,
    *,
    encoding: str | None = None,
    subjects: bool = True,
    all: bool = False,
    strict_decoding: bool = False,
    errors: Errors = "raise",
) -> list[dict[str, Any]]:
    """The indicators of one report (or of every report in a file, archive or directory): one dict per
    figure with the columns of ``zhibiao extract`` (``doc``, ``subject``, ``kind``, ``value`` …), values
    as ``decimal.Decimal``, nulls as ``None``.

    ``encoding`` forces one (``"gbk"``) as ``--encoding`` does; ``subjects=False`` is ``--no-subjects``;
    ``all=True`` also lists years, dates and ordinals; ``strict_decoding`` refuses any undecodable byte.
    A file that cannot be read raises ``ReadError`` (``errors="warn"`` warns and goes on, ``"ignore"``
    goes on); a file read with a note gives a ``ReadWarning``.
    """
    return _extract(_many(path_or_text), encoding, subjects, all, strict_decoding, None, errors).rows()


def extract_many(
    paths: Iterable[Input],
    *,
    encoding: str | None = None,
    subjects: bool = True,
    all: bool = False,
    strict_decoding: bool = False,
    jobs: int | None = None,
    errors: Errors = "raise",
    output: Output = "rows",
) -> Any:
    """``extract`` of many inputs at once, read and analysed in parallel (``jobs`` threads, default all
    cores) with the GIL released; the rows come in the order of the inputs. ``output="pandas"`` or
    ``"arrow"`` gives a DataFrame or a pyarrow Table instead of dicts."""
    return _extract(_many(paths), encoding, subjects, all, strict_decoding, jobs, errors).output(output)


def extract_df(
    path_or_text: Input | Iterable[Input],
    *,
    encoding: str | None = None,
    subjects: bool = True,
    all: bool = False,
    strict_decoding: bool = False,
    jobs: int | None = None,
    errors: Errors = "raise",
):
    """The indicators as a pandas DataFrame with the columns of the CLI's Parquet, typed as pandas reads
    that file with ``dtype_backend="numpy_nullable"``: text ``string``, whole numbers ``Int64``, values
    ``object`` holding exact ``decimal.Decimal``. Takes one input or a list of them (in parallel)."""
    return _extract(_many(path_or_text), encoding, subjects, all, strict_decoding, jobs, errors).to_pandas()


def to_arrow(
    path_or_text: Input | Iterable[Input],
    *,
    encoding: str | None = None,
    subjects: bool = True,
    all: bool = False,
    strict_decoding: bool = False,
    jobs: int | None = None,
    errors: Errors = "raise",
):
    """The indicators as a ``pyarrow.Table`` with the CLI's Parquet schema (``string``, ``int64``,
    ``decimal128(38, 9)``, the same nullability and key-value metadata); needs pyarrow."""
    return _extract(_many(path_or_text), encoding, subjects, all, strict_decoding, jobs, errors).to_arrow()


def verify(
    path_or_text: Input | Iterable[Input],
    *,
    encoding: str | None = None,
    subjects: bool = True,
    strict_decoding: bool = False,
    jobs: int | None = None,
    errors: Errors = "raise",
    output: Output = "rows",
) -> Any:
    """Every check of the reports, as ``zhibiao verify`` lists them: one row per checked percentage or
    change with its ``verdict`` (consistent, inconsistent, unverifiable), the formula and the interval the
    stated precision allows. One input or many."""
    raw = _zhibiao.verify(
        _many(path_or_text), encoding=encoding, subjects=subjects, strict_decoding=strict_decoding, jobs=jobs
    )
    return _Table(raw, errors).output(output)


def compare(
    paths: Iterable[Input],
    *,
    long: bool = False,
    claims: bool = False,
    min_years: int = 2,
    aliases: Iterable[str | os.PathLike[str]] = (),
    encoding: str | None = None,
    subjects: bool = True,
    strict_decoding: bool = False,
    jobs: int | None = None,
    errors: Errors = "raise",
    output: Output = "rows",
) -> Any:
    """Reports of several years side by side, as ``zhibiao compare`` gives them: one row per indicator
    with a column per year; ``long=True`` one row per figure; ``claims=True`` the changes the reports state
    recomputed from the levels of both years. ``aliases`` are alias files (``--aliases``), ``min_years``
    is ``--min-years``."""
    if isinstance(aliases, (str, os.PathLike)):
        aliases = [aliases]
    texts = []
    for a in aliases:
        with open(a, encoding="utf-8") as f:
            texts.append(f.read())
    raw = _zhibiao.compare(
        _many(paths),
        encoding=encoding,
        subjects=subjects,
        strict_decoding=strict_decoding,
        jobs=jobs,
        long=long,
        claims=claims,
        min_years=min_years,
        aliases=texts,
    )
    return _Table(raw, errors).output(output)
