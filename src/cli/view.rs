//! `zhibiao view`: reports in, one self-contained HTML page out.

use std::io::Write;
use std::path::PathBuf;

use zhibiao::view::{self, Entry};

use super::batch;
use super::common::{self, DictArgs, InputArgs, Sink};

/// Flags of `view`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Write the page to FILE (atomically; a device or FIFO is written through) instead of stdout; `-` is
    /// stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also show years, dates and ordinals.
    #[arg(long)]
    pub all: bool,
    /// No summary line and no progress: only errors on stderr.
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

/// Runs `view`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    if let Some(p) = a.output.as_deref().filter(|p| p.as_os_str() != "-")
        && let Some(f) = zhibiao::output::Format::from_extension(p)
    {
        anyhow::bail!(
            "-o {}: view writes an HTML page, not {}; `zhibiao extract -o {}` writes the table",
            p.display(),
            f.as_str(),
            p.display()
        );
    }
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    let paths = a.input.paths_or_stdin()?;
    let listing = common::list_sources(&a.input, &paths);
    for e in &listing.errors {
        common::report_error(e);
    }
    let mut entries = Vec::new();
    let counts = batch::run_files(
        &listing.sources,
        &analyzer,
        &opts,
        a.quiet,
        |analyzer, p| {
            let text = p.doc.text.clone();
            let report = analyzer.finish(p);
            Entry { text, report }
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
    let mut sink = Sink::open(a.output.as_deref())?;
    sink.write_all(html.as_bytes())?;
    sink.commit()?;
    let counts = counts.with_listing(&listing.errors);
    if !a.quiet && (entries.len() > 1 || counts.bad()) {
        eprintln!("zhibiao: {} reports shown, {} failed{}", entries.len(), counts.failed, counts.warned());
    }
    Ok(if counts.bad() { 2 } else { 0 })
}
