//! Bytes to [`Document`](crate::Document): encodings and file formats. The only layer that opens files.
//! (Interim reader for text files; the full one lands from the `input` branch.)

use std::path::{Path, PathBuf};

use crate::Document;

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Forced encoding.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// A file that could not be read.
#[derive(Debug, Clone)]
pub struct InputError {
    pub path: String,
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Expands files and directories into files to read, sorted.
pub fn expand_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut out = Vec::new();
    let mut errs = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut files = Vec::new();
            while let Some(d) = stack.pop() {
                match std::fs::read_dir(&d) {
                    Ok(rd) => {
                        for e in rd.flatten() {
                            let path = e.path();
                            if path
                                .file_name()
                                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                            {
                                continue;
                            }
                            if path.is_dir() {
                                stack.push(path);
                            } else {
                                files.push(path);
                            }
                        }
                    }
                    Err(e) => errs.push(InputError {
                        path: d.display().to_string(),
                        message: e.to_string(),
                    }),
                }
            }
            files.sort();
            out.extend(files);
        } else {
            out.push(p.clone());
        }
    }
    (out, errs)
}

/// Reads one file.
pub fn read_file(path: &Path, opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    let name = path.display().to_string();
    match std::fs::read(path) {
        Ok(b) => read_bytes(&name, &b, opts),
        Err(e) => vec![Err(InputError {
            path: name,
            message: e.to_string(),
        })],
    }
}

/// Reads bytes already in memory.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    opts: &InputOptions,
) -> Vec<Result<Document, InputError>> {
    match decode_text(bytes, opts.encoding) {
        Ok(text) => vec![Ok(Document {
            name: name.to_string(),
            text,
            region: None,
            year: None,
        })],
        Err(message) => vec![Err(InputError {
            path: name.to_string(),
            message,
        })],
    }
}

/// Decodes a plain-text file.
pub fn decode_text(
    bytes: &[u8],
    forced: Option<&'static encoding_rs::Encoding>,
) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    let text = if let Some(enc) = forced {
        let (t, _, bad) = enc.decode(bytes);
        if bad {
            return Err(format!("invalid bytes for {}", enc.name()));
        }
        t.into_owned()
    } else if let Ok(s) = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes))
    {
        s.to_string()
    } else {
        let (t, _, bad) = encoding_rs::GB18030.decode(bytes);
        if bad {
            return Err("not UTF-8 or GB18030 text".into());
        }
        t.into_owned()
    };
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}
