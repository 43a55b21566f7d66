//! `zhibiao text`: the decoded plain text that start/end offsets count code points of.

use std::io::Write;

use super::common::{self, InputArgs};

/// Flags of `text`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print each table the text holds one row per line, its cells aligned between ` | `, for reading (offsets
    /// then count the text without this option)
    #[arg(long)]
    pub tables: bool,
}

/// The text with each table's rows written aligned, its cells between ` | `.
fn with_tables_rendered(text: &str, words: &zhibiao::dicts::TableWords) -> String {
    let tables = zhibiao::table::find_tables(text, words);
    if tables.is_empty() {
        return text.to_string();
    }
    // Byte offset of each table's first and last code point, in one walk.
    let mut bounds: Vec<usize> = tables.iter().flat_map(|t| [t.start, t.end]).collect();
    bounds.sort_unstable();
    let mut bytes = Vec::with_capacity(bounds.len());
    let mut k = 0;
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        while k < bounds.len() && bounds[k] == ci {
            bytes.push(bi);
            k += 1;
        }
    }
    while bytes.len() < bounds.len() {
        bytes.push(text.len());
    }
    let byte = |c: usize| bounds.iter().position(|&b| b == c).map_or(text.len(), |i| bytes[i]);
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut at = 0;
    for t in &tables {
        let (a, b) = (byte(t.start), byte(t.end));
        if a < at {
            continue;
        }
        out.push_str(&text[at..a]);
        out.push_str(zhibiao::table::render(t).trim_end_matches('\n'));
        at = b;
    }
    out.push_str(&text[at..]);
    out
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
    let words = a.tables.then(|| zhibiao::Dicts::builtin().table);
    let write = |out: &mut std::io::StdoutLock, doc: &zhibiao::Document| -> std::io::Result<()> {
        if many {
            writeln!(out, "==> {} <==", doc.name)?;
        }
        match &words {
            Some(w) => out.write_all(with_tables_rendered(&doc.text, w).as_bytes())?,
            None => out.write_all(doc.text.as_bytes())?,
        }
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
