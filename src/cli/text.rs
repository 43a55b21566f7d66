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
    let mut errors = Vec::new();
    let sources = common::sources(&a.input, &mut errors);
    let mut failed = errors.iter().filter(|e| !e.warning).count();
    for e in &errors {
        common::report_error(e);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for src in &sources {
        for d in common::read_source(src, &opts) {
            match d {
                Ok(doc) => {
                    if sources.len() > 1 {
                        writeln!(out, "==> {} <==", doc.name)?;
                    }
                    out.write_all(doc.text.as_bytes())?;
                    if !doc.text.ends_with('\n') {
                        writeln!(out)?;
                    }
                }
                Err(e) => {
                    failed += usize::from(!e.warning);
                    common::report_error(&e);
                }
            }
        }
    }
    Ok(if failed > 0 { 2 } else { 0 })
}
