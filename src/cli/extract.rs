//! `zhibiao extract`: reports in, one row per indicator out.

use std::path::PathBuf;

use rayon::prelude::*;
use zhibiao::input::InputError;
use zhibiao::output::{Format, RowWriter};

use super::common::{self, DictArgs, InputArgs, Sink};

/// Flags of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    pub format: Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// CSV with a UTF-8 BOM, so Excel opens it correctly.
    #[arg(long)]
    pub excel: bool,
    /// Also list years, dates and ordinals (typed as such).
    #[arg(long)]
    pub all: bool,
}

/// Runs `extract`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    let mut errors: Vec<InputError> = Vec::new();
    let sources = common::sources(&a.input, &mut errors);
    for e in &errors {
        common::report_error(e);
    }
    let mut failed = errors.len();
    if a.input.paths.is_empty() {
        anyhow::bail!("no input: give report files or directories, or - for stdin");
    }
    let sink = Sink::open(a.output.as_ref())?;
    let mut w = RowWriter::new(a.format, sink, a.excel && a.format == Format::Csv)?;
    let (mut files, mut figures) = (0usize, 0usize);
    // Bounded batches keep memory flat and output in input order whatever the thread count.
    let batch = rayon::current_num_threads() * 4;
    for chunk in sources.chunks(batch.max(1)) {
        let results: Vec<_> = chunk
            .par_iter()
            .map(|src| {
                common::read_source(src, &opts)
                    .into_iter()
                    .map(|d| {
                        d.map(|doc| {
                            let mut report = analyzer.analyze(&doc);
                            zhibiao::verify::check_report(&mut report);
                            report
                        })
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        for per_file in results {
            files += 1;
            for r in per_file {
                match r {
                    Ok(report) => {
                        figures += report.indicators.len();
                        w.write_report(&report)?;
                    }
                    Err(e) => {
                        failed += 1;
                        common::report_error(&e);
                    }
                }
            }
        }
        w.flush()?;
    }
    let sink = w.finish()?;
    sink.commit()?;
    if files > 1 || failed > 0 {
        eprintln!("zhibiao: {files} files read, {failed} failed, {figures} figures found");
    }
    Ok(if failed > 0 { 2 } else { 0 })
}
