//! `zhibiao view`: reports in, one self-contained HTML page out.

use std::io::Write;
use std::path::PathBuf;

use zhibiao::view::{self, Entry};

use super::common::{self, DictArgs, InputArgs, Sink};

/// Flags of `view`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Write the page to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// Also show years, dates and ordinals.
    #[arg(long)]
    pub all: bool,
}

/// Runs `view`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    if a.input.paths.is_empty() {
        anyhow::bail!("no input: give report files or directories, or - for stdin");
    }
    let (sources, mut failed) = common::listed_sources(&a.input);
    let mut entries = Vec::new();
    failed += common::for_each_document(
        &sources,
        &opts,
        |doc| {
            let report = analyzer.analyze(&doc);
            Entry::new(&doc, report)
        },
        |e| {
            entries.push(e);
            Ok(())
        },
    )?;
    if entries.is_empty() {
        anyhow::bail!("no report could be read");
    }
    let html = view::page(&entries)?;
    let mut sink = Sink::open(a.output.as_ref())?;
    sink.write_all(html.as_bytes())?;
    sink.commit()?;
    if entries.len() > 1 || failed > 0 {
        eprintln!("zhibiao: {} reports shown, {failed} failed", entries.len());
    }
    Ok(if failed > 0 { 2 } else { 0 })
}
