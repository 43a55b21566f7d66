//! Bytes to [`crate::Document`]: encodings and file formats. The only layer that opens files.
//!
//! Formats, chosen by extension and then by sniffing the bytes: plain text and Markdown (UTF-8,
//! UTF-16 with BOM, GBK/GB18030), web pages and web-page text dumps, Word .docx, CSV/TSV with a
//! report per row, TMX (Chinese side), PDF (feature `pdf`), and .zip archives of any of these.

mod archive;
mod chrome;
mod csvdoc;
mod docx;
mod encoding;
mod html;
mod pdf;
mod tmx;

pub use archive::MAX_DEPTH;
pub use chrome::PAGE_CHROME;
pub use docx::{document_xml_to_text, docx_to_text};
pub use encoding::{Damage, Decoded, decode, decode_text, normalize_newlines};
pub use html::{clean_webdump, decode_entities, html_to_text};
pub use tmx::tmx_to_text;

use crate::Document;
use archive::Budget;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Default cap on one document (a file, stdin, an archive member), `--max-size`.
pub const MAX_FILE: u64 = 256 << 20;

/// Default time a pipe or device named as a file may send nothing before it is given up, `--read-timeout`.
pub const READ_TIMEOUT: Duration = Duration::from_secs(30);

/// Bytes looked at before reading on: binary content is refused on these.
const SNIFF: usize = 64 << 10;

/// How to read input.
#[derive(Clone, Debug)]
pub struct InputOptions {
    /// `--encoding`: decode every text file with this encoding instead of guessing.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// `--strict-decoding`: refuse a file with any undecodable byte instead of replacing a few with U+FFFD.
    pub strict_decoding: bool,
    /// `--max-size`: the most bytes of one document read (a file, stdin, an archive member; a Word
    /// document's text part; a PDF's streams, inflated). An archive tree may inflate to twice this in all.
    pub max_size: u64,
    /// `--read-timeout`: a pipe or device named as a file is given up when it sends nothing for this long.
    pub read_timeout: Duration,
}

impl Default for InputOptions {
    fn default() -> Self {
        InputOptions { encoding: None, strict_decoding: false, max_size: MAX_FILE, read_timeout: READ_TIMEOUT }
    }
}

/// A file (or member, or CSV row) that could not be read, or — when `warning` is set — a note about
/// one that was read all the same (its document follows).
#[derive(Debug, Clone)]
pub struct InputError {
    /// The file (or `archive!member`, `file.csv#3`) the problem is about.
    pub path: String,
    /// What is wrong, for a reader.
    pub message: String,
    /// A warning: the document was read (with replacements, say) and follows; not a failure, though the
    /// command line exits 2 for it.
    pub warning: bool,
}

impl InputError {
    /// A failure to read `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { path: path.into(), message: message.into(), warning: false }
    }

    /// A warning about `path`, which was read all the same.
    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { path: path.into(), message: message.into(), warning: true }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

/// `256 MB`, `64 KB`, `1000 bytes`: a size as a limit is stated.
pub fn human(bytes: u64) -> String {
    if bytes >= 1 << 20 && bytes.is_multiple_of(1 << 20) {
        format!("{} MB", bytes >> 20)
    } else if bytes >= 1 << 10 && bytes.is_multiple_of(1 << 10) {
        format!("{} KB", bytes >> 10)
    } else {
        format!("{bytes} bytes")
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Expand files and directories (recursive, sorted by path, skipping hidden files) into files to read, in order.
///
/// Symbolic links are followed, but a directory already walked (the same device and inode) is not walked
/// again: a link back up the tree (`ln -s . d/x`) gives a warning instead of the same files again, or an
/// endless walk. Within one argument, a file reached twice (by a link) is listed once, at its first path.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut walk = Walk::default();
                walk.seen_dir(p, &m);
                walk.walk(p, 0, &mut errors);
                let mut found = walk.found;
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(InputError::new(p.display().to_string(), io_message(&e))),
        }
    }
    (files, errors)
}

/// Identity of a file or directory: device and inode where there are such, else its canonical path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

fn file_id(path: &Path, m: &std::fs::Metadata) -> FileId {
    #[cfg(unix)]
    {
        let _ = path;
        use std::os::unix::fs::MetadataExt;
        FileId::Inode(m.dev(), m.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
    }
}

#[derive(Default)]
struct Walk {
    found: Vec<PathBuf>,
    /// Directories walked and files listed, with the path they were first met at.
    seen: std::collections::HashMap<FileId, PathBuf>,
}

impl Walk {
    /// Records `dir` as walked; `Some(first path)` when it already was.
    fn seen_dir(&mut self, dir: &Path, m: &std::fs::Metadata) -> Option<PathBuf> {
        match self.seen.entry(file_id(dir, m)) {
            std::collections::hash_map::Entry::Occupied(e) => Some(e.get().clone()),
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(dir.to_path_buf());
                None
            }
        }
    }

    /// Walks `dir` in sorted order, so that of two paths to one directory or file, the first in sorted
    /// order is the one kept, whatever order the system lists entries in.
    fn walk(&mut self, dir: &Path, depth: usize, errors: &mut Vec<InputError>) {
        if depth > 64 {
            errors.push(InputError::new(dir.display().to_string(), "directories nested too deep (symlink loop?)"));
            return;
        }
        let rd = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push(InputError::new(dir.display().to_string(), io_message(&e)));
                return;
            }
        };
        let mut entries = Vec::new();
        for entry in rd {
            match entry {
                Ok(e) => entries.push(e.path()),
                Err(e) => errors.push(InputError::new(dir.display().to_string(), io_message(&e))),
            }
        }
        entries.sort();
        for path in entries {
            if is_hidden(&path) {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => match self.seen_dir(&path, &m) {
                    None => self.walk(&path, depth + 1, errors),
                    Some(first) => errors.push(InputError::warning(
                        path.display().to_string(),
                        format!("directory already read as {} (symlink loop?); skipped", first.display()),
                    )),
                },
                Ok(m) if m.is_file() => {
                    if let std::collections::hash_map::Entry::Vacant(v) = self.seen.entry(file_id(&path, &m)) {
                        v.insert(path.clone());
                        self.found.push(path);
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError::new(path.display().to_string(), io_message(&e))),
            }
        }
    }
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Read one file into zero or more documents (a CSV gives one per row, a zip one per member). Never panics.
pub fn read_file(path: &Path, opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    read_file_each(path, opts, &mut |d| out.push(d));
    out
}

/// [`read_file`], handing each document (or error, or warning) to `each` as soon as it is read: the
/// members of an archive one by one, never all held at once.
///
/// A regular file is read through the size cap; a pipe, device or socket named as a file too, and given
/// up when it sends nothing for `read_timeout` (a FIFO with no writer). Binary content is refused on its
/// first 64 KB, before more is read (`/dev/zero`, `/dev/urandom`).
pub fn read_file_each(path: &Path, opts: &InputOptions, each: &mut dyn FnMut(Result<Document, InputError>)) {
    let name = path.display().to_string();
    let bytes = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err("is a directory".to_string()),
        Ok(m) if m.is_file() => {
            if m.len() > opts.max_size {
                Err(format!(
                    "file too large ({} bytes; the limit is {}, see --max-size)",
                    m.len(),
                    human(opts.max_size)
                ))
            } else {
                match std::fs::File::open(path) {
                    Ok(f) => read_capped(f, &name, opts, m.len()),
                    Err(e) => Err(io_message(&e)),
                }
            }
        }
        Ok(m) => read_special(path, &name, &m, opts),
        Err(e) => Err(io_message(&e)),
    };
    match bytes {
        Ok(b) => read_owned(&name, &name, b, opts, &mut Budget::new(opts), 0, &mut |d| each_report(d, each)),
        Err(m) => each(Err(InputError::new(name, m))),
    }
}

/// Hands on a document, or each of the reports it holds (`file.docx#1`, `file.docx#2` …, see
/// [`crate::meta::report_starts`]), with offsets that go on counting the file's text.
fn each_report(d: Result<Document, InputError>, each: &mut dyn FnMut(Result<Document, InputError>)) {
    let doc = match d {
        Ok(doc) => doc,
        Err(e) => return each(Err(e)),
    };
    let starts = crate::meta::report_starts(&doc.text);
    if starts.is_empty() {
        return each(Ok(doc));
    }
    let mut bounds = vec![0];
    bounds.extend(starts);
    bounds.push(doc.text.len());
    let mut cp = 0;
    for (i, w) in bounds.windows(2).enumerate() {
        let text = doc.text[w[0]..w[1]].to_string();
        let n = text.chars().count();
        let replacements = doc.replacements.iter().filter(|&&r| r >= cp && r < cp + n).map(|r| r - cp).collect();
        each(Ok(Document {
            name: format!("{}#{}", doc.name, i + 1),
            text,
            region: doc.region.clone(),
            // The year a container states names no one of several reports.
            year: None,
            replacements,
            offset: doc.offset + cp,
        }));
        cp += n;
    }
}

/// Reads a stream (stdin) named `name` through the size cap, refusing binary content on its first bytes.
pub fn read_reader(name: &str, reader: impl Read, opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    read_reader_each(name, reader, opts, &mut |d| out.push(d));
    out
}

/// [`read_reader`], handing each document to `each` as it is read.
pub fn read_reader_each(
    name: &str,
    reader: impl Read,
    opts: &InputOptions,
    each: &mut dyn FnMut(Result<Document, InputError>),
) {
    match read_capped(reader, name, opts, 0) {
        Ok(b) => read_owned(name, name, b, opts, &mut Budget::new(opts), 0, &mut |d| each_report(d, each)),
        Err(m) => each(Err(InputError::new(name, m))),
    }
}

fn too_large_stream(opts: &InputOptions) -> String {
    format!("more than {} (the limit, see --max-size); not read", human(opts.max_size))
}

/// Refuses binary content on the first bytes of a file, unless it is of a binary format we read
/// (zip, Word, PDF: by name or signature) or UTF-16/UTF-32 text.
fn sniff(file_name: &str, head: &[u8], opts: &InputOptions) -> Result<(), String> {
    if head.is_empty()
        || matches!(format_by_name(file_name), Some(Format::Zip | Format::Docx | Format::Pdf))
        || head.starts_with(b"PK\x03\x04")
        || head.starts_with(b"PK\x05\x06")
        || head.starts_with(b"%PDF-")
        || encoding::wide_text(head, opts.encoding)
    {
        return Ok(());
    }
    if encoding::looks_binary(head) { Err("binary file, not a report".to_string()) } else { Ok(()) }
}

/// Reads `r` to its end through the cap, sniffing the first [`SNIFF`] bytes; `hint` is the expected size.
fn read_capped(mut r: impl Read, file_name: &str, opts: &InputOptions, hint: u64) -> Result<Vec<u8>, String> {
    let cap = opts.max_size;
    // A known size is read into a buffer of that size (the text then keeps it, without a copy).
    let start = if hint > 0 { hint.min(cap).saturating_add(1) } else { 8 << 10 };
    let mut buf = Vec::with_capacity(start as usize);
    let head = (SNIFF as u64).min(cap + 1);
    (&mut r).take(head).read_to_end(&mut buf).map_err(|e| io_message(&e))?;
    // More to come: binary content is refused before it is read (a shorter input is looked at whole,
    // by the decoding, anyway).
    if buf.len() as u64 == head {
        sniff(file_name, &buf, opts)?;
        (&mut r).take(cap + 1 - head).read_to_end(&mut buf).map_err(|e| io_message(&e))?;
    }
    if buf.len() as u64 > cap {
        return Err(too_large_stream(opts));
    }
    Ok(buf)
}

/// Reads a pipe, device or socket named as a file: on a helper thread, so that one that never sends
/// (a FIFO with no writer blocks even its opening) is given up after `read_timeout` of silence; through
/// the size cap; binary content refused on its first bytes.
fn read_special(path: &Path, name: &str, m: &std::fs::Metadata, opts: &InputOptions) -> Result<Vec<u8>, String> {
    use std::sync::mpsc;
    let kind = special_kind(m);
    let (tx, rx) = mpsc::sync_channel::<std::io::Result<Vec<u8>>>(4);
    let p = path.to_path_buf();
    let spawned = std::thread::Builder::new().name("zhibiao-read".into()).spawn(move || {
        let mut f = match std::fs::File::open(&p) {
            Ok(f) => f,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        loop {
            let mut chunk = vec![0u8; SNIFF];
            match f.read(&mut chunk) {
                Ok(0) => {
                    let _ = tx.send(Ok(Vec::new()));
                    return;
                }
                Ok(n) => {
                    chunk.truncate(n);
                    if tx.send(Ok(chunk)).is_err() {
                        return; // the reader gave up
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        }
    });
    if let Err(e) = spawned {
        return Err(format!("cannot read {kind}: {e}"));
    }
    let mut buf: Vec<u8> = Vec::new();
    let mut sniffed = false;
    loop {
        let chunk = match rx.recv_timeout(opts.read_timeout) {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => return Err(io_message(&e)),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                return Err(format!(
                    "{kind} sent nothing for {} s (no writer?); not read (see --read-timeout)",
                    opts.read_timeout.as_secs_f64()
                ));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => return Err(format!("cannot read {kind}")),
        };
        let eof = chunk.is_empty();
        buf.extend_from_slice(&chunk);
        if !sniffed && (eof || buf.len() >= SNIFF) {
            sniff(name, &buf[..buf.len().min(SNIFF)], opts).map_err(|m| format!("{m} ({kind})"))?;
            sniffed = true;
        }
        if buf.len() as u64 > opts.max_size {
            return Err(format!("{} ({kind})", too_large_stream(opts)));
        }
        if eof {
            return Ok(buf);
        }
    }
}

fn special_kind(m: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return "a pipe";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = m;
    "a special file"
}

/// Same, from bytes already in memory (stdin, zip members); `name` is what appears in output and errors.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    let mut out = Vec::new();
    if bytes.len() as u64 > opts.max_size {
        out.push(Err(InputError::new(
            name,
            format!("file too large ({} bytes; the limit is {}, see --max-size)", bytes.len(), human(opts.max_size)),
        )));
        return out;
    }
    read_owned(name, name, bytes.to_vec(), opts, &mut Budget::new(opts), 0, &mut |d| {
        each_report(d, &mut |d| out.push(d))
    });
    out
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Format {
    Text,
    Html,
    Docx,
    Csv(u8),
    Tmx,
    Zip,
    Pdf,
}

fn format_by_name(file_name: &str) -> Option<Format> {
    let lower = file_name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "docx" | "docm" | "dotx" => Some(Format::Docx),
        "zip" => Some(Format::Zip),
        "pdf" => Some(Format::Pdf),
        "html" | "htm" | "shtml" | "xhtml" => Some(Format::Html),
        "tmx" => Some(Format::Tmx),
        "csv" => Some(Format::Csv(b',')),
        "tsv" | "tab" => Some(Format::Csv(b'\t')),
        _ => None,
    }
}

fn format_of(file_name: &str, bytes: &[u8]) -> Format {
    if let Some(f) = format_by_name(file_name) {
        return f;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // a Word document is a zip with word/document.xml
        let is_docx = zip::ZipArchive::new(std::io::Cursor::new(bytes))
            .map(|z| z.index_for_name("word/document.xml").is_some())
            .unwrap_or(false);
        return if is_docx { Format::Docx } else { Format::Zip };
    }
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    Format::Text
}

/// Read `bytes` named `name` (shown in output); `file_name` picks the format; `depth` counts archives;
/// `budget` is what the file's archive tree may still inflate to.
pub(crate) fn read_owned(
    name: &str,
    file_name: &str,
    bytes: Vec<u8>,
    opts: &InputOptions,
    budget: &mut Budget,
    depth: usize,
    each: &mut dyn FnMut(Result<Document, InputError>),
) {
    if bytes.is_empty() {
        return each(Err(InputError::new(name, "empty file")));
    }
    let fail = |m: String| Err(InputError::new(name, m));
    let decoded = |bytes: Vec<u8>| decode(bytes, opts.encoding, opts.strict_decoding);
    match format_of(file_name, &bytes) {
        Format::Zip => archive::read_zip(name, &bytes, opts, budget, depth, each),
        Format::Docx => match docx::docx_to_text_limited(&bytes, budget.cap(opts)) {
            Ok((text, inflated)) => {
                budget.spend(inflated);
                // A Word file made from a PDF may keep its lines as paragraphs (`基金支` / `出 59035 亿元`).
                let text = pdf::rejoin_wrapped_lines(text);
                each(finished(name, doc(name, text), None))
            }
            Err(m) => each(fail(m)),
        },
        Format::Pdf => match pdf::pdf_to_text_limited(&bytes, budget.cap(opts)) {
            Ok((text, inflated)) => {
                budget.spend(inflated);
                each(finished(name, doc(name, text), None))
            }
            Err(m) => each(fail(m)),
        },
        Format::Html => match read_html(bytes, opts) {
            Ok(d) => {
                warn(name, &d, each);
                let text = html_to_text(&normalize_newlines(&d.text));
                each(finished(name, doc(name, text), Some(d.damage)))
            }
            Err(m) => each(fail(m)),
        },
        Format::Tmx => match decoded(bytes) {
            Ok(d) => match tmx::tmx_to_text(&d.text) {
                Ok(text) => {
                    warn(name, &d, each);
                    each(finished(name, doc(name, text), Some(d.damage)))
                }
                Err(m) => each(fail(m)),
            },
            Err(m) => each(fail(m)),
        },
        Format::Csv(delim) => match decoded(bytes) {
            Ok(d) => {
                warn(name, &d, each);
                match csvdoc::csv_documents(name, &d.text, delim) {
                    Some(docs) if docs.is_empty() => each(fail("CSV has a header but no rows".to_string())),
                    Some(docs) => {
                        for r in docs {
                            each(r.and_then(|doc| {
                                let rn = doc.name.clone();
                                finished(&rn, doc, Some(d.damage))
                            }))
                        }
                    }
                    None => each(finished(name, doc(name, text_body(d.text)), Some(d.damage))),
                }
            }
            Err(m) => each(fail(m)),
        },
        Format::Text => match decoded(bytes) {
            Ok(d) => {
                let bom_only = d.text.is_empty();
                if bom_only {
                    return each(fail("no text: only a byte-order mark".to_string()));
                }
                warn(name, &d, each);
                let damage = d.damage;
                let t = d.text;
                let text = if html::looks_like_html(&t) {
                    html_to_text(&t)
                } else if tmx::looks_like_tmx(&t) {
                    tmx::tmx_to_text(&t).unwrap_or_else(|_| text_body(t))
                } else {
                    text_body(t)
                };
                each(finished(name, doc(name, text), Some(damage)))
            }
            Err(m) => each(fail(m)),
        },
    }
}

/// Warns of what decoding `d` replaced, if anything.
fn warn(name: &str, d: &Decoded, each: &mut dyn FnMut(Result<Document, InputError>)) {
    if d.damage.places > 0 {
        each(Err(InputError::warning(name, d.damage.message(0, d.encoding))));
    }
}

fn doc(name: &str, text: String) -> Document {
    Document { name: name.to_string(), text, ..Default::default() }
}

/// A document as handed on: an error when it has no text at all, and the places of U+FFFD listed
/// when decoding replaced bytes.
fn finished(name: &str, mut doc: Document, damage: Option<Damage>) -> Result<Document, InputError> {
    if doc.text.trim().is_empty() {
        let why = if doc.text.is_empty() { "no text found" } else { "no text found, only blank space" };
        return Err(InputError::new(name, why));
    }
    if damage.is_some_and(|d| d.places > 0) {
        doc.replacements = replacement_offsets(&doc.text);
    }
    Ok(doc)
}

/// Code-point offsets of every U+FFFD in `text`.
fn replacement_offsets(text: &str) -> Vec<usize> {
    text.chars().enumerate().filter(|&(_, c)| c == '\u{FFFD}').map(|(i, _)| i).collect()
}

/// Plain text: line endings normalised; web-page dumps cleaned.
fn text_body(t: String) -> String {
    let t = encoding::normalize_newlines_owned(t);
    if html::looks_like_webdump(&t) {
        clean_webdump(&t)
    } else if t.contains("<U+") {
        html::strip_tags_and_escapes(&t, false)
    } else if pdf::looks_hard_wrapped(&t) {
        pdf::reflow(&t)
    } else {
        t
    }
}

/// A web page's bytes decoded: a forced encoding, else a BOM, else its `<meta charset>` when that reads it
/// cleanly (or with a few damaged spots where detection does no better), else detection.
fn read_html(bytes: Vec<u8>, opts: &InputOptions) -> Result<Decoded, String> {
    let strict = opts.strict_decoding;
    if opts.encoding.is_some() || encoding_rs::Encoding::for_bom(&bytes).is_some() {
        return decode(bytes, opts.encoding, strict);
    }
    let Some(enc) = html::sniff_charset(&bytes) else { return decode(bytes, None, strict) };
    let by_meta = encoding::damage(enc, &bytes);
    if by_meta.places == 0 {
        return Ok(encoding::decode_with(enc, bytes, 0));
    }
    // The label may be wrong: detection decides, unless it does no better than the label.
    let len = bytes.len();
    match decode(bytes.clone(), None, strict) {
        Ok(d) if d.damage.places == 0 || d.damage.bytes < by_meta.bytes => Ok(d),
        _ if !strict && by_meta.is_few(len) => Ok(encoding::decode_with(enc, bytes, 0)),
        other => other,
    }
}
