//! `zhibiao text`: the decoded plain text that start/end offsets count code points of.

use std::io::Write;

use super::common::{self, InputArgs};

/// Flags of `text`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `text`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    let opts = a.input.options()?;
    let paths = a.input.paths_or_stdin()?;
    let listing = common::list_sources(&a.input, &paths);
    let mut failed = listing.errors.len();
    for e in &listing.errors {
        common::report_error(e);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let many = listing.sources.len() > 1;
    for src in &listing.sources {
        for d in common::read_source(src, &opts) {
            match d {
                Ok(doc) => {
                    if many {
                        writeln!(out, "==> {} <==", doc.name)?;
                    }
                    out.write_all(doc.text.as_bytes())?;
                    if !doc.text.ends_with('\n') {
                        writeln!(out)?;
                    }
                }
                Err(e) => {
                    failed += 1;
                    common::report_error(&e);
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 { 2 } else { 0 })
}
