//! The one batch driver of `extract`, `verify`, `compare` and `view`: sources (files, or `--stdin-jsonl`
//! lines) are read and analysed by the workers and their results handed over in input order (see
//! `ordered`), with a progress line on a terminal and the failures reported as `zhibiao: PATH: reason`.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use zhibiao::analyzer::Prepared;
use zhibiao::input::{self, InputError, InputOptions};
use zhibiao::{Analyzer, Document};

use super::common::{self, Source};
use super::ordered;

/// Analysed files per worker that may wait for the files before them to be written.
const WINDOW_PER_THREAD: usize = 8;

/// Text read ahead while jieba loads is bounded by this many bytes.
const AHEAD_BYTES: usize = 4 << 20;

/// Bytes of `--stdin-jsonl` lines held at once, read and not yet written (one line always may be).
const LINES_BUDGET: usize = 64 << 20;

/// What a run read.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    /// Files or documents read.
    pub read: usize,
    /// Of which failed.
    pub failed: usize,
    /// Warnings: a file read all the same (a few bytes replaced), a directory skipped as a symlink loop … Not
    /// failures (what was read is all there), but the exit code says something was wrong.
    pub warnings: usize,
}

impl Counts {
    /// Counts a problem already reported: a failure, or a warning.
    fn count(&mut self, e: &InputError) {
        if e.warning {
            self.warnings += 1;
        } else {
            self.failed += 1;
        }
    }

    /// These counts with the problems found listing the sources (already reported) added.
    pub fn with_listing(mut self, errors: &[InputError]) -> Counts {
        for e in errors {
            self.count(e);
        }
        self
    }

    /// Whether anything failed or warned: the exit code is then 2.
    pub fn bad(&self) -> bool {
        self.failed > 0 || self.warnings > 0
    }

    /// `, 1 with warnings` for the summary line when there were warnings; else nothing.
    pub fn warned(&self) -> String {
        if self.warnings > 0 { format!(", {} with warnings", self.warnings) } else { String::new() }
    }
}

/// Reads and analyses `sources` on the workers; hands `each` what `finish` made of every document, in input
/// order, after it reported and counted a document that could not be read (or a warning). `finish` gets the
/// document prepared (figures found, text split) and completes it (`Analyzer::finish`, checks …).
///
/// Each source is read through `common::read_source_each`: an archive's members are analysed one at a time
/// as they are read, never all held at once; their results wait, in order, to be written.
pub fn run_files<T: Send>(
    sources: &[Source],
    analyzer: &Analyzer,
    opts: &InputOptions,
    quiet: bool,
    finish: impl Fn(&Analyzer, Prepared) -> T + Sync,
    mut each: impl FnMut(T) -> anyhow::Result<()> + Send,
) -> anyhow::Result<Counts> {
    type Ready<T> = (u64, Vec<Result<Ahead<T>, InputError>>);
    let mut counts = Counts::default();
    let mut progress = Progress::new(sources.len(), quiet);
    let progress_on = progress.on;
    let size_of = |src: &Source| match (progress_on, src) {
        (true, Source::File(p)) => std::fs::metadata(p).map_or(0, |m| m.len()),
        _ => 0,
    };
    // Read ahead while jieba loads: each document's figures found, up to a bound on the text held within
    // one source too (an archive of many members); past it, a document is finished at once.
    let prepare = |src: &Source| -> Ready<T> {
        let (mut docs, mut held) = (Vec::new(), 0usize);
        common::read_source_each(src, opts, &mut |d| {
            docs.push(d.map(|doc| {
                held += doc.text.len();
                let p = analyzer.prepare(doc);
                if held > AHEAD_BYTES { Ahead::Done(finish(analyzer, p)) } else { Ahead::Prepared(Box::new(p)) }
            }))
        });
        (size_of(src), docs)
    };
    // jieba's dictionary takes one worker about 0.1 s to load: meanwhile another loads the part-of-speech model,
    // then reads the first files and finds their figures, up to a bound on the text held.
    let mut ahead: Vec<Ready<T>> = Vec::new();
    if rayon::current_num_threads() > 1 {
        let others = rayon::current_num_threads() - 1;
        let ((), pre) = rayon::join(
            || analyzer.load_segmenter(),
            || {
                analyzer.load_pos_model();
                let (mut pre, mut held) = (Vec::new(), 0usize);
                for chunk in sources.chunks(others) {
                    if analyzer.warmed_up() || held > AHEAD_BYTES {
                        break;
                    }
                    let done: Vec<Ready<T>> = chunk.par_iter().map(prepare).collect();
                    held += done.iter().flat_map(|r| &r.1).flatten().map(Ahead::held).sum::<usize>();
                    pre.extend(done);
                }
                pre
            },
        );
        ahead = pre;
    }
    let ahead: Vec<std::sync::Mutex<Option<Ready<T>>>> =
        ahead.into_iter().map(|r| std::sync::Mutex::new(Some(r))).collect();
    let work = |i: usize| -> (u64, Vec<Result<T, InputError>>) {
        if let Some(r) = ahead.get(i) {
            let (size, docs) = r.lock().expect("read ahead").take().expect("taken once");
            let done = |a: Ahead<T>| match a {
                Ahead::Prepared(p) => finish(analyzer, *p),
                Ahead::Done(t) => t,
            };
            return (size, docs.into_iter().map(|d| d.map(done)).collect());
        }
        // Each document finished as soon as it is read: an archive's members are never all held at once.
        let mut docs = Vec::new();
        common::read_source_each(&sources[i], opts, &mut |d| {
            docs.push(d.map(|doc| finish(analyzer, analyzer.prepare(doc))))
        });
        (size_of(&sources[i]), docs)
    };
    let write = |(size, per_file): (u64, Vec<Result<T, InputError>>)| -> anyhow::Result<()> {
        counts.read += 1;
        progress.bytes += size;
        for r in per_file {
            match r {
                Ok(t) => each(t)?,
                Err(e) => {
                    counts.count(&e);
                    progress.clear();
                    common::report_error(&e);
                }
            }
        }
        progress.show(counts.read);
        Ok(())
    };
    let window = rayon::current_num_threads() * WINDOW_PER_THREAD;
    ordered::run_ordered((0..sources.len()).map(|i| (i, 0)), window, usize::MAX, work, write)?;
    progress.clear();
    Ok(counts)
}

/// A document read ahead while jieba loads: its figures found, or (past the bound on text held) finished.
enum Ahead<T> {
    Prepared(Box<Prepared>),
    Done(T),
}

impl<T> Ahead<T> {
    /// Text held.
    fn held(&self) -> usize {
        match self {
            Ahead::Prepared(p) => p.doc.text.len(),
            Ahead::Done(_) => 0,
        }
    }
}

/// One `--stdin-jsonl` line as read: its number and bytes, or how long it was when over the limit.
struct Line {
    number: usize,
    bytes: Result<Vec<u8>, u64>,
}

/// The lines of `input`, each cut off at `max` bytes (the rest of an over-long line is read and dropped,
/// never held); blank lines skipped. An error reading ends the lines and is kept in `error`.
struct Lines<'a, R: BufRead> {
    input: &'a mut R,
    max: usize,
    number: usize,
    error: &'a mut Option<io::Error>,
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = (Line, usize);

    fn next(&mut self) -> Option<(Line, usize)> {
        loop {
            let mut buf = Vec::new();
            let mut total: u64 = 0;
            let mut over = false;
            let mut newline = false;
            loop {
                let chunk = match self.input.fill_buf() {
                    Ok(c) => c,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                    Err(e) => {
                        *self.error = Some(e);
                        return None;
                    }
                };
                if chunk.is_empty() {
                    break;
                }
                let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
                    Some(i) => (&chunk[..=i], true),
                    None => (chunk, false),
                };
                let n = part.len();
                total += n as u64;
                if !over && buf.len() + n <= self.max.saturating_add(1) {
                    buf.extend_from_slice(part);
                } else if !over {
                    // Over the limit: what is held goes, the rest of the line is only counted.
                    over = true;
                    buf = Vec::new();
                }
                self.input.consume(n);
                if done {
                    newline = true;
                    break;
                }
            }
            if total == 0 {
                return None;
            }
            self.number += 1;
            let content = total - u64::from(newline);
            if over || content > self.max as u64 {
                return Some((Line { number: self.number, bytes: Err(content) }, 0));
            }
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            let cost = buf.len();
            return Some((Line { number: self.number, bytes: Ok(buf) }, cost));
        }
    }
}

/// A size in bytes as a person says it (64 MB).
pub fn show_size(n: u64) -> String {
    if n >= 1 << 30 && n.is_multiple_of(1 << 30) {
        format!("{} GB", n >> 30)
    } else if n >= 1 << 20 && n.is_multiple_of(1 << 20) {
        format!("{} MB", n >> 20)
    } else if n >= 1 << 10 && n.is_multiple_of(1 << 10) {
        format!("{} KB", n >> 10)
    } else {
        format!("{n} bytes")
    }
}

/// `--stdin-jsonl`: reads `{"doc": …, "text": …}` or `{"doc": …, "path": …}` lines from `input`, analyses
/// their documents on the workers and hands `each` what `finish` made of each, in input order; `flush` runs
/// after every line's documents, so that what is done is out. A line longer than `max_line` bytes, a line
/// that is not such an object, a document that cannot be read: each is reported (`zhibiao: line N: …` or
/// `zhibiao: DOC: …`), counted, and the run goes on.
pub fn run_lines<T: Send>(
    input: &mut impl BufRead,
    max_line: usize,
    analyzer: &Analyzer,
    opts: &InputOptions,
    finish: impl Fn(&Analyzer, Prepared) -> T + Sync,
    mut each: impl FnMut(T) -> anyhow::Result<()> + Send,
    mut flush: impl FnMut() -> anyhow::Result<()> + Send,
) -> anyhow::Result<Counts> {
    let mut counts = Counts::default();
    let mut error = None;
    let lines = Lines { input, max: max_line, number: 0, error: &mut error };
    let work = |line: Line| -> Vec<Result<T, InputError>> {
        let label = format!("line {}", line.number);
        let bytes = match line.bytes {
            Ok(b) => b,
            Err(len) => {
                let m = format!(
                    "line of {len} bytes is over the limit of {} (--max-line), skipped",
                    show_size(max_line as u64)
                );
                return vec![Err(InputError::new(label, m))];
            }
        };
        let mut docs = Vec::new();
        read_line(&label, &bytes, opts, &mut |d| docs.push(d.map(|doc| finish(analyzer, analyzer.prepare(doc)))));
        docs
    };
    let write = |docs: Vec<Result<T, InputError>>| -> anyhow::Result<()> {
        for r in docs {
            match r {
                Ok(t) => {
                    counts.read += 1;
                    each(t)?
                }
                Err(e) => {
                    // A warning is about a document that follows: it is counted once, when it comes.
                    counts.read += usize::from(!e.warning);
                    counts.count(&e);
                    common::report_error(&e);
                }
            }
        }
        flush()
    };
    let window = rayon::current_num_threads() * WINDOW_PER_THREAD;
    ordered::run_ordered(lines, window, LINES_BUDGET.max(max_line), work, write)?;
    if let Some(e) = error {
        return Err(anyhow::Error::new(e).context("cannot read stdin"));
    }
    Ok(counts)
}

/// The documents of one `--stdin-jsonl` line, each handed to `each` as soon as it is read (a file's archive
/// members one by one); errors name the document, else `label` (`line N`).
fn read_line(label: &str, line: &[u8], opts: &InputOptions, each: &mut dyn FnMut(Result<Document, InputError>)) {
    let fail =
        |each: &mut dyn FnMut(Result<Document, InputError>), path: &str, m: String| each(Err(InputError::new(path, m)));
    let v: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return fail(each, label, format!("not a JSON line: {e}")),
    };
    let Some(obj) = v.as_object() else { return fail(each, label, "not a JSON object".into()) };
    let doc = match obj.get("doc") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let name = doc.clone().unwrap_or_else(|| label.to_string());
    match (obj.get("text"), obj.get("path")) {
        (Some(serde_json::Value::String(t)), _) => {
            // Inline text is text, whatever the extension of its label (`report.pdf`): read as from stdin,
            // then named.
            for mut r in input::read_bytes("-", t.as_bytes(), &InputOptions::default()) {
                match &mut r {
                    Ok(d) => d.name = name.clone(),
                    Err(e) => e.path = name.clone(),
                }
                each(r);
            }
        }
        (_, Some(serde_json::Value::String(p))) => {
            // Name what the file gives after "doc": `doc`, `doc#3` for a CSV row, `doc!member` in a zip.
            let rename = |n: &mut String| {
                if let Some(d) = &doc
                    && let Some(rest) = n.strip_prefix(p.as_str())
                {
                    *n = format!("{d}{rest}");
                }
            };
            input::read_file_each(Path::new(p), opts, &mut |mut r| {
                match &mut r {
                    Ok(x) => rename(&mut x.name),
                    Err(e) => rename(&mut e.path),
                }
                each(r);
            });
        }
        (Some(_), _) => fail(each, &name, "\"text\" is not a string".into()),
        (_, Some(_)) => fail(each, &name, "\"path\" is not a string".into()),
        (None, None) => fail(each, &name, "needs \"text\" or \"path\"".into()),
    }
}

/// The progress line: files done of total and MB/s, on stderr when it is a terminal, for runs over a second.
pub struct Progress {
    on: bool,
    total: usize,
    bytes: u64,
    start: Instant,
    shown: bool,
    last: Option<Instant>,
}

impl Progress {
    fn new(total: usize, quiet: bool) -> Self {
        let on = !quiet && total > 1 && io::stderr().is_terminal();
        Progress { on, total, bytes: 0, start: Instant::now(), shown: false, last: None }
    }

    fn show(&mut self, done: usize) {
        if !self.on || done >= self.total {
            return;
        }
        let elapsed = self.start.elapsed();
        if elapsed < Duration::from_secs(1) || self.last.is_some_and(|t| t.elapsed() < Duration::from_millis(200)) {
            return;
        }
        let mb = self.bytes as f64 / 1e6;
        let _ = write!(
            io::stderr(),
            "\r\x1b[Kzhibiao: {done}/{} files, {mb:.1} MB, {:.1} MB/s",
            self.total,
            mb / elapsed.as_secs_f64()
        );
        self.shown = true;
        self.last = Some(Instant::now());
    }

    /// Clears the line, so that a message can be printed in its place.
    pub fn clear(&mut self) {
        if self.shown {
            let _ = write!(io::stderr(), "\r\x1b[K");
            self.shown = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<Result<String, u64>> {
        let mut r = io::BufReader::with_capacity(7, input);
        let mut error = None;
        let ls = Lines { input: &mut r, max, number: 0, error: &mut error };
        ls.map(|(l, _)| l.bytes.map(|b| String::from_utf8(b).unwrap())).collect()
    }

    #[test]
    fn over_long_lines_are_measured_not_held() {
        let got = lines(b"short\n0123456789abcdef\n\n  \nok\nlast-no-newline-here", 10);
        assert_eq!(
            got,
            vec![Ok("short\n".into()), Err(16), Ok("ok\n".into()), Err(20)],
            "blank lines skipped, long ones measured"
        );
        // Exactly at the limit is fine, the newline not counted.
        assert_eq!(lines(b"0123456789\n", 10), vec![Ok("0123456789\n".into())]);
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(show_size(64 << 20), "64 MB");
        assert_eq!(show_size(1 << 30), "1 GB");
        assert_eq!(show_size(1000), "1000 bytes");
    }
}
