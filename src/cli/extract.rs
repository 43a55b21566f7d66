//! `zhibiao extract`: reports in, one row per indicator out.

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::prelude::*;
use zhibiao::analyzer::Prepared;
use zhibiao::input::{self, InputError, InputOptions};
use zhibiao::output::{Format, Headers, RowWriter, XlsxWriter};
use zhibiao::{Analyzer, DocReport, Document};

use super::common::{self, DictArgs, InputArgs, Sink, Source};
use super::ordered;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    /// CSV with a header row (UTF-8).
    Csv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Excel workbook: a sheet of indicators and a sheet of checks (needs -o FILE).
    Xlsx,
}

/// `--shard i/n`: the i-th of n parts of the input files (0-based: 0/4 … 3/4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl std::str::FromStr for Shard {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("{s:?}: expected I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (i.trim().parse::<u64>().map_err(|_| bad())?, n.trim().parse::<u64>().map_err(|_| bad())?);
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl Shard {
    /// Whether `path` (as listed, after directory expansion) belongs to this shard.
    pub fn owns(&self, path: &str) -> bool {
        fnv1a(path.as_bytes()) % self.count == self.index
    }
}

/// 64-bit FNV-1a: a fixed hash, the same on every machine and run.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Flags of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    /// Output format [default: csv; jsonl with --stdin-jsonl].
    #[arg(long, value_enum)]
    pub format: Option<OutFormat>,
    /// Column names: `en` (doc, region …) or `zh` (文档, 地区 …), for CSV, JSON and xlsx.
    #[arg(long, value_enum, default_value_t = Headers::En)]
    pub headers: Headers,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// CSV with a UTF-8 BOM, so Excel opens it correctly.
    #[arg(long)]
    pub excel: bool,
    /// Also list years, dates and ordinals (typed as such).
    #[arg(long)]
    pub all: bool,
    /// Read documents as JSON Lines from stdin (`{"doc": …, "text": …}` or `{"doc": …, "path": …}`) and
    /// write indicator JSON Lines in input order.
    #[arg(long, conflicts_with_all = ["files_from", "shard"])]
    pub stdin_jsonl: bool,
    /// Also read the files listed in LIST, one path per line (`-` reads the list from stdin).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Only the files of shard I of N (0-based, e.g. 0/4 … 3/4), chosen by a fixed hash of the path.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
}

/// Where rows go (one value per run: its size does not matter).
#[allow(clippy::large_enum_variant)]
enum Out {
    Rows(RowWriter<Sink>),
    Xlsx(XlsxWriter, Sink),
}

impl Out {
    fn write_report(&mut self, r: &DocReport) -> io::Result<()> {
        match self {
            Out::Rows(w) => w.write_report(r),
            Out::Xlsx(x, _) => x.write_report(r),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Out::Rows(w) => w.flush(),
            Out::Xlsx(..) => Ok(()),
        }
    }
    fn finish(self) -> anyhow::Result<()> {
        match self {
            Out::Rows(w) => w.finish()?.commit(),
            Out::Xlsx(x, mut sink) => {
                sink.write_all(&x.finish()?)?;
                sink.commit()
            }
        }
    }
}

/// Runs `extract`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    a.input.init_threads();
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    if a.stdin_jsonl {
        return run_stdin_jsonl(&a, &opts, &analyzer);
    }
    let format = a.format.unwrap_or(OutFormat::Csv);
    if format == OutFormat::Xlsx && a.output.is_none() {
        anyhow::bail!("--format xlsx needs -o FILE (a workbook cannot be streamed to stdout)");
    }
    let mut input = a.input.clone();
    if let Some(list) = &a.files_from {
        if list.as_os_str() == "-" && input.paths.iter().any(|p| p.as_os_str() == "-") {
            anyhow::bail!("--files-from - and - both want stdin");
        }
        input.paths.extend(read_list(list)?);
    } else if input.paths.is_empty() {
        anyhow::bail!("no input: give report files or directories, or - for stdin");
    }
    let mut errors: Vec<InputError> = Vec::new();
    let mut sources = common::sources(&input, &mut errors);
    if let Some(shard) = a.shard {
        sources.retain(|s| shard.owns(&source_name(s)));
        errors.retain(|e| shard.owns(&e.path));
    }
    for e in &errors {
        common::report_error(e);
    }
    let mut failed = errors.iter().filter(|e| !e.warning).count();
    let sink = Sink::open(a.output.as_ref())?;
    let mut out = match format {
        OutFormat::Xlsx => Out::Xlsx(XlsxWriter::new(a.headers)?, sink),
        f => {
            let f = match f {
                OutFormat::Jsonl => Format::Jsonl,
                OutFormat::Json => Format::Json,
                _ => Format::Csv,
            };
            Out::Rows(RowWriter::with_headers(f, sink, a.excel && f == Format::Csv, a.headers)?)
        }
    };
    let (mut files, mut figures) = (0usize, 0usize);
    let mut progress = Progress::new(sources.len());
    // Output in input order whatever the thread count, and memory flat: at most WINDOW_PER_THREAD files per
    // worker wait, analysed, for the files before them to be written (see `ordered`).
    type Done = (u64, Vec<Result<DocReport, zhibiao::input::InputError>>);
    type Ready = (u64, Vec<Result<Ahead, zhibiao::input::InputError>>);
    let progress_on = progress.on;
    let size_of = |src: &Source| match (progress_on, src) {
        (true, Source::File(p)) => std::fs::metadata(p).map_or(0, |m| m.len()),
        _ => 0,
    };
    let prepare = |src: &Source| -> Ready {
        // Text held is bounded within a source too (an archive of many members): past the bound, a
        // document is analysed to the end at once.
        let (mut docs, mut held) = (Vec::new(), 0usize);
        common::read_source_each(src, &opts, &mut |d| {
            docs.push(d.map(|doc| {
                held += doc.text.len();
                if held > AHEAD_BYTES {
                    Ahead::Done(checked(analyzer.finish(analyzer.prepare(doc))))
                } else {
                    Ahead::Prepared(analyzer.prepare(doc))
                }
            }))
        });
        (size_of(src), docs)
    };
    let finish = |(size, docs): Ready| -> Done {
        let done = |a| match a {
            Ahead::Prepared(p) => checked(analyzer.finish(p)),
            Ahead::Done(r) => r,
        };
        (size, docs.into_iter().map(|d| d.map(done)).collect())
    };
    // jieba's dictionary takes one worker about 0.1 s to load: meanwhile another loads the part-of-speech model,
    // then reads the first files and finds their figures, up to a bound on the text held.
    let mut ahead: Vec<Ready> = Vec::new();
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
                    let done: Vec<Ready> = chunk.par_iter().map(prepare).collect();
                    held += done.iter().flat_map(|r| &r.1).flatten().map(Ahead::held).sum::<usize>();
                    pre.extend(done);
                }
                pre
            },
        );
        ahead = pre;
    }
    let ahead: Vec<std::sync::Mutex<Option<Ready>>> =
        ahead.into_iter().map(|r| std::sync::Mutex::new(Some(r))).collect();
    let work = |i: usize| -> Done {
        if let Some(r) = ahead.get(i) {
            return finish(r.lock().expect("read ahead").take().expect("taken once"));
        }
        // Each document analysed as soon as it is read: an archive's members are never all held at once.
        let mut docs = Vec::new();
        common::read_source_each(&sources[i], &opts, &mut |d| {
            docs.push(d.map(|doc| checked(analyzer.finish(analyzer.prepare(doc)))))
        });
        (size_of(&sources[i]), docs)
    };
    let write = |(size, per_file): Done| -> anyhow::Result<()> {
        files += 1;
        progress.bytes += size;
        for r in per_file {
            match r {
                Ok(report) => {
                    figures += report.indicators.len();
                    out.write_report(&report)?;
                }
                Err(e) => {
                    failed += usize::from(!e.warning);
                    progress.clear();
                    common::report_error(&e);
                }
            }
        }
        progress.show(files);
        Ok(())
    };
    let window = rayon::current_num_threads() * WINDOW_PER_THREAD;
    ordered::run_ordered(sources.len(), window, work, write)?;
    out.flush()?;
    progress.clear();
    out.finish()?;
    if files > 1 || failed > 0 {
        eprintln!("zhibiao: {files} files read, {failed} failed, {figures} figures found");
    }
    Ok(if failed > 0 { 2 } else { 0 })
}

/// A document read ahead while jieba loads: its figures found, or (past the bound on text held) analysed.
enum Ahead {
    Prepared(Prepared),
    Done(DocReport),
}

impl Ahead {
    /// Text held.
    fn held(&self) -> usize {
        match self {
            Ahead::Prepared(p) => p.doc.text.len(),
            Ahead::Done(_) => 0,
        }
    }
}

/// Analysed files per worker that may wait for the files before them to be written.
const WINDOW_PER_THREAD: usize = 8;

/// Text read ahead while jieba loads is bounded by this many bytes.
const AHEAD_BYTES: usize = 4 << 20;

fn analyze(analyzer: &Analyzer, doc: &Document) -> DocReport {
    checked(analyzer.analyze(doc))
}

/// The report with its checks (analysis makes them).
fn checked(report: DocReport) -> DocReport {
    report
}

fn source_name(s: &Source) -> String {
    match s {
        Source::File(p) => p.to_string_lossy().into_owned(),
        Source::Stdin => "-".into(),
    }
}

/// The paths of a `--files-from` list: one per line, blank lines skipped.
fn read_list(list: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let text = if list.as_os_str() == "-" {
        io::read_to_string(io::stdin().lock()).context("cannot read the file list from stdin")?
    } else {
        std::fs::read_to_string(list).with_context(|| format!("cannot read the file list {}", list.display()))?
    };
    Ok(text.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty()).map(PathBuf::from).collect())
}

/// The progress line: files done of total and MB/s, on stderr when it is a terminal, for runs over a second.
struct Progress {
    on: bool,
    total: usize,
    bytes: u64,
    start: Instant,
    shown: bool,
    last: Option<Instant>,
}

impl Progress {
    fn new(total: usize) -> Self {
        let on = total > 1 && io::stderr().is_terminal();
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

    fn clear(&mut self) {
        if self.shown {
            let _ = write!(io::stderr(), "\r\x1b[K");
            self.shown = false;
        }
    }
}

/// One line of `--stdin-jsonl` input, read: its label for errors and its documents.
type LineResult = (String, Vec<Result<DocReport, InputError>>);

/// `--stdin-jsonl`: documents in as JSON Lines, indicator rows out as JSON Lines, in input order.
fn run_stdin_jsonl(a: &Args, opts: &InputOptions, analyzer: &Analyzer) -> anyhow::Result<u8> {
    if !a.input.paths.is_empty() {
        anyhow::bail!("--stdin-jsonl reads its documents from stdin: give no paths");
    }
    if a.format.is_some_and(|f| f != OutFormat::Jsonl) {
        anyhow::bail!("--stdin-jsonl writes JSON Lines: --format must be jsonl");
    }
    let sink = Sink::open(a.output.as_ref())?;
    let mut w = RowWriter::with_headers(Format::Jsonl, sink, false, a.headers)?;
    let stdin = io::stdin();
    let mut lines = stdin.lock();
    let result = stdin_jsonl_loop(&mut lines, &mut w, opts, analyzer);
    // stdin is always read to the end, so whatever feeds it never sees a broken pipe.
    let _ = io::copy(&mut lines, &mut io::sink());
    let (docs, failed, figures) = result?;
    w.finish()?.commit()?;
    if docs > 1 || failed > 0 {
        eprintln!("zhibiao: {docs} documents read, {failed} failed, {figures} figures found");
    }
    Ok(if failed > 0 { 2 } else { 0 })
}

fn stdin_jsonl_loop(
    input: &mut impl BufRead,
    w: &mut RowWriter<Sink>,
    opts: &InputOptions,
    analyzer: &Analyzer,
) -> anyhow::Result<(usize, usize, usize)> {
    let (mut docs, mut failed, mut figures) = (0usize, 0usize, 0usize);
    let max_lines = rayon::current_num_threads() * 16;
    let max_bytes = 64 << 20;
    let mut line_no = 0usize;
    let mut eof = false;
    while !eof {
        // A bounded batch of lines: at most max_lines lines or about max_bytes bytes.
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < max_lines && bytes < max_bytes {
            let mut buf = Vec::new();
            if input.read_until(b'\n', &mut buf).context("cannot read stdin")? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            if buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            bytes += buf.len();
            batch.push((line_no, buf));
        }
        let results: Vec<LineResult> = batch.par_iter().map(|(n, line)| read_line(*n, line, opts, analyzer)).collect();
        for (label, reports) in results {
            for r in reports {
                docs += usize::from(!r.as_ref().is_err_and(|e| e.warning));
                match r {
                    Ok(report) => {
                        figures += report.indicators.len();
                        w.write_report(&report)?;
                    }
                    Err(e) => {
                        failed += usize::from(!e.warning);
                        let path = if e.path.is_empty() { label.clone() } else { e.path };
                        eprintln!("zhibiao: {path}: {}", e.message);
                    }
                }
            }
        }
        w.flush()?;
    }
    Ok((docs, failed, figures))
}

/// Reads one `--stdin-jsonl` line into analysed documents.
fn read_line(n: usize, line: &[u8], opts: &InputOptions, analyzer: &Analyzer) -> LineResult {
    let label = format!("line {n}");
    let fail = |label: String, m: String| {
        let e = InputError::new(String::new(), m);
        (label, vec![Err(e)])
    };
    let v: serde_json::Value = match serde_json::from_slice(line) {
        Ok(v) => v,
        Err(e) => return fail(label, format!("not a JSON line: {e}")),
    };
    let Some(obj) = v.as_object() else { return fail(label, "not a JSON object".into()) };
    let doc = match obj.get("doc") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    };
    let label = doc.clone().unwrap_or(label);
    let docs = match (obj.get("text"), obj.get("path")) {
        (Some(serde_json::Value::String(t)), _) => input::read_bytes(&label, t.as_bytes(), &InputOptions::default()),
        (_, Some(serde_json::Value::String(p))) => {
            let mut docs = input::read_file(Path::new(p), opts);
            if let Some(d) = &doc {
                // Name what the file gives after "doc": `doc`, `doc#3` for a CSV row, `doc!member` in a zip.
                let rename = |name: &mut String| {
                    if let Some(rest) = name.strip_prefix(p.as_str()) {
                        *name = format!("{d}{rest}");
                    }
                };
                for r in &mut docs {
                    match r {
                        Ok(x) => rename(&mut x.name),
                        Err(e) => rename(&mut e.path),
                    }
                }
            }
            docs
        }
        (Some(_), _) => return fail(label, "\"text\" is not a string".into()),
        (_, Some(_)) => return fail(label, "\"path\" is not a string".into()),
        (None, None) => return fail(label, "needs \"text\" or \"path\"".into()),
    };
    (label, docs.into_iter().map(|d| d.map(|doc| analyze(analyzer, &doc))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parses_and_hash_is_fixed() {
        assert_eq!("1/4".parse::<Shard>().unwrap(), Shard { index: 1, count: 4 });
        assert!("4/4".parse::<Shard>().is_err());
        assert!("0/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        // FNV-1a test vectors.
        assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
        let s = Shard { index: 0, count: 1 };
        assert!(s.owns("anything"));
    }
}
