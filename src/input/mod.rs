//! Bytes to [`crate::Document`]: encodings and file formats. The only layer that opens files.
//!
//! Formats, chosen by extension and then by sniffing the bytes: plain text and Markdown (UTF-8,
//! UTF-16 with BOM, GBK/GB18030), web pages and web-page text dumps, Word .docx, CSV/TSV with a
//! report per row, TMX (Chinese side), PDF (feature `pdf`), and .zip archives of any of these.

mod archive;
mod csvdoc;
mod docx;
mod encoding;
mod html;
mod pdf;
mod tmx;

pub use docx::{document_xml_to_text, docx_to_text};
pub use encoding::normalize_newlines;
pub use html::{clean_webdump, decode_entities, html_to_text};
pub use tmx::tmx_to_text;

use crate::Document;
use std::fmt;
use std::path::{Path, PathBuf};

/// Largest file read.
pub const MAX_FILE: u64 = 256 << 20;

/// How to read input.
#[derive(Default, Clone, Debug)]
pub struct InputOptions {
    /// `--encoding`: decode every text file with this encoding instead of guessing.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// A file (or member, or CSV row) that could not be read.
#[derive(Debug, Clone)]
pub struct InputError {
    /// The file (or `archive!member`, `file.csv#3`) the problem is about.
    pub path: String,
    /// What is wrong, for a reader.
    pub message: String,
}

impl InputError {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for InputError {}

fn is_hidden(p: &Path) -> bool {
    p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'))
}

/// Expand files and directories (recursive, sorted by path, skipping hidden files) into files to read, in order.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                walk(p, 0, &mut found, &mut errors);
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push(InputError::new(p.display().to_string(), io_message(&e))),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, depth: usize, found: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
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
    for entry in rd {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(InputError::new(dir.display().to_string(), io_message(&e)));
                continue;
            }
        };
        let path = entry.path();
        if is_hidden(&path) {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, depth + 1, found, errors),
            Ok(m) if m.is_file() => found.push(path),
            Ok(_) => {}
            Err(e) => errors.push(InputError::new(path.display().to_string(), io_message(&e))),
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
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => return vec![Err(InputError::new(name, "is a directory"))],
        Ok(m) if m.len() > MAX_FILE => {
            return vec![Err(InputError::new(name, format!("file too large ({} bytes; limit {MAX_FILE})", m.len())))];
        }
        Ok(_) => {}
        Err(e) => return vec![Err(InputError::new(name, io_message(&e)))],
    }
    match std::fs::read(path) {
        Ok(bytes) => read_bytes(&name, &bytes, opts),
        Err(e) => vec![Err(InputError::new(name, io_message(&e)))],
    }
}

/// Same, from bytes already in memory (stdin, zip members); `name` is what appears in output and errors.
pub fn read_bytes(name: &str, bytes: &[u8], opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    read_bytes_at(name, name, bytes, opts, 0)
}

/// Decode bytes of a plain-text file: BOM (UTF-8/UTF-16), else strict UTF-8, else GB18030 (GBK) if it decodes with few errors, else an error. `forced` overrides.
pub fn decode_text(bytes: &[u8], forced: Option<&'static encoding_rs::Encoding>) -> Result<String, String> {
    encoding::decode_text(bytes, forced)
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

fn format_of(file_name: &str, bytes: &[u8]) -> Format {
    let lower = file_name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let by_ext = match ext {
        "docx" | "docm" | "dotx" => Some(Format::Docx),
        "zip" => Some(Format::Zip),
        "pdf" => Some(Format::Pdf),
        "html" | "htm" | "shtml" | "xhtml" => Some(Format::Html),
        "tmx" => Some(Format::Tmx),
        "csv" => Some(Format::Csv(b',')),
        "tsv" | "tab" => Some(Format::Csv(b'\t')),
        _ => None,
    };
    if let Some(f) = by_ext {
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

/// Read `bytes` named `name` (shown in output); `file_name` picks the format; `depth` counts archives.
pub(crate) fn read_bytes_at(
    name: &str,
    file_name: &str,
    bytes: &[u8],
    opts: &InputOptions,
    depth: usize,
) -> Vec<Result<Document, InputError>> {
    if bytes.is_empty() {
        return vec![Err(InputError::new(name, "empty file"))];
    }
    if bytes.len() as u64 > MAX_FILE {
        return vec![Err(InputError::new(name, format!("file too large ({} bytes; limit {MAX_FILE})", bytes.len())))];
    }
    let one = |r: Result<String, String>| -> Vec<Result<Document, InputError>> {
        vec![r.map(|text| doc(name, text)).map_err(|m| InputError::new(name, m))]
    };
    match format_of(file_name, bytes) {
        Format::Zip => archive::read_zip(name, bytes, opts, depth),
        Format::Docx => one(docx::docx_to_text(bytes)),
        Format::Pdf => one(pdf::pdf_to_text(bytes)),
        Format::Html => one(read_html(bytes, opts)),
        Format::Tmx => one(decode_text(bytes, opts.encoding).and_then(|t| tmx::tmx_to_text(&t))),
        Format::Csv(delim) => {
            let text = match decode_text(bytes, opts.encoding) {
                Ok(t) => t,
                Err(m) => return vec![Err(InputError::new(name, m))],
            };
            match csvdoc::csv_documents(name, &text, delim) {
                Some(docs) => docs,
                None => one(Ok(text_body(&text))),
            }
        }
        Format::Text => one(decode_text(bytes, opts.encoding).map(|t| {
            if html::looks_like_html(&t) {
                html_to_text(&t)
            } else if tmx::looks_like_tmx(&t) {
                tmx::tmx_to_text(&t).unwrap_or_else(|_| text_body(&t))
            } else {
                text_body(&t)
            }
        })),
    }
}

/// Plain text: line endings normalised; web-page dumps cleaned.
fn text_body(t: &str) -> String {
    let t = normalize_newlines(t);
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

fn read_html(bytes: &[u8], opts: &InputOptions) -> Result<String, String> {
    let text = match (opts.encoding, html::sniff_charset(bytes)) {
        (Some(enc), _) => decode_text(bytes, Some(enc))?,
        (None, Some(enc)) if encoding_rs::Encoding::for_bom(bytes).is_none() => {
            let (t, _, _) = enc.decode(bytes);
            t.into_owned()
        }
        _ => decode_text(bytes, None)?,
    };
    Ok(html_to_text(&normalize_newlines(&text)))
}

fn doc(name: &str, text: String) -> Document {
    Document { name: name.to_string(), text, region: None, year: None }
}
