//! `zhibiao compare`: reports of several years in, one row per indicator with a column per year out.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use zhibiao::compare::{self, Aliases, Table};
use zhibiao::output::Format;

use super::common::{self, DictArgs, InputArgs, Sink, TableOutput};

/// Flags of `compare`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    #[command(flatten)]
    pub out: TableOutput,
    /// One row per figure instead of one row per indicator.
    #[arg(long, conflicts_with = "claims")]
    pub long: bool,
    /// Instead of the table, the changes the reports state (同比, 比上年 …) recomputed from the levels of both
    /// years, with whether they agree.
    #[arg(long)]
    pub claims: bool,
    /// Extra indicator aliases (`CANONICAL<TAB>ALIAS<TAB>ALIAS…` per line).
    #[arg(long = "aliases", value_name = "FILE")]
    pub aliases: Vec<PathBuf>,
    /// Leave out indicators with a value in fewer than N years.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub min_years: usize,
}

/// Runs `compare`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    if a.input.paths.is_empty() {
        anyhow::bail!("no input: give report files or directories, or - for stdin");
    }
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, false)?;
    let mut aliases = Aliases::builtin();
    for f in &a.aliases {
        let t = std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
        aliases.add(&t);
    }
    let (sources, mut failed) = common::listed_sources(&a.input);
    let mut reports = Vec::new();
    failed += common::for_each_document(
        &sources,
        &opts,
        |doc| analyzer.analyze(&doc),
        |rep| {
            reports.push(rep);
            Ok(())
        },
    )?;
    let entries = compare::entries(&reports, &aliases);
    let table = Table::new(entries);
    let (header, rows) = if a.claims {
        table.claims_table()
    } else if a.long {
        table.long(a.min_years)
    } else {
        table.wide(a.min_years)
    };
    let mut sink = Sink::open(a.out.output.as_ref())?;
    write_table(&mut sink, a.out.format, a.out.excel && a.out.format == Format::Csv, &header, &rows)?;
    sink.commit()?;
    let disagree = if a.claims { rows.iter().filter(|r| r[5] == "disagrees").count() } else { 0 };
    eprintln!(
        "zhibiao: {} reports, {failed} failed, {} rows{}",
        reports.len(),
        rows.len(),
        if a.claims { format!(", {disagree} claims disagree") } else { String::new() }
    );
    Ok(if failed > 0 { 2 } else { 0 })
}

/// Writes a table of strings as CSV, JSON Lines or JSON (numbers as numbers, empty cells as null).
fn write_table<W: Write>(
    w: &mut W,
    format: Format,
    bom: bool,
    header: &[String],
    rows: &[Vec<String>],
) -> anyhow::Result<()> {
    match format {
        Format::Csv => {
            if bom {
                w.write_all(b"\xef\xbb\xbf")?;
            }
            let mut c = csv::Writer::from_writer(&mut *w);
            c.write_record(header)?;
            for r in rows {
                c.write_record(r)?;
            }
            c.flush()?;
        }
        Format::Jsonl | Format::Json => {
            if format == Format::Json {
                w.write_all(b"[")?;
            }
            for (i, r) in rows.iter().enumerate() {
                let mut m = serde_json::Map::new();
                for (k, v) in header.iter().zip(r) {
                    let val = if v.is_empty() {
                        serde_json::Value::Null
                    } else if let (true, Ok(n)) = (is_number_column(k), v.parse::<serde_json::Number>()) {
                        serde_json::Value::Number(n)
                    } else {
                        serde_json::Value::String(v.clone())
                    };
                    m.insert(k.clone(), val);
                }
                if format == Format::Json {
                    w.write_all(if i == 0 { b"\n" } else { b",\n" })?;
                }
                serde_json::to_writer(&mut *w, &serde_json::Value::Object(m))?;
                if format == Format::Jsonl {
                    w.write_all(b"\n")?;
                }
            }
            if format == Format::Json {
                w.write_all(b"\n]\n")?;
            }
        }
    }
    Ok(())
}

/// Columns that hold numbers (years, values, changes); the rest stay strings even when they look numeric.
fn is_number_column(k: &str) -> bool {
    k.chars().next().is_some_and(|c| c.is_ascii_digit()) && !k.ends_with(" met")
        || matches!(
            k,
            "years"
                | "ref_year"
                | "value"
                | "value_max"
                | "stated_value"
                | "computed"
                | "difference"
                | "level"
                | "base"
                | "base_year"
        )
}
