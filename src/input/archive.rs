//! .zip archives: every member read by the same rules, one at a time, with zip-bomb guards.
//!
//! One decompression budget covers a whole archive tree (an archive, the archives in it, the Word
//! documents and PDFs in those): [`Budget`], twice the per-document size cap (512 MB by default). Each
//! member is read, decoded and handed on before the next is inflated; nesting stops at [`MAX_DEPTH`].

use super::{InputError, InputOptions, human};
use crate::Document;
use std::io::Read;

/// Largest believable compression ratio for members over 1 MiB.
pub(crate) const MAX_RATIO: u64 = 200;
/// Archives nested deeper than this are not opened.
pub const MAX_DEPTH: usize = 2;

/// What may still be inflated from one file and everything inside it.
#[derive(Debug)]
pub(crate) struct Budget {
    /// Bytes left.
    pub(crate) left: u64,
    /// The whole budget, for messages.
    pub(crate) total: u64,
    /// Set once the budget ran out (and that was reported): nothing more is read from this tree.
    pub(crate) blown: bool,
}

impl Budget {
    /// The budget for one input file: twice the per-document cap.
    pub(crate) fn new(opts: &InputOptions) -> Self {
        let total = opts.max_size.saturating_mul(2);
        Budget { left: total, total, blown: false }
    }

    /// Takes `n` bytes from the budget.
    pub(crate) fn spend(&mut self, n: u64) {
        self.left = self.left.saturating_sub(n);
    }

    /// What one part may inflate to: the document cap or what is left, whichever is less.
    pub(crate) fn cap(&self, opts: &InputOptions) -> u64 {
        opts.max_size.min(self.left)
    }

    /// The message for an archive whose contents exceed the budget.
    pub(crate) fn exceeded(&self) -> String {
        format!(
            "archive exceeds the {} decompression budget (zip bomb?); the rest of it is not read",
            human(self.total)
        )
    }
}

/// Members that are no files of the archive's content: macOS resource forks, dot files, dot folders.
/// `.` and `..` are path steps, not hidden names: such a member is read like any other (nothing is
/// written to disk, its name is only a label).
fn hidden(member: &str) -> bool {
    member.split(['/', '\\']).any(|c| (c.starts_with('.') && c != "." && c != "..") || c == "__MACOSX")
}

/// Reads every member of the zip `bytes` named `name`, handing each document (or error) to `each` as soon
/// as it is read.
pub(crate) fn read_zip(
    name: &str,
    bytes: &[u8],
    opts: &InputOptions,
    budget: &mut Budget,
    depth: usize,
    each: &mut dyn FnMut(Result<Document, InputError>),
) {
    if budget.blown {
        return;
    }
    if depth > MAX_DEPTH {
        each(Err(InputError::new(name, format!("archive nested more than {MAX_DEPTH} deep; not opened"))));
        return;
    }
    let mut zip = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) => {
            each(Err(InputError::new(name, format!("not a valid .zip: {e}"))));
            return;
        }
    };
    let handed = std::cell::Cell::new(0usize);
    let mut skipped = 0usize;
    let mut each = |r: Result<Document, InputError>| {
        handed.set(handed.get() + 1);
        each(r);
    };
    for i in 0..zip.len() {
        if budget.blown {
            return;
        }
        let mut f = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                each(Err(InputError::new(format!("{name}!#{i}"), format!("cannot read member: {e}"))));
                continue;
            }
        };
        if f.is_dir() {
            continue;
        }
        let member = match f.name() {
            Ok(n) => n.into_owned(),
            Err(_) => String::from_utf8_lossy(f.name_raw()).into_owned(),
        };
        if hidden(&member) {
            skipped += 1;
            continue;
        }
        let doc_name = format!("{name}!{member}");
        let declared = f.size();
        let packed = f.compressed_size().max(1);
        if declared > opts.max_size {
            each(Err(InputError::new(
                doc_name,
                format!(
                    "member too large ({declared} bytes uncompressed; the limit is {}, see --max-size)",
                    human(opts.max_size)
                ),
            )));
            continue;
        }
        if declared > (1 << 20) && declared / packed > MAX_RATIO {
            each(Err(InputError::new(
                doc_name,
                format!("suspicious compression ratio {}:1 (zip bomb?); not read", declared / packed),
            )));
            continue;
        }
        // Declared sizes can lie: what is inflated is counted, and no more than the cap is.
        let cap = budget.cap(opts);
        let mut data = Vec::with_capacity(declared.min(cap) as usize);
        let read = (&mut f).take(cap + 1).read_to_end(&mut data);
        drop(f);
        budget.spend(data.len() as u64);
        if let Err(e) = read {
            each(Err(InputError::new(doc_name, format!("cannot read member: {e}"))));
            continue;
        }
        if data.len() as u64 > cap {
            if cap < opts.max_size {
                budget.blown = true;
                each(Err(InputError::new(name, budget.exceeded())));
                return;
            }
            each(Err(InputError::new(
                doc_name,
                format!("member expands to more than {} (zip bomb?); not read", human(opts.max_size)),
            )));
            continue;
        }
        super::read_owned(&doc_name, &member, data, opts, budget, depth + 1, &mut each);
    }
    if handed.get() == 0 {
        let why = if skipped > 0 {
            format!("archive holds no files to read ({skipped} hidden members skipped)")
        } else {
            "archive holds no files".to_string()
        };
        each(Err(InputError::new(name, why)));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hidden_members() {
        for m in [".DS_Store", "__MACOSX/a.txt", "a/.git/x", "a\\.hidden"] {
            assert!(super::hidden(m), "{m}");
        }
        for m in ["a.txt", "../a.txt", "./b/c.txt", "a/../b.txt"] {
            assert!(!super::hidden(m), "{m}");
        }
    }
}
