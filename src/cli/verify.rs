//! `zhibiao verify`: one row per checked percentage, a summary per file, exit 1 on any inconsistency.

use std::io::Write;

use serde::Serialize;
use zhibiao::output::{Format, fmt_decimal};
use zhibiao::verify::Verdict;

use super::common::{self, DictArgs, InputArgs, Sink, TableOutput};

/// Flags of `verify`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    #[command(flatten)]
    pub out: TableOutput,
    /// Exit 0 even when a figure is inconsistent.
    #[arg(long)]
    pub no_fail: bool,
}

/// Column names, in output order.
const FIELDS: &[&str] =
    &["doc", "subject", "stated", "computed", "tolerance", "verdict", "formula", "detail", "start", "end", "sentence"];

/// One row of the check table.
#[derive(Debug, Serialize)]
struct Row {
    doc: String,
    subject: String,
    stated: String,
    computed: Option<String>,
    tolerance: String,
    verdict: &'static str,
    formula: String,
    detail: String,
    start: usize,
    end: usize,
    sentence: String,
}

impl Row {
    fn fields(&self) -> [String; 11] {
        [
            self.doc.clone(),
            self.subject.clone(),
            self.stated.clone(),
            self.computed.clone().unwrap_or_default(),
            self.tolerance.clone(),
            self.verdict.to_string(),
            self.formula.clone(),
            self.detail.clone(),
            self.start.to_string(),
            self.end.to_string(),
            self.sentence.clone(),
        ]
    }
}

#[derive(Default)]
struct Tally {
    checked: usize,
    consistent: usize,
    inconsistent: usize,
    unverifiable: usize,
}

impl Tally {
    fn add(&mut self, v: Verdict) {
        self.checked += 1;
        match v {
            Verdict::Consistent => self.consistent += 1,
            Verdict::Inconsistent => self.inconsistent += 1,
            Verdict::Unverifiable => self.unverifiable += 1,
        }
    }
}

/// One CSV record as bytes.
fn csv_line<I: IntoIterator<Item = String>>(fields: I) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(fields)?;
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// Runs `verify`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, false)?;
    let (sources, mut failed) = common::listed_sources(&a.input);
    if a.input.paths.is_empty() {
        anyhow::bail!("no input: give report files or directories, or - for stdin");
    }
    let mut sink = Sink::open(a.out.output.as_ref())?;
    if a.out.excel && a.out.format == Format::Csv {
        sink.write_all(b"\xef\xbb\xbf")?;
    }
    if a.out.format == Format::Csv {
        sink.write_all(&csv_line(FIELDS.iter().map(|s| s.to_string()))?)?;
    }
    if a.out.format == Format::Json {
        sink.write_all(b"[")?;
    }
    let mut first = true;
    let mut total = Tally::default();
    failed += common::for_each_document(
        &sources,
        &opts,
        |doc| {
            let report = analyzer.analyze(&doc);
            let checks = analyzer.checks(&report);
            (report, checks)
        },
        |(report, checks)| {
            let mut tally = Tally::default();
            for c in &checks {
                tally.add(c.verdict);
                total.add(c.verdict);
                let ind = &report.indicators[c.index];
                let row = Row {
                    doc: report.doc.clone(),
                    subject: ind.subject.clone(),
                    stated: ind.figure.raw.clone(),
                    computed: c.computed.map(fmt_decimal),
                    tolerance: c.tolerance.clone(),
                    verdict: c.verdict.as_str(),
                    formula: c.formula.clone(),
                    detail: c.detail.clone(),
                    start: ind.figure.start,
                    end: ind.figure.end,
                    sentence: ind.sentence.clone(),
                };
                match a.out.format {
                    Format::Csv => sink.write_all(&csv_line(row.fields())?)?,
                    Format::Jsonl => {
                        serde_json::to_writer(&mut sink, &row)?;
                        sink.write_all(b"\n")?;
                    }
                    Format::Json => {
                        sink.write_all(if first { b"\n" } else { b",\n" })?;
                        serde_json::to_writer(&mut sink, &row)?;
                        first = false;
                    }
                }
            }
            eprintln!(
                "{}: {} checked, {} consistent, {} inconsistent, {} unverifiable",
                report.doc, tally.checked, tally.consistent, tally.inconsistent, tally.unverifiable
            );
            Ok(())
        },
    )?;
    if a.out.format == Format::Json {
        sink.write_all(b"\n]\n")?;
    }
    sink.commit()?;
    if sources.len() > 1 {
        eprintln!(
            "zhibiao: total {} checked, {} consistent, {} inconsistent, {} unverifiable",
            total.checked, total.consistent, total.inconsistent, total.unverifiable
        );
    }
    Ok(if failed > 0 {
        2
    } else if total.inconsistent > 0 && !a.no_fail {
        1
    } else {
        0
    })
}
