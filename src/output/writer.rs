//! One writer for every table and format: the setup every subcommand shares (format, names, selected
//! columns, BOM), then rows of [`Cell`]s in, CSV / TSV / JSON Lines / JSON / xlsx / Parquet out.

use std::io::{self, Write};

use super::delimited::Delimited;
use super::parquet::ParquetOut;
use super::table::{Cell, Names, Schema, push_decimal, zh_value};
use super::xlsx::XlsxOut;
use super::{Format, Options};

/// Writes the rows of one table.
pub struct TableWriter<W: Write + Send> {
    out: Out<W>,
    /// Indexes of the written columns in the schema, in output order.
    selected: Vec<usize>,
    names: Names,
    /// Scratch for numbers.
    scratch: String,
}

enum Out<W: Write + Send> {
    Delimited(Delimited<W>),
    Json {
        w: W,
        /// `"name":` of each selected column, JSON-encoded once.
        /// Each selected column's key, and the old key written beside it during the transition release.
        keys: Vec<(Vec<u8>, Option<Vec<u8>>)>,
        buf: Vec<u8>,
        /// One array rather than one object per line.
        array: bool,
        first: bool,
    },
    Xlsx(Box<XlsxOut<W>>),
    Parquet(Box<ParquetOut<W>>),
}

/// A column name given to `--columns` that the table does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownColumn {
    /// The name given.
    pub name: String,
    /// The table's columns.
    pub known: Vec<String>,
}

impl std::fmt::Display for UnknownColumn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no column {:?}; the columns are {}", self.name, self.known.join(","))
    }
}

impl std::error::Error for UnknownColumn {}

/// The indexes of the columns `columns` names (any of a column's names), in that order; every column when
/// `None`.
pub fn select(schema: &Schema, columns: Option<&[String]>) -> Result<Vec<usize>, UnknownColumn> {
    let Some(names) = columns else { return Ok((0..schema.columns.len()).collect()) };
    names
        .iter()
        .map(|n| {
            schema.position(n.trim()).ok_or_else(|| UnknownColumn {
                name: n.clone(),
                known: schema.columns.iter().map(|c| c.name.to_string()).collect(),
            })
        })
        .collect()
}

impl<W: Write + Send> TableWriter<W> {
    /// A writer of `schema`'s rows into `w`, set up by `opts`; a CSV or TSV header is written at once.
    pub fn new(mut w: W, schema: Schema, opts: &Options) -> io::Result<Self> {
        let selected = select(&schema, opts.columns.as_deref())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?;
        let names = opts.names();
        let out = match opts.format {
            Format::Csv | Format::Tsv => {
                if opts.bom {
                    w.write_all(b"\xef\xbb\xbf")?;
                }
                let mut d = Delimited::new(w, if opts.format == Format::Tsv { b'\t' } else { b',' });
                d.record(selected.iter().map(|&i| schema.columns[i].name_in(names)))?;
                Out::Delimited(d)
            }
            Format::Jsonl | Format::Json => {
                let key = |name: &str| {
                    let mut k = serde_json::to_vec(name).expect("a string");
                    k.push(b':');
                    k
                };
                // With English names a row also carries the old name of a renamed column (`start` beside
                // `start_offset`) for one release, so that readers of the old rows keep working.
                let keys = selected
                    .iter()
                    .map(|&i| {
                        let c = &schema.columns[i];
                        // Only in whole rows: `--columns` says exactly which keys are wanted.
                        let whole = opts.columns.is_none();
                        let alias = if names == Names::En && whole { c.json_alias(&schema).map(key) } else { None };
                        (key(c.name_in(names)), alias)
                    })
                    .collect();
                let array = opts.format == Format::Json;
                if array {
                    w.write_all(b"[")?;
                }
                Out::Json { w, keys, buf: Vec::with_capacity(4096), array, first: true }
            }
            Format::Xlsx => Out::Xlsx(Box::new(XlsxOut::new(w, &schema, &selected, names).map_err(xlsx_error)?)),
            Format::Parquet => Out::Parquet(Box::new(ParquetOut::new(w, &schema, &selected, names)?)),
        };
        Ok(TableWriter { out, selected, names, scratch: String::new() })
    }

    /// Writes one row: `cells` in the schema's column order.
    pub fn write_row(&mut self, cells: &[Cell<'_>]) -> io::Result<()> {
        let zh = self.names == Names::Zh;
        match &mut self.out {
            Out::Delimited(d) => {
                for (k, &i) in self.selected.iter().enumerate() {
                    d.separate(k == 0);
                    match &cells[i] {
                        Cell::Null => {}
                        Cell::Text(s) => d.field(s.as_bytes()),
                        Cell::Label(s) if zh => d.field(zh_value(s).as_bytes()),
                        Cell::Label(s) => d.field(s.as_bytes()),
                        Cell::Int(n) => {
                            let mut b = itoa_buf();
                            d.raw(itoa(*n, &mut b));
                        }
                        Cell::Dec(x) => {
                            self.scratch.clear();
                            push_decimal(&mut self.scratch, *x);
                            d.raw(self.scratch.as_bytes());
                        }
                    }
                }
                d.end_record()
            }
            Out::Json { w, keys, buf, array, first } => {
                buf.clear();
                if *array {
                    buf.extend_from_slice(if *first { b"\n" } else { b",\n" });
                }
                *first = false;
                buf.push(b'{');
                for (k, &i) in self.selected.iter().enumerate() {
                    if k > 0 {
                        buf.push(b',');
                    }
                    let (key, alias) = &keys[k];
                    buf.extend_from_slice(key);
                    let at = buf.len();
                    match &cells[i] {
                        Cell::Null => buf.extend_from_slice(b"null"),
                        Cell::Text(s) => json_string(buf, s),
                        Cell::Label(s) if zh => json_string(buf, &zh_value(s)),
                        Cell::Label(s) => json_string(buf, s),
                        Cell::Int(n) => {
                            let mut b = itoa_buf();
                            buf.extend_from_slice(itoa(*n, &mut b));
                        }
                        Cell::Dec(x) => {
                            self.scratch.clear();
                            push_decimal(&mut self.scratch, *x);
                            buf.extend_from_slice(self.scratch.as_bytes());
                        }
                    }
                    if let Some(alias) = alias {
                        let value = buf[at..].to_vec();
                        buf.push(b',');
                        buf.extend_from_slice(alias);
                        buf.extend_from_slice(&value);
                    }
                }
                buf.push(b'}');
                if !*array {
                    buf.push(b'\n');
                }
                w.write_all(buf)
            }
            Out::Xlsx(x) => x.write_row(cells, &self.selected, zh).map_err(xlsx_error),
            Out::Parquet(p) => p.write_row(cells, &self.selected, zh),
        }
    }

    /// Hands what is buffered to the inner writer (text formats; workbooks and Parquet files are written
    /// whole at the end, or by row group).
    pub fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Out::Delimited(d) => d.flush(),
            Out::Json { w, .. } => w.flush(),
            Out::Xlsx(_) | Out::Parquet(_) => Ok(()),
        }
    }

    /// Ends the table (closes a JSON array, writes the workbook, the Parquet footer) and returns the writer.
    pub fn finish(self) -> io::Result<W> {
        match self.out {
            Out::Delimited(d) => d.into_inner(),
            Out::Json { mut w, array, .. } => {
                if array {
                    w.write_all(b"\n]\n")?;
                }
                w.flush()?;
                Ok(w)
            }
            Out::Xlsx(x) => x.finish().map_err(xlsx_error),
            Out::Parquet(p) => p.finish(),
        }
    }
}

fn json_string(buf: &mut Vec<u8>, s: &str) {
    serde_json::to_writer(&mut *buf, s).expect("writing to a Vec");
}

fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> io::Error {
    match e {
        rust_xlsxwriter::XlsxError::RowColumnLimitError => {
            io::Error::other("too many rows for a spreadsheet (1,048,576 at most)")
        }
        rust_xlsxwriter::XlsxError::IoError(e) => e,
        e => io_cause(&e).map_or_else(|| io::Error::other(e.to_string()), |k| io::Error::new(k, e.to_string())),
    }
}

/// The kind of the I/O error under `e`, at any depth (a zip error wrapping a broken pipe).
pub(crate) fn io_cause(e: &(dyn std::error::Error + 'static)) -> Option<io::ErrorKind> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cur {
        if let Some(io) = c.downcast_ref::<io::Error>() {
            return Some(io.kind());
        }
        cur = c.source();
    }
    None
}

fn itoa_buf() -> [u8; 20] {
    [0; 20]
}

/// The decimal digits of `n` in `buf`.
fn itoa(n: i64, buf: &mut [u8; 20]) -> &[u8] {
    let neg = n < 0;
    let mut u = n.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if neg {
        // i64::MIN has 19 digits, so one byte is always left for the sign.
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn itoa_prints_like_display() {
        for n in [0i64, 7, -7, 10, 2025, -100, i64::MAX, i64::MIN] {
            let mut b = itoa_buf();
            assert_eq!(std::str::from_utf8(itoa(n, &mut b)).unwrap(), n.to_string());
        }
    }
}
