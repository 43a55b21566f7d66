//! One flat row per indicator, and writers for CSV, JSON Lines and JSON over any `io::Write`.

use std::io::{self, Write};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::analyzer::{DocReport, Indicator};

mod xlsx;
pub use xlsx::XlsxWriter;

#[cfg(test)]
mod csv_tests {
    use super::*;

    #[test]
    fn fields_quoted_like_the_csv_crate() {
        let fields =
            ["", "a", "a,b", "say \"hi\"", "line\nbreak", "cr\r", "增长5.2%，国内生产总值", "12345678,", "1234567\"x"];
        let mut ours = CsvOut::new(Vec::new());
        ours.record(fields).unwrap();
        ours.record(["x", "", "", "", "", "", "", "", ""]).unwrap();
        let mut theirs = csv::Writer::from_writer(Vec::new());
        theirs.write_record(fields).unwrap();
        theirs.write_record(["x", "", "", "", "", "", "", "", ""]).unwrap();
        assert_eq!(ours.into_inner().unwrap(), theirs.into_inner().unwrap());
        for n in 0..40 {
            for b in [b',', b'"', b'\n', b'\r', b'%', b' ', 0xE4] {
                let mut v = vec![b'a'; n];
                v.push(b);
                v.extend(std::iter::repeat_n(0xE5, n % 9));
                assert_eq!(needs_quotes(&v), v.iter().any(|x| matches!(x, b',' | b'"' | b'\r' | b'\n')));
            }
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// CSV with a header row (UTF-8).
    #[default]
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
}

/// Column names, in output order.
pub const FIELDS: &[&str] = &[
    "doc",
    "region",
    "year",
    "section",
    "subject",
    "kind",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "raw",
    "start",
    "end",
    "sentence",
    "check",
    "check_detail",
    "ref_year",
    "status",
];

/// Chinese column names (`--headers zh`), in the order of [`FIELDS`].
pub const FIELDS_ZH: &[&str] = &[
    "文档",
    "地区",
    "年份",
    "章节",
    "指标",
    "类型",
    "数值",
    "数值上限",
    "单位",
    "限定",
    "原文",
    "起始位置",
    "结束位置",
    "句子",
    "核验",
    "核验说明",
    "所属年份",
    "性质",
];

/// Language of the column names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Headers {
    /// English field names (doc, region, year …).
    #[default]
    En,
    /// Chinese column names (文档, 地区, 年份 …).
    Zh,
}

impl Headers {
    /// The column names, in output order.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Headers::En => FIELDS,
            Headers::Zh => FIELDS_ZH,
        }
    }
}

/// One row of the indicator table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Row {
    pub doc: String,
    pub region: String,
    pub year: Option<i32>,
    pub section: String,
    pub subject: String,
    pub kind: &'static str,
    /// Exact decimal digits, no exponent (1677000000000, 26.33).
    pub value: String,
    pub value_max: String,
    pub unit: String,
    pub qualifier: &'static str,
    pub raw: String,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
    pub check: String,
    pub check_detail: String,
    /// The year the figure is about.
    pub ref_year: Option<i32>,
    /// `actual` or `target`.
    pub status: &'static str,
}

/// A decimal printed without exponent or trailing zeros.
pub fn fmt_decimal(d: Decimal) -> String {
    let n = d.normalize();
    let s = n.to_string();
    if s == "-0" { "0".into() } else { s }
}

/// `fmt_decimal` of `d` into `out` (emptied first; left empty for `None`).
fn write_decimal(out: &mut String, d: Option<Decimal>) {
    use std::fmt::Write as _;
    out.clear();
    if let Some(d) = d {
        let _ = write!(out, "{}", d.normalize());
        if out == "-0" {
            out.clear();
            out.push('0');
        }
    }
}

/// The number into `out` (emptied first; left empty for `None`).
fn write_num(out: &mut String, n: Option<impl std::fmt::Display>) {
    use std::fmt::Write as _;
    out.clear();
    if let Some(n) = n {
        let _ = write!(out, "{n}");
    }
}

impl Row {
    /// The row of one indicator of a report.
    pub fn new(report: &DocReport, ind: &Indicator) -> Self {
        let f = &ind.figure;
        Row {
            doc: report.doc.clone(),
            region: report.region.clone().unwrap_or_default(),
            year: report.year,
            section: ind.section.clone(),
            subject: ind.subject.clone(),
            kind: f.kind.as_str(),
            value: fmt_decimal(f.value),
            value_max: f.value_max.map(fmt_decimal).unwrap_or_default(),
            unit: f.unit.clone(),
            qualifier: f.qualifier.as_str(),
            raw: f.raw.clone(),
            start: f.start,
            end: f.end,
            sentence: ind.sentence.clone(),
            check: ind.check.map(|v| v.as_str().to_string()).unwrap_or_default(),
            check_detail: ind.check_detail.clone(),
            ref_year: ind.ref_year,
            status: ind.status.as_str(),
        }
    }

    /// The row as text cells, in column order (what CSV writes).
    pub fn cells(&self) -> [String; 18] {
        [
            self.doc.clone(),
            self.region.clone(),
            self.year.map(|y| y.to_string()).unwrap_or_default(),
            self.section.clone(),
            self.subject.clone(),
            self.kind.to_string(),
            self.value.clone(),
            self.value_max.clone(),
            self.unit.clone(),
            self.qualifier.to_string(),
            self.raw.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.sentence.clone(),
            self.check.clone(),
            self.check_detail.clone(),
            self.ref_year.map(|y| y.to_string()).unwrap_or_default(),
            self.status.to_string(),
        ]
    }

    fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(m) = &mut v {
            for key in ["value", "value_max"] {
                let num = m.get(key).and_then(|x| x.as_str()).and_then(|s| s.parse::<serde_json::Number>().ok());
                m.insert(key.into(), num.map_or(serde_json::Value::Null, serde_json::Value::Number));
            }
            for key in ["region", "check", "check_detail"] {
                if m.get(key).and_then(|x| x.as_str()) == Some("") {
                    m.insert(key.into(), serde_json::Value::Null);
                }
            }
        }
        v
    }
}

/// A CSV encoder writing what the `csv` crate's default writer writes (fields quoted only when they hold
/// `,` `"` `\r` or `\n`, quotes doubled, records ended by `\n`), without its per-byte state machine.
struct CsvOut<W: Write> {
    /// `None` once [`RowWriter::finish`] took it back.
    w: Option<W>,
    buf: Vec<u8>,
}

/// Bytes buffered before they are handed to the inner writer.
const CSV_BUF: usize = 64 * 1024;

impl<W: Write> CsvOut<W> {
    fn new(w: W) -> Self {
        CsvOut { w: Some(w), buf: Vec::with_capacity(CSV_BUF + 4096) }
    }

    /// Appends one record.
    fn record<'a>(&mut self, fields: impl IntoIterator<Item = &'a str>) -> io::Result<()> {
        let mut first = true;
        for f in fields {
            if !first {
                self.buf.push(b',');
            }
            first = false;
            csv_field(&mut self.buf, f.as_bytes());
        }
        self.buf.push(b'\n');
        if self.buf.len() >= CSV_BUF { self.drain() } else { Ok(()) }
    }

    /// Hands what is buffered to the inner writer.
    fn drain(&mut self) -> io::Result<()> {
        if let Some(w) = self.w.as_mut()
            && !self.buf.is_empty()
        {
            let r = w.write_all(&self.buf);
            self.buf.clear();
            r?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()?;
        self.w.as_mut().map_or(Ok(()), |w| w.flush())
    }

    fn into_inner(mut self) -> io::Result<W> {
        self.flush()?;
        Ok(self.w.take().expect("csv writer"))
    }
}

impl<W: Write> Drop for CsvOut<W> {
    /// Like `csv::Writer`, a writer dropped without `finish` still hands over what it buffered.
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Whether a field holds `,` `"` `\r` or `\n`. All four are below 0x2D: eight bytes at a time are let through
/// when none of them is (most bytes of Chinese text are 0x80 and up).
fn needs_quotes(f: &[u8]) -> bool {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\r' | b'\n');
    let mut chunks = f.chunks_exact(8);
    for c in chunks.by_ref() {
        let x = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        // Some byte below 0x2D (exact for bytes below 0x80; bytes from 0x80 up never count).
        if x.wrapping_sub(0x2D * LO) & !x & HI != 0 && c.iter().any(special) {
            return true;
        }
    }
    chunks.remainder().iter().any(special)
}

/// Appends one CSV field: quoted (inner quotes doubled) when it holds `,` `"` `\r` or `\n`.
fn csv_field(buf: &mut Vec<u8>, f: &[u8]) {
    if !needs_quotes(f) {
        buf.extend_from_slice(f);
        return;
    }
    buf.push(b'"');
    let mut rest = f;
    while let Some(i) = rest.iter().position(|&b| b == b'"') {
        buf.extend_from_slice(&rest[..=i]);
        buf.push(b'"');
        rest = &rest[i + 1..];
    }
    buf.extend_from_slice(rest);
    buf.push(b'"');
}

/// Writes rows in one format.
pub struct RowWriter<W: Write> {
    format: Format,
    csv: Option<CsvOut<W>>,
    out: Option<W>,
    first: bool,
    headers: Headers,
}

impl<W: Write> RowWriter<W> {
    /// A writer; CSV writes its header at once.
    pub fn new(format: Format, w: W, bom: bool) -> io::Result<Self> {
        Self::with_headers(format, w, bom, Headers::En)
    }

    /// A writer whose column names (CSV header, JSON keys) are in `headers`.
    pub fn with_headers(format: Format, mut w: W, bom: bool, headers: Headers) -> io::Result<Self> {
        if bom {
            w.write_all(b"\xef\xbb\xbf")?;
        }
        let mut rw = RowWriter { format, csv: None, out: None, first: true, headers };
        match format {
            Format::Csv => {
                let mut c = CsvOut::new(w);
                c.record(headers.names().iter().copied())?;
                rw.csv = Some(c);
            }
            Format::Jsonl => rw.out = Some(w),
            Format::Json => {
                w.write_all(b"[")?;
                rw.out = Some(w);
            }
        }
        Ok(rw)
    }

    /// Writes one row.
    pub fn write(&mut self, row: &Row) -> io::Result<()> {
        match self.format {
            Format::Csv => {
                let c = self.csv.as_mut().expect("csv writer");
                c.record([
                    row.doc.as_str(),
                    &row.region,
                    &row.year.map(|y| y.to_string()).unwrap_or_default(),
                    &row.section,
                    &row.subject,
                    row.kind,
                    &row.value,
                    &row.value_max,
                    &row.unit,
                    row.qualifier,
                    &row.raw,
                    &row.start.to_string(),
                    &row.end.to_string(),
                    &row.sentence,
                    &row.check,
                    &row.check_detail,
                    &row.ref_year.map(|y| y.to_string()).unwrap_or_default(),
                    row.status,
                ])
            }
            Format::Jsonl => {
                let v = self.json(row);
                let w = self.out.as_mut().expect("writer");
                serde_json::to_writer(&mut *w, &v)?;
                w.write_all(b"\n")
            }
            Format::Json => {
                let v = self.json(row);
                let w = self.out.as_mut().expect("writer");
                w.write_all(if self.first { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut *w, &v)?;
                self.first = false;
                Ok(())
            }
        }
    }

    fn json(&self, row: &Row) -> serde_json::Value {
        let v = row.to_json();
        match (self.headers, v) {
            (Headers::Zh, serde_json::Value::Object(m)) => serde_json::Value::Object(
                m.into_iter()
                    .map(|(k, x)| {
                        let i = FIELDS.iter().position(|f| *f == k);
                        (i.map_or(k, |i| FIELDS_ZH[i].to_string()), x)
                    })
                    .collect(),
            ),
            (_, v) => v,
        }
    }

    /// Writes every row of a report.
    pub fn write_report(&mut self, report: &DocReport) -> io::Result<()> {
        if let Some(c) = self.csv.as_mut() {
            // The cells of each row straight from the report, without building a `Row`.
            let region = report.region.as_deref().unwrap_or("");
            let year = report.year.map(|y| y.to_string()).unwrap_or_default();
            let (mut value, mut value_max, mut start, mut end, mut ref_year) =
                (String::new(), String::new(), String::new(), String::new(), String::new());
            for ind in &report.indicators {
                let f = &ind.figure;
                write_decimal(&mut value, Some(f.value));
                write_decimal(&mut value_max, f.value_max);
                write_num(&mut start, Some(f.start));
                write_num(&mut end, Some(f.end));
                write_num(&mut ref_year, ind.ref_year);
                c.record([
                    report.doc.as_str(),
                    region,
                    &year,
                    &ind.section,
                    &ind.subject,
                    f.kind.as_str(),
                    &value,
                    &value_max,
                    &f.unit,
                    f.qualifier.as_str(),
                    &f.raw,
                    &start,
                    &end,
                    &ind.sentence,
                    ind.check.map_or("", |v| v.as_str()),
                    &ind.check_detail,
                    &ref_year,
                    ind.status.as_str(),
                ])?;
            }
            return Ok(());
        }
        for ind in &report.indicators {
            self.write(&Row::new(report, ind))?;
        }
        Ok(())
    }

    /// Flushes what is buffered.
    pub fn flush(&mut self) -> io::Result<()> {
        match (&mut self.csv, &mut self.out) {
            (Some(c), _) => c.flush(),
            (_, Some(w)) => w.flush(),
            _ => Ok(()),
        }
    }

    /// Ends the output (closes a JSON array) and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        if let Some(c) = self.csv.take() {
            return c.into_inner();
        }
        let mut w = self.out.take().expect("writer");
        if self.format == Format::Json {
            w.write_all(b"\n]\n")?;
        }
        w.flush()?;
        Ok(w)
    }
}
