//! What several subcommands share: input flags, word-list flags, the analyzer, atomic output.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use zhibiao::dicts::{Dicts, UnitClass};
use zhibiao::input::{self, InputError, InputOptions};
use zhibiao::{Analyzer, Document, Options};

/// Flags for reading reports.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Report files or directories (recursive, sorted); `-` reads stdin.
    pub paths: Vec<PathBuf>,
    /// Force an encoding (utf-8, gbk, gb18030, big5 …) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
    /// Refuse a file with any undecodable byte (by default a few are replaced with U+FFFD, with a warning).
    #[arg(long)]
    pub strict_decoding: bool,
    /// Largest document read: a file, stdin, an archive member (256M, 1G, 64K, or bytes); an archive may
    /// inflate to twice this in all.
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,
    /// Give up a pipe or device named as a file when it sends nothing for SECS seconds.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_secs)]
    pub read_timeout: f64,
}

/// `256M`, `1G`, `64K`, `1000`: a size in bytes (K, M, G are powers of 1024; a trailing B is allowed).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim().to_ascii_uppercase();
    let t = t.strip_suffix('B').unwrap_or(&t);
    let (num, shift) = match t.as_bytes().last() {
        Some(b'K') => (&t[..t.len() - 1], 10),
        Some(b'M') => (&t[..t.len() - 1], 20),
        Some(b'G') => (&t[..t.len() - 1], 30),
        _ => (t, 0),
    };
    let n: u64 = num.trim().parse().map_err(|_| format!("{s:?}: expected a size such as 256M, 1G or 65536"))?;
    match n.checked_mul(1 << shift) {
        Some(b) if b > 0 => Ok(b),
        _ => Err(format!("{s:?}: the size must be above 0 and below 16 EB")),
    }
}

fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        _ => Err(format!("{s:?}: expected seconds above 0, such as 30 or 0.5")),
    }
}

/// Where and how a table goes: the output flags `verify` and `compare` share.
#[derive(clap::Args, Debug, Clone)]
pub struct TableOutput {
    /// Output format.
    #[arg(long, value_enum, default_value_t = zhibiao::output::Format::Csv)]
    pub format: zhibiao::output::Format,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long)]
    pub output: Option<PathBuf>,
    /// CSV with a UTF-8 BOM, so Excel opens it correctly.
    #[arg(long)]
    pub excel: bool,
}

/// Flags that extend the word lists.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DictArgs {
    /// Extra units from a file (`unit<TAB>class[<TAB>canonical]` per line, or a bare word per line).
    #[arg(long = "units", value_name = "FILE")]
    pub units_files: Vec<PathBuf>,
    /// One extra count unit (量词), e.g. `--unit 宗`.
    #[arg(long = "unit", value_name = "WORD")]
    pub units: Vec<String>,
    /// Extra phrases whose numbers are not figures, one per line.
    #[arg(long = "not-figures", value_name = "FILE")]
    pub not_figures: Vec<PathBuf>,
    /// Leave subjects empty and never load jieba's dictionary: figures and checks only, a faster start
    /// (checks that read a rate's name then see none).
    #[arg(long)]
    pub no_subjects: bool,
    /// Extra jieba user words (`word [freq [tag]]` per line).
    #[arg(long = "user-words", value_name = "FILE")]
    pub user_words: Vec<PathBuf>,
    /// Extend one word list of `dicts/` with the lines of FILE (`-WORD` removes a word), e.g.
    /// `--dict change_verbs=mine.tsv`; the lists and their formats are in `dicts/` (see README).
    #[arg(long = "dict", value_name = "ROLE=FILE")]
    pub dict: Vec<String>,
}

impl DictArgs {
    /// The built-in word lists extended by these flags.
    pub fn dicts(&self) -> anyhow::Result<Dicts> {
        let mut d = Dicts::builtin();
        for f in &self.units_files {
            let t = std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
            d.add_units(&t).map_err(|e| anyhow::anyhow!("{}: {e}", f.display()))?;
        }
        for u in &self.units {
            d.add_unit(u, u, UnitClass::Count, false);
        }
        for f in &self.not_figures {
            let t = std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
            d.add_not_figures(&t);
        }
        for f in &self.user_words {
            let t = std::fs::read_to_string(f).with_context(|| format!("{}", f.display()))?;
            d.add_user_words(&t);
        }
        for spec in &self.dict {
            let (role, file) =
                spec.split_once('=').ok_or_else(|| anyhow::anyhow!("--dict {spec:?}: expected ROLE=FILE"))?;
            let t = std::fs::read_to_string(file).with_context(|| file.to_string())?;
            d.add(role, file, &t)?;
        }
        Ok(d)
    }
}

impl InputArgs {
    /// Input options from the flags.
    pub fn options(&self) -> anyhow::Result<InputOptions> {
        let encoding = match &self.encoding {
            None => None,
            Some(name) => Some(
                encoding_rs::Encoding::for_label(name.as_bytes())
                    .ok_or_else(|| anyhow::anyhow!("unknown encoding {name:?}"))?,
            ),
        };
        Ok(InputOptions {
            encoding,
            strict_decoding: self.strict_decoding,
            max_size: self.max_size,
            read_timeout: std::time::Duration::from_secs_f64(self.read_timeout),
        })
    }

    /// Sets up the thread pool.
    pub fn init_threads(&self) {
        if let Some(n) = self.threads {
            let _ = rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global();
        }
    }
}

/// One input source: a file path or stdin.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

/// The sources to read, with what could not be listed already reported; the count of those failures.
pub fn listed_sources(args: &InputArgs) -> (Vec<Source>, usize) {
    let mut errors = Vec::new();
    let sources = sources(args, &mut errors);
    for e in &errors {
        report_error(e);
    }
    (sources, errors.iter().filter(|e| !e.warning).count())
}

/// Reads the sources in parallel, bounded batches and hands `each` what `analyze` made of every document,
/// in input order; a document that cannot be read is reported and counted. Returns the failures.
pub fn for_each_document<T: Send>(
    sources: &[Source],
    opts: &InputOptions,
    analyze: impl Fn(Document) -> T + Sync,
    mut each: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<usize> {
    use rayon::prelude::*;
    let mut failed = 0;
    let batch = (rayon::current_num_threads() * 4).max(1);
    for chunk in sources.chunks(batch) {
        let results: Vec<Vec<Result<T, InputError>>> = chunk
            .par_iter()
            .map(|src| {
                let mut v = Vec::new();
                read_source_each(src, opts, &mut |d| v.push(d.map(&analyze)));
                v
            })
            .collect();
        for r in results.into_iter().flatten() {
            match r {
                Ok(x) => each(x)?,
                Err(e) => {
                    failed += usize::from(!e.warning);
                    report_error(&e);
                }
            }
        }
    }
    Ok(failed)
}

/// Expands the paths into sources, reporting what cannot be listed.
pub fn sources(args: &InputArgs, errors: &mut Vec<InputError>) -> Vec<Source> {
    let mut out = Vec::new();
    let mut files = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            if !files.is_empty() {
                let (f, e) = input::expand_paths(&std::mem::take(&mut files));
                out.extend(f.into_iter().map(Source::File));
                errors.extend(e);
            }
            out.push(Source::Stdin);
        } else {
            files.push(p.clone());
        }
    }
    let (f, e) = input::expand_paths(&files);
    out.extend(f.into_iter().map(Source::File));
    errors.extend(e);
    out
}

/// Reads one source into documents.
pub fn read_source(src: &Source, opts: &InputOptions) -> Vec<Result<Document, InputError>> {
    let mut v = Vec::new();
    read_source_each(src, opts, &mut |d| v.push(d));
    v
}

/// Reads one source, handing each document (or error, or warning) to `each` as soon as it is read.
pub fn read_source_each(src: &Source, opts: &InputOptions, each: &mut dyn FnMut(Result<Document, InputError>)) {
    match src {
        Source::File(p) => input::read_file_each(p, opts, each),
        Source::Stdin => input::read_reader_each("-", io::stdin().lock(), opts, each),
    }
}

/// Builds the analyzer.
pub fn analyzer(d: &DictArgs, keep_non_indicators: bool) -> anyhow::Result<Analyzer> {
    Ok(Analyzer::new(d.dicts()?, Options { keep_non_indicators, no_subjects: d.no_subjects }))
}

/// Where output goes: stdout, or a file written atomically (temp file in the same folder, then rename).
pub enum Sink {
    Stdout(io::BufWriter<io::Stdout>),
    File(io::BufWriter<tempfile::NamedTempFile>, PathBuf),
}

impl Sink {
    /// Opens the sink for `-o FILE` or stdout.
    pub fn open(path: Option<&PathBuf>) -> anyhow::Result<Self> {
        Ok(match path {
            None => Sink::Stdout(io::BufWriter::new(io::stdout())),
            Some(p) => {
                let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
                install_interrupt_handler();
                let tmp = tempfile::Builder::new()
                    .prefix(".zhibiao-")
                    .tempfile_in(dir)
                    .with_context(|| format!("cannot write in {}", dir.display()))?;
                remove_on_interrupt(tmp.path());
                Sink::File(io::BufWriter::new(tmp), p.clone())
            }
        })
    }

    /// Completes the output: renames the temp file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::File(w, p) => {
                let tmp = w.into_inner().map_err(|e| e.into_error())?;
                tmp.persist(&p).with_context(|| format!("cannot write {}", p.display()))?;
                forget_on_interrupt();
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(w, _) => w.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(w, _) => w.flush(),
        }
    }
}

/// The temp file to delete if the run is interrupted.
static PENDING: std::sync::Mutex<Option<PathBuf>> = std::sync::Mutex::new(None);

/// On Ctrl-C (or SIGTERM), deletes `tmp` and exits with 130, so an interrupted run leaves neither a
/// half-written output file (the target is only ever renamed into place whole) nor the temp file.
fn remove_on_interrupt(tmp: &std::path::Path) {
    *PENDING.lock().unwrap_or_else(|e| e.into_inner()) = Some(tmp.to_path_buf());
}

fn install_interrupt_handler() {
    static HANDLER: std::sync::Once = std::sync::Once::new();
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| {
            if let Some(p) = PENDING.lock().unwrap_or_else(|e| e.into_inner()).take() {
                let _ = std::fs::remove_file(p);
            }
            std::process::exit(130);
        });
    });
}

fn forget_on_interrupt() {
    PENDING.lock().unwrap_or_else(|e| e.into_inner()).take();
}

/// Prints a per-file problem (or warning) the way the run reports it.
pub fn report_error(e: &InputError) {
    eprintln!("zhibiao: {}: {}", e.path, e.message);
}
