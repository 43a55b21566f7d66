//! .zip archives: every member read by the same rules, with zip-bomb guards.

use super::{InputError, InputOptions};
use crate::Document;
use std::io::Read;

/// Most uncompressed bytes read from one archive (all members together).
pub const MAX_ARCHIVE_TOTAL: u64 = 512 << 20;
/// Most uncompressed bytes of one member.
pub const MAX_MEMBER: u64 = 256 << 20;
/// Largest believable compression ratio for members over 1 MiB.
const MAX_RATIO: u64 = 200;
/// Archives nested deeper than this are not opened.
pub const MAX_DEPTH: usize = 2;

fn hidden(member: &str) -> bool {
    member.split('/').any(|c| c.starts_with('.') || c == "__MACOSX")
}

pub(crate) fn read_zip(
    name: &str,
    bytes: &[u8],
    opts: &InputOptions,
    depth: usize,
) -> Vec<Result<Document, InputError>> {
    if depth > MAX_DEPTH {
        return vec![Err(InputError::new(name, format!("archive nested more than {MAX_DEPTH} deep; not opened")))];
    }
    let mut zip = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) => return vec![Err(InputError::new(name, format!("not a valid .zip: {e}")))],
    };
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut f = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                out.push(Err(InputError::new(format!("{name}!#{i}"), format!("cannot read member: {e}"))));
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
            continue;
        }
        let doc_name = format!("{name}!{member}");
        let declared = f.size();
        let packed = f.compressed_size().max(1);
        if declared > MAX_MEMBER {
            out.push(Err(InputError::new(
                doc_name,
                format!("member too large ({declared} bytes uncompressed; limit {MAX_MEMBER})"),
            )));
            continue;
        }
        if declared > (1 << 20) && declared / packed > MAX_RATIO {
            out.push(Err(InputError::new(
                doc_name,
                format!("suspicious compression ratio {}:1 (zip bomb?); not read", declared / packed),
            )));
            continue;
        }
        let budget = MAX_MEMBER.min(MAX_ARCHIVE_TOTAL.saturating_sub(total));
        let mut data = Vec::with_capacity(declared.min(budget) as usize);
        if let Err(e) = (&mut f).take(budget + 1).read_to_end(&mut data) {
            out.push(Err(InputError::new(doc_name, format!("cannot read member: {e}"))));
            continue;
        }
        total += data.len() as u64;
        if data.len() as u64 > budget {
            let why = if budget < MAX_MEMBER {
                format!("archive expands to more than {MAX_ARCHIVE_TOTAL} bytes; rest not read")
            } else {
                format!("member expands to more than {MAX_MEMBER} bytes (zip bomb?); not read")
            };
            out.push(Err(InputError::new(doc_name, why)));
            if budget < MAX_MEMBER {
                break;
            }
            continue;
        }
        out.extend(super::read_bytes_at(&doc_name, &member, &data, opts, depth + 1));
    }
    out
}
