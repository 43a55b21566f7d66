//! The native half of the `zhibiao` Python package: the library's reading, analysis and tables, called
//! in-process (no subprocess), with the work done on rayon's threads while the GIL is released.
//!
//! Every function returns a table as plain Python data — its name, its columns (name, type, nullable,
//! values) and the problems met reading (path, message, warning) — and `zhibiao/__init__.py` makes rows,
//! a pandas DataFrame or a pyarrow Table of it and raises `ReadError`. The rows are the library's own
//! (`output::Row`, `output::CheckRow`, `output::wide_table` …), the same cells the CLI writes.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::OnceLock;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyTuple};
use rayon::prelude::*;
use zhibiao::compare::{Aliases, Table as CompareTable, entries as compare_entries};
use zhibiao::input::{self, InputError, InputOptions};
use zhibiao::output::{self, Cell, CheckRow, Row, Schema, Type, fmt_decimal, unscaled};
use zhibiao::{Analyzer, Dicts, DocReport, Document, Options};

/// One input as the Python side resolved it.
enum Input {
    /// A file or directory.
    Path(String),
    /// A report's text, named `name`.
    Text { name: String, text: String },
    /// A file's bytes, named `name`.
    Bytes { name: String, bytes: Vec<u8> },
}

impl<'a, 'py> FromPyObject<'a, 'py> for Input {
    type Error = PyErr;

    /// `("path", str)`, `("text", name, str)` or `("bytes", name, bytes)`.
    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let t = ob.cast::<PyTuple>()?;
        let tag: String = t.get_item(0)?.extract()?;
        Ok(match tag.as_str() {
            "path" => Input::Path(t.get_item(1)?.extract()?),
            "text" => Input::Text { name: t.get_item(1)?.extract()?, text: t.get_item(2)?.extract()? },
            "bytes" => Input::Bytes { name: t.get_item(1)?.extract()?, bytes: t.get_item(2)?.extract()? },
            _ => return Err(PyValueError::new_err(format!("unknown input kind {tag:?}"))),
        })
    }
}

/// One thing to read once directories are expanded.
enum Source {
    File(PathBuf),
    Text {
        name: String,
        text: String,
    },
    Bytes {
        name: String,
        bytes: Vec<u8>,
    },
    /// What listing a path found wrong (no such file, a symlink loop in a directory …), in its place.
    Listing(InputError),
}

impl Source {
    fn name(&self) -> String {
        match self {
            Source::File(p) => p.display().to_string(),
            Source::Text { name, .. } | Source::Bytes { name, .. } => name.clone(),
            Source::Listing(e) => e.path.clone(),
        }
    }
}

/// The inputs with directories expanded as the CLI expands them (recursive, sorted, hidden files
/// skipped), in input order; what could not be listed stands after what was.
fn sources(inputs: Vec<Input>) -> Vec<Source> {
    let mut out = Vec::new();
    for i in inputs {
        match i {
            Input::Path(p) => {
                let (files, errors) = input::expand_paths(&[PathBuf::from(p)]);
                out.extend(files.into_iter().map(Source::File));
                out.extend(errors.into_iter().map(Source::Listing));
            }
            Input::Text { name, text } => out.push(Source::Text { name, text }),
            Input::Bytes { name, bytes } => out.push(Source::Bytes { name, bytes }),
        }
    }
    out
}

/// The analyzer for these options, built once per process (it loads the word lists; jieba's dictionary
/// loads on first use) and shared by every call and thread.
fn analyzer(subjects: bool, all: bool) -> &'static Analyzer {
    static CACHE: [OnceLock<Analyzer>; 4] = [OnceLock::new(), OnceLock::new(), OnceLock::new(), OnceLock::new()];
    CACHE[usize::from(subjects) * 2 + usize::from(all)]
        .get_or_init(|| Analyzer::new(Dicts::builtin(), Options { keep_non_indicators: all, no_subjects: !subjects }))
}

/// Reading options from the keyword arguments: `encoding` as `--encoding` reads it.
fn input_options(encoding: Option<&str>, strict_decoding: bool) -> PyResult<InputOptions> {
    let encoding = match encoding {
        None => None,
        Some(name) => Some(
            encoding_rs::Encoding::for_label(name.as_bytes())
                .ok_or_else(|| PyValueError::new_err(format!("unknown encoding {name:?}")))?,
        ),
    };
    Ok(InputOptions { encoding, strict_decoding, ..InputOptions::default() })
}

/// Reads and analyses every source on rayon's threads (`jobs` of them, or all cores), each document
/// completed by `finish`, and gives the results in input order. A panic while reading or analysing one
/// source becomes an error naming it, never a crash of the interpreter.
fn run<T: Send>(
    srcs: &[Source],
    opts: &InputOptions,
    analyzer: &Analyzer,
    jobs: Option<usize>,
    finish: impl Fn(DocReport) -> T + Sync,
) -> Result<Vec<Vec<Result<T, InputError>>>, String> {
    let one = |src: &Source| -> Vec<Result<T, InputError>> {
        let mut docs = Vec::new();
        let mut each = |d: Result<Document, InputError>| docs.push(d.map(|doc| finish(analyzer.analyze(&doc))));
        let read = catch_unwind(AssertUnwindSafe(|| match src {
            Source::File(p) => input::read_file_each(p, opts, &mut each),
            Source::Text { name, text } => {
                // Already decoded: never re-decoded with `encoding`.
                let opts = InputOptions { encoding: None, ..opts.clone() };
                input::read_bytes(name, text.as_bytes(), &opts).into_iter().for_each(&mut each)
            }
            Source::Bytes { name, bytes } => input::read_bytes(name, bytes, opts).into_iter().for_each(&mut each),
            Source::Listing(e) => each(Err(e.clone())),
        }));
        if let Err(panic) = read {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            docs.push(Err(InputError::new(src.name(), format!("internal error (please report it): {why}"))));
        }
        docs
    };
    let work = || srcs.par_iter().map(one).collect::<Vec<_>>();
    match jobs {
        None => Ok(work()),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build().map_err(|e| e.to_string())?;
            Ok(pool.install(work))
        }
    }
}

/// Problems as `(path, message, warning)` tuples.
fn problems_py<'py>(py: Python<'py>, problems: &[InputError]) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, problems.iter().map(|e| (e.path.as_str(), e.message.as_str(), e.warning)))
}

/// A table as `(name, columns, problems)`: each column `(name, type, nullable, values, decimals)`, where
/// `type` is `text`, `enum`, `int` or `decimal`, `values` a list (str, int or `decimal.Decimal`, None for
/// null) and, for a decimal column, `decimals` the little-endian 128-bit unscaled values at scale
/// [`output::DECIMAL_SCALE`] (what Parquet's `DECIMAL(38, 9)` and Arrow's `decimal128(38, 9)` hold; 0 for a
/// null), else None.
fn table_py<'py, 'c, R: AsRef<[Cell<'c>]>>(
    py: Python<'py>,
    schema: &Schema,
    rows: &[R],
    problems: &[InputError],
) -> PyResult<Bound<'py, PyTuple>> {
    let decimal = py.import("decimal")?.getattr("Decimal")?;
    let columns = PyList::empty(py);
    for (i, col) in schema.columns.iter().enumerate() {
        let values = PyList::empty(py);
        let mut bytes: Option<Vec<u8>> = matches!(col.ty, Type::Decimal).then(|| Vec::with_capacity(rows.len() * 16));
        for row in rows {
            let cell = row.as_ref().get(i).unwrap_or(&Cell::Null);
            let dec = match cell {
                Cell::Dec(d) => Some(*d),
                Cell::Int(n) if bytes.is_some() => Some(rust_decimal::Decimal::from(*n)),
                _ => None,
            };
            if let Some(b) = &mut bytes {
                b.extend_from_slice(&dec.map_or(0, unscaled).to_le_bytes());
            }
            match (cell, dec) {
                (_, Some(d)) => values.append(decimal.call1((fmt_decimal(d),))?)?,
                (Cell::Null, _) => values.append(py.None())?,
                (Cell::Text(s) | Cell::Label(s), _) => values.append(s.as_ref())?,
                (Cell::Int(n), _) => values.append(*n)?,
                (Cell::Dec(_), None) => unreachable!("a decimal cell has its decimal"),
            }
        }
        let ty = match col.ty {
            Type::Text => "text",
            Type::Enum(_) => "enum",
            Type::Int => "int",
            Type::Decimal => "decimal",
        };
        let bytes = bytes.map(|b| PyBytes::new(py, &b));
        columns.append((col.name.as_ref(), ty, col.nullable, values, bytes))?;
    }
    (schema.table, columns, problems_py(py, problems)?).into_pyobject(py)
}

/// Splits results into what was made and the problems, keeping input order.
/// [`run`] with the GIL released, its results split into what was done and the problems met.
fn run_detached<T: Send>(
    py: Python<'_>,
    inputs: Vec<Input>,
    opts: &InputOptions,
    analyzer: &Analyzer,
    jobs: Option<usize>,
    finish: impl Fn(DocReport) -> T + Sync + Send,
) -> PyResult<(Vec<T>, Vec<InputError>)> {
    py.detach(|| {
        let srcs = sources(inputs);
        let results = run(&srcs, opts, analyzer, jobs, finish)?;
        let mut problems = Vec::new();
        Ok::<_, String>((split(results, &mut problems), problems))
    })
    .map_err(runtime)
}

fn split<T>(results: Vec<Vec<Result<T, InputError>>>, problems: &mut Vec<InputError>) -> Vec<T> {
    let mut out = Vec::new();
    for r in results.into_iter().flatten() {
        match r {
            Ok(t) => out.push(t),
            Err(e) => problems.push(e),
        }
    }
    out
}

/// A failure to set up the worker threads (`jobs`).
fn runtime(e: String) -> PyErr {
    PyRuntimeError::new_err(e)
}

/// The indicator table of the inputs (what `zhibiao extract` writes).
#[pyfunction]
#[pyo3(signature = (inputs, *, encoding=None, subjects=true, all=false, strict_decoding=false, jobs=None))]
fn extract<'py>(
    py: Python<'py>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    subjects: bool,
    all: bool,
    strict_decoding: bool,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let opts = input_options(encoding, strict_decoding)?;
    let (reports, problems) = run_detached(py, inputs, &opts, analyzer(subjects, all), jobs, |r| r)?;
    let rows: Vec<_> =
        reports.iter().flat_map(|rep| rep.indicators.iter().map(move |ind| Row::new(rep, ind))).collect();
    let cells: Vec<_> = rows.iter().map(|r| r.cells()).collect();
    table_py(py, &output::indicator_schema(), &cells, &problems)
}

/// The checks of the inputs (what `zhibiao verify` writes).
#[pyfunction]
#[pyo3(signature = (inputs, *, encoding=None, subjects=true, strict_decoding=false, jobs=None))]
fn verify<'py>(
    py: Python<'py>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    subjects: bool,
    strict_decoding: bool,
    jobs: Option<usize>,
) -> PyResult<Bound<'py, PyTuple>> {
    let opts = input_options(encoding, strict_decoding)?;
    let a = analyzer(subjects, false);
    let (done, problems) = run_detached(py, inputs, &opts, a, jobs, |r| {
        let checks = a.checks(&r);
        (r, checks)
    })?;
    let cells: Vec<_> = done
        .iter()
        .flat_map(|(report, checks)| checks.iter().map(move |check| CheckRow { report, check }.cells()))
        .collect();
    table_py(py, &output::check_schema(), &cells, &problems)
}

/// Reports of several years side by side (what `zhibiao compare` writes): the wide table, or with `long`
/// one row per figure, or with `claims` the stated changes recomputed. `aliases` are the texts of alias
/// files (`CANONICAL<TAB>ALIAS…` per line).
#[pyfunction]
#[pyo3(signature = (inputs, *, encoding=None, subjects=true, strict_decoding=false, jobs=None, long=false,
    claims=false, min_years=2, aliases=Vec::new()))]
#[allow(clippy::too_many_arguments)]
fn compare<'py>(
    py: Python<'py>,
    inputs: Vec<Input>,
    encoding: Option<&str>,
    subjects: bool,
    strict_decoding: bool,
    jobs: Option<usize>,
    long: bool,
    claims: bool,
    min_years: usize,
    aliases: Vec<String>,
) -> PyResult<Bound<'py, PyTuple>> {
    if long && claims {
        return Err(PyValueError::new_err("long and claims are two different tables: give one"));
    }
    let opts = input_options(encoding, strict_decoding)?;
    let (reports, problems) = run_detached(py, inputs, &opts, analyzer(subjects, false), jobs, |r| r)?;
    let mut known = Aliases::builtin();
    for text in &aliases {
        known.add(text);
    }
    let table = CompareTable::new(compare_entries(&reports, &known));
    let (schema, rows) = if claims {
        output::claims_table(&table)
    } else if long {
        output::long_table(&table, min_years)
    } else {
        output::wide_table(&table, min_years)
    };
    table_py(py, &schema, &rows, &problems)
}

/// The native module; `import zhibiao` is the way in.
#[pymodule]
mod _zhibiao {
    #[pymodule_export]
    use super::{compare, extract, verify};

    #[pymodule_export]
    const DECIMAL_SCALE: u32 = zhibiao::output::DECIMAL_SCALE;

    #[pymodule_export]
    const SCHEMA_VERSION: i64 = zhibiao::output::SCHEMA_VERSION;
}
