//! Tables out: one flat row per figure (and per check, per compared indicator), written by one writer setup
//! to CSV, TSV, JSON Lines, JSON, xlsx or Parquet over any `io::Write`.
//!
//! Every table is described once by a [`Schema`] of typed [`Column`]s; rows are slices of [`Cell`]s in the
//! schema's order; a [`TableWriter`] set up by [`Options`] writes them in any [`Format`]. `extract`, `verify`
//! and `compare` all go through it, so every subcommand takes the same output flags and every format the
//! same names, types and `schema_version`. Nothing here knows the command line.

use std::io::{self, Write};

mod checks;
mod compare;
mod delimited;
mod indicators;
mod parquet;
mod schema;
mod table;
mod writer;
mod xlsx;

pub use checks::{CheckRow, check_schema};
pub use compare::{claims_schema, claims_table, long_schema, long_table, wide_table};
pub use indicators::{FIELDS, FIELDS_ZH, Row, basis_of, indicator_schema};
pub use parquet::{DECIMAL_SCALE, unscaled};
pub use schema::{TABLES, json_schema, schema_of};
pub use table::{
    AGREEMENT, Cell, Column, KINDS, MATCHES, Names, QUALIFIERS, SCHEMA_VERSION, STATUSES, Schema, SheetName, Type,
    VERDICTS, YES_NO, fmt_decimal, zh_value,
};
pub use writer::{TableWriter, UnknownColumn, select};

use crate::analyzer::DocReport;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// CSV with a header row (UTF-8).
    #[default]
    Csv,
    /// Tab-separated values with a header row, quoted like CSV where a field needs it.
    Tsv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Excel workbook.
    Xlsx,
    /// Apache Parquet.
    Parquet,
}

impl Format {
    /// Every format, in the order the help lists them.
    pub const ALL: [Format; 6] = [Format::Csv, Format::Tsv, Format::Jsonl, Format::Json, Format::Xlsx, Format::Parquet];

    /// The name used on the command line (`csv`, `jsonl` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Jsonl => "jsonl",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Parquet => "parquet",
        }
    }

    /// The format a file name's extension names (`.csv`, `.tsv`, `.jsonl`/`.ndjson`, `.json`, `.xlsx`,
    /// `.parquet`/`.pq`), case-insensitive; `None` for any other.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "xlsx" => Format::Xlsx,
            "parquet" | "pq" => Format::Parquet,
            _ => return None,
        })
    }

    /// Whether the format is binary (no use on a terminal).
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Parquet)
    }
}

/// Language of the column names (and, in Chinese, of the enumerated values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Headers {
    /// English field names (doc, region, year …) and values (quantity, exact, actual …).
    #[default]
    En,
    /// Chinese column names (文档, 地区, 年份 …) and values (数量, 确数, 实际 …).
    Zh,
}

impl Headers {
    /// The column names of the indicator table, in output order.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Headers::En => FIELDS,
            Headers::Zh => FIELDS_ZH,
        }
    }
}

/// How a table is written: the setup every subcommand shares.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Options {
    /// The format.
    pub format: Format,
    /// Column names and enumerated values in English or Chinese.
    pub headers: Headers,
    /// English names as before schema version 1 (`check`, `start`, `end` …), for one release.
    pub legacy_names: bool,
    /// A UTF-8 byte order mark before CSV or TSV, so that Excel reads it as UTF-8.
    pub bom: bool,
    /// Only these columns, in this order (any of a column's names); all when `None`.
    pub columns: Option<Vec<String>>,
}

impl Options {
    /// Options for `format` with everything else at its default.
    pub fn new(format: Format) -> Self {
        Options { format, ..Default::default() }
    }

    /// Which names the table is written with.
    pub fn names(&self) -> Names {
        match (self.headers, self.legacy_names) {
            (Headers::Zh, _) => Names::Zh,
            (Headers::En, true) => Names::Legacy,
            (Headers::En, false) => Names::En,
        }
    }
}

/// Writes the `compare` workbook: a sheet per region, a row per indicator, each year's actual with its
/// target beside it, as numbers (see `xlsx::compare_workbook`). Indicators with a value in fewer than
/// `min_years` years, and rows that are not names, are left out as in [`wide_table`]. Returns the writer and
/// the number of region sheets.
pub fn compare_xlsx<W: Write + Send>(
    w: W,
    table: &crate::compare::Table,
    min_years: usize,
    opts: &Options,
) -> io::Result<(W, usize)> {
    xlsx::compare_workbook(w, table, min_years, opts.names()).map_err(|e| match e {
        rust_xlsxwriter::XlsxError::IoError(e) => e,
        e => io::Error::other(format!("xlsx: {e}")),
    })
}

/// Writes the indicator table (the rows of `extract`) in one format.
pub struct RowWriter<W: Write + Send> {
    w: TableWriter<W>,
}

impl<W: Write + Send> RowWriter<W> {
    /// A writer with English column names; a CSV header is written at once, after a BOM if `bom`.
    pub fn new(format: Format, w: W, bom: bool) -> io::Result<Self> {
        Self::with_headers(format, w, bom, Headers::En)
    }

    /// A writer whose column names (CSV header, JSON keys) are in `headers`.
    pub fn with_headers(format: Format, w: W, bom: bool, headers: Headers) -> io::Result<Self> {
        Self::with_options(w, &Options { format, headers, bom, ..Default::default() })
    }

    /// A writer set up by `opts`.
    pub fn with_options(w: W, opts: &Options) -> io::Result<Self> {
        Ok(RowWriter { w: TableWriter::new(w, indicator_schema(), opts)? })
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Row<'_>) -> io::Result<()> {
        self.w.write_row(&row.cells())
    }

    /// Writes every row of a report.
    pub fn write_report(&mut self, report: &DocReport) -> io::Result<()> {
        for ind in &report.indicators {
            self.write(&Row::new(report, ind))?;
        }
        Ok(())
    }

    /// Hands what is buffered to the inner writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }

    /// Ends the output (closes a JSON array, writes a workbook) and returns the inner writer.
    pub fn finish(self) -> io::Result<W> {
        self.w.finish()
    }
}
