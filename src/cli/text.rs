//! `zhibiao text`: the decoded plain text that start/end offsets count code points of.

use std::io::Write;

use super::common::{self, InputArgs};

/// Flags of `text`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `text`. Each document is written as soon as it is read (an archive's members one by one); a file
/// that cannot be read is reported and the exit code is 2, as it is for a warning (bytes replaced, a
/// directory skipped), whose document is still written.
pub fn run(a: Args) -> anyhow::Result<u8> {
    let opts = a.input.options()?;
    let paths = a.input.paths_or_stdin()?;
    let listing = common::list_sources(&a.input, &paths);
    let mut bad = !listing.errors.is_empty();
    for e in &listing.errors {
        common::report_error(e);
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let many = listing.sources.len() > 1;
    let write = |out: &mut std::io::StdoutLock, doc: &zhibiao::Document| -> std::io::Result<()> {
        if many {
            writeln!(out, "==> {} <==", doc.name)?;
        }
        out.write_all(doc.text.as_bytes())?;
        if !doc.text.ends_with('\n') {
            writeln!(out)?;
        }
        Ok(())
    };
    for src in &listing.sources {
        let mut failed_write = None;
        common::read_source_each(src, &opts, &mut |d| match d {
            Ok(doc) => {
                if failed_write.is_none()
                    && let Err(e) = write(&mut out, &doc)
                {
                    failed_write = Some(e);
                }
            }
            Err(e) => {
                bad = true;
                common::report_error(&e);
            }
        });
        if let Some(e) = failed_write {
            return Err(e.into());
        }
    }
    out.flush()?;
    Ok(if bad { 2 } else { 0 })
}
