//! `zhibiao compare`: reports of several years in, one row per indicator with a column per year out.

use std::path::PathBuf;

use anyhow::Context;
use zhibiao::compare::{self, Aliases, Table};
use zhibiao::output::{self, Cell, Format, TableWriter};

use super::batch;
use super::common::{self, DictArgs, InputArgs, OutputArgs};

/// Flags of `compare`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    #[command(flatten)]
    pub out: OutputArgs,
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
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub min_years: usize,
}

/// Runs `compare`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let options = a.out.options(Format::Csv)?;
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, false)?;
    let mut aliases = Aliases::builtin();
    for f in &a.aliases {
        let t = std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
        aliases.add(&t);
    }
    let paths = a.input.paths_or_stdin()?;
    let listing = common::list_sources(&a.input, &paths);
    for e in &listing.errors {
        common::report_error(e);
    }
    // The columns of the long and claims tables are known before reading; the wide table's years are not.
    let fixed = if a.claims {
        Some(output::claims_schema())
    } else if a.long {
        Some(output::long_schema())
    } else {
        None
    };
    if let Some(s) = &fixed {
        output::select(s, options.columns.as_deref())?;
    }
    let mut reports = Vec::new();
    let counts = batch::run_files(
        &listing.sources,
        &analyzer,
        &opts,
        a.out.quiet,
        |a, p| a.finish(p),
        |rep| {
            reports.push(rep);
            Ok(())
        },
    )?;
    let table = Table::new(compare::entries(&reports, &aliases));
    // The wide table as a workbook: a sheet per region, targets beside actuals. `--columns` names columns
    // of the flat table, so with it the workbook is that table on one sheet.
    if options.format == Format::Xlsx && !a.claims && !a.long && options.columns.is_none() {
        let (sink, sheets) = output::compare_xlsx(a.out.sink()?, &table, a.min_years, &options)?;
        sink.commit()?;
        let counts = counts.with_listing(&listing.errors);
        if !a.out.quiet {
            let (_, rows) = output::wide_table(&table, a.min_years);
            eprintln!(
                "zhibiao: {} reports, {} failed{}, {} rows, {sheets} region sheets",
                reports.len(),
                counts.failed,
                counts.warned(),
                rows.len(),
            );
        }
        return Ok(if counts.bad() { 2 } else { 0 });
    }
    let (schema, rows) = if a.claims {
        output::claims_table(&table)
    } else if a.long {
        output::long_table(&table, a.min_years)
    } else {
        output::wide_table(&table, a.min_years)
    };
    output::select(&schema, options.columns.as_deref())?;
    let disagree = if a.claims {
        let verdict = schema.position("verdict").expect("claims have a verdict");
        rows.iter().filter(|r| r[verdict] == Cell::label("disagrees")).count()
    } else {
        0
    };
    let mut w = TableWriter::new(a.out.sink()?, schema, &options)?;
    for r in &rows {
        w.write_row(r)?;
    }
    w.finish()?.commit()?;
    let counts = counts.with_listing(&listing.errors);
    if !a.out.quiet {
        eprintln!(
            "zhibiao: {} reports, {} failed{}, {} rows{}",
            reports.len(),
            counts.failed,
            counts.warned(),
            rows.len(),
            if a.claims { format!(", {disagree} claims disagree") } else { String::new() }
        );
    }
    Ok(if counts.bad() { 2 } else { 0 })
}
