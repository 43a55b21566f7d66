//! `zhibiao verify`: one row per checked percentage (the inconsistent ones of each file first), a summary per
//! file, exit 1 on any inconsistency.

use zhibiao::output::{CheckRow, Format, TableWriter, check_schema, select};
use zhibiao::verify::{Check, Verdict};

use super::batch;
use super::common::{self, DictArgs, InputArgs, OutputArgs};

/// Verdicts on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum VerdictArg {
    Consistent,
    Inconsistent,
    Unverifiable,
}

impl VerdictArg {
    fn is(self, v: Verdict) -> bool {
        matches!(
            (self, v),
            (VerdictArg::Consistent, Verdict::Consistent)
                | (VerdictArg::Inconsistent, Verdict::Inconsistent)
                | (VerdictArg::Unverifiable, Verdict::Unverifiable)
        )
    }
}

/// Flags of `verify`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Exit 0 even when a figure is inconsistent.
    #[arg(long)]
    pub no_fail: bool,
    /// Only rows with these verdicts (comma-separated, e.g. `--only inconsistent`); the summaries and the
    /// exit code still count every check.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "VERDICTS")]
    pub only: Vec<VerdictArg>,
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

/// Runs `verify`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let options = a.out.options(Format::Csv)?;
    let schema = check_schema();
    select(&schema, options.columns.as_deref())?;
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, false)?;
    let paths = a.input.paths_or_stdin()?;
    let listing = common::list_sources(&a.input, &paths);
    for e in &listing.errors {
        common::report_error(e);
    }
    let mut w = TableWriter::new(a.out.sink()?, schema, &options)?;
    let mut total = Tally::default();
    let counts = batch::run_files(
        &listing.sources,
        &analyzer,
        &opts,
        a.out.quiet,
        |analyzer, p| {
            let report = analyzer.finish(p);
            let checks = analyzer.checks(&report);
            (report, checks)
        },
        |(report, checks)| {
            let mut tally = Tally::default();
            // The inconsistent figures lead, then every other check in text order.
            let mut order: Vec<&Check> = checks.iter().collect();
            order.sort_by_key(|c| c.verdict != Verdict::Inconsistent);
            for c in order {
                tally.add(c.verdict);
                total.add(c.verdict);
                if a.only.is_empty() || a.only.iter().any(|o| o.is(c.verdict)) {
                    w.write_row(&CheckRow { report: &report, check: c }.cells())?;
                }
            }
            if !a.out.quiet {
                eprintln!(
                    "{}: {} checked, {} consistent, {} inconsistent, {} unverifiable",
                    report.doc, tally.checked, tally.consistent, tally.inconsistent, tally.unverifiable
                );
            }
            Ok(())
        },
    )?;
    w.finish()?.commit()?;
    let counts = counts.with_listing(&listing.errors);
    if !a.out.quiet && listing.sources.len() > 1 {
        eprintln!(
            "zhibiao: total {} checked, {} consistent, {} inconsistent, {} unverifiable{}",
            total.checked,
            total.consistent,
            total.inconsistent,
            total.unverifiable,
            counts.warned()
        );
    }
    Ok(if counts.bad() {
        2
    } else if total.inconsistent > 0 && !a.no_fail {
        1
    } else {
        0
    })
}
