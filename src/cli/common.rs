//! What the subcommands share: input flags, word-list flags, output flags and the analyzer.

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

use anyhow::Context;
use zhibiao::dicts::{Dicts, UnitClass};
use zhibiao::input::{self, InputError, InputOptions};
use zhibiao::output::{self, Format};
use zhibiao::{Analyzer, Document, Options};

pub use super::sink::Sink;

/// Flags for reading reports.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Report files or directories (recursive, sorted); `-` reads stdin, as does no path when stdin is
    /// not a terminal.
    pub paths: Vec<PathBuf>,
    /// Force an encoding (utf-8, gbk, gb18030, big5 …) instead of detecting it.
    #[arg(long)]
    pub encoding: Option<String>,
    /// Worker threads (default: all cores).
    #[arg(short = 'j', long)]
    pub threads: Option<usize>,
    /// In directories, read only files whose name matches GLOB (`*` `?` `[…]`; a GLOB with `/` matches the
    /// path); may be repeated. Files named on the command line are always read.
    #[arg(long, value_name = "GLOB")]
    pub glob: Vec<String>,
    /// In directories, skip files whose name matches GLOB (e.g. `--exclude 'README*' --exclude '*.tsv'`);
    /// may be repeated.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
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

/// `256M`, `1G`, `64K`, `1000`: a size in bytes (K, M, G are powers of 1024; a trailing B is allowed, as in
/// `64MB`).
pub fn parse_size(s: &str) -> Result<u64, String> {
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

/// Seconds above 0 (`30`, `0.5`).
fn parse_secs(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        _ => Err(format!("{s:?}: expected seconds above 0, such as 30 or 0.5")),
    }
}

/// Output format names on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    /// CSV with a header row (UTF-8).
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// Excel workbook (header frozen and filterable, numbers as numbers).
    Xlsx,
    /// Apache Parquet (typed columns, decimals exact).
    Parquet,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Csv => Format::Csv,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Json => Format::Json,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Parquet => Format::Parquet,
        }
    }
}

/// Column-name languages on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum HeadersArg {
    /// English names and values (doc, region … quantity, exact, actual).
    En,
    /// Chinese names and values (文档, 地区 … 数量, 确数, 实际).
    Zh,
}

/// Where and how a table goes: the output flags of `extract`, `verify` and `compare`.
#[derive(clap::Args, Debug, Clone)]
pub struct OutputArgs {
    /// Output format [default: the extension of -o (.csv .tsv .jsonl .json .xlsx .parquet), else csv].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to FILE (atomically; a device or FIFO is written through) instead of stdout; `-` is stdout.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// CSV or TSV with a UTF-8 BOM, so Excel opens it correctly.
    #[arg(long)]
    pub excel: bool,
    /// Column names and enumerated values: `en` (subject, quantity …) or `zh` (指标, 数量 …).
    #[arg(long, value_enum, default_value_t = HeadersArg::En)]
    pub headers: HeadersArg,
    /// Column names as before schema version 1 (`check`, `start`, `end` …), for one release; also set by
    /// the environment variable ZHIBIAO_LEGACY_NAMES=1.
    #[arg(long, env = "ZHIBIAO_LEGACY_NAMES", value_parser = clap::builder::FalseyValueParser::new())]
    pub legacy_names: bool,
    /// Only these columns, in this order (comma-separated; e.g. `--columns subject,value,unit,kind`).
    #[arg(long, value_name = "COLS", value_delimiter = ',')]
    pub columns: Option<Vec<String>>,
    /// No per-file summaries, no summary line, no progress: only errors on stderr.
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

impl OutputArgs {
    /// The writer setup: the format from `--format` or the extension of `-o` (a contradiction is an error
    /// naming both), else `default`.
    pub fn options(&self, default: Format) -> anyhow::Result<output::Options> {
        let path = self.output.as_deref().filter(|p| p.as_os_str() != "-");
        let by_ext = match path {
            Some(p) => extension_format(p)?,
            None => None,
        };
        let format = match (self.format.map(Format::from), by_ext) {
            (Some(f), Some(e)) if f != e => anyhow::bail!(
                "--format {} contradicts -o {} (a .{} file is {}); give one or make them agree",
                f.as_str(),
                path.map(|p| p.display().to_string()).unwrap_or_default(),
                path.and_then(|p| p.extension()).and_then(|e| e.to_str()).unwrap_or(""),
                e.as_str()
            ),
            (Some(f), _) | (None, Some(f)) => f,
            (None, None) => default,
        };
        if format.is_binary() && path.is_none() && io::stdout().is_terminal() {
            anyhow::bail!(
                "{} is a binary format: give -o FILE (e.g. -o out.{}) or redirect stdout",
                format.as_str(),
                format.as_str()
            );
        }
        Ok(output::Options {
            format,
            headers: match self.headers {
                HeadersArg::En => output::Headers::En,
                HeadersArg::Zh => output::Headers::Zh,
            },
            legacy_names: self.legacy_names,
            bom: self.excel,
            columns: self.columns.clone(),
        })
    }

    /// The sink `-o` names.
    pub fn sink(&self) -> anyhow::Result<Sink> {
        Sink::open(self.output.as_deref())
    }
}

/// The table format an output path's extension names; an error for `.html`, which is `zhibiao view`'s.
pub fn extension_format(p: &Path) -> anyhow::Result<Option<Format>> {
    let ext = p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("html" | "htm")) {
        anyhow::bail!(
            "-o {}: HTML is what `zhibiao view` writes; tables go to .csv .tsv .jsonl .json .xlsx or .parquet",
            p.display()
        );
    }
    Ok(Format::from_extension(p))
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

    /// The paths to read: as given; with none, `-` when stdin is not a terminal (`cat f | zhibiao extract`),
    /// else an error.
    pub fn paths_or_stdin(&self) -> anyhow::Result<Vec<PathBuf>> {
        if !self.paths.is_empty() {
            return Ok(self.paths.clone());
        }
        if io::stdin().is_terminal() {
            anyhow::bail!("no input: give report files or directories, or - for stdin (or pipe a report in)");
        }
        Ok(vec![PathBuf::from("-")])
    }
}

/// One input source: a file path or stdin.
#[derive(Debug, Clone)]
pub enum Source {
    File(PathBuf),
    Stdin,
}

impl Source {
    /// The name of the source as errors and shards see it.
    pub fn name(&self) -> String {
        match self {
            Source::File(p) => p.to_string_lossy().into_owned(),
            Source::Stdin => "-".into(),
        }
    }
}

/// What listing the sources found: the sources, what could not be listed, and how many files `--glob` /
/// `--exclude` left out.
pub struct Listing {
    pub sources: Vec<Source>,
    pub errors: Vec<InputError>,
    pub excluded: usize,
}

/// Expands `paths` into sources (directories recursively), keeping files found in directories only when
/// `--glob` / `--exclude` let them through.
pub fn list_sources(args: &InputArgs, paths: &[PathBuf]) -> Listing {
    let mut out = Listing { sources: Vec::new(), errors: Vec::new(), excluded: 0 };
    let mut files = Vec::new();
    let flush = |files: &mut Vec<PathBuf>, out: &mut Listing| {
        if files.is_empty() {
            return;
        }
        let given: std::collections::HashSet<PathBuf> = files.iter().cloned().collect();
        let (found, errors) = input::expand_paths(&std::mem::take(files));
        for f in found {
            if given.contains(&f) || passes(args, &f) {
                out.sources.push(Source::File(f));
            } else {
                out.excluded += 1;
            }
        }
        out.errors.extend(errors);
    };
    for p in paths {
        if p.as_os_str() == "-" {
            flush(&mut files, &mut out);
            out.sources.push(Source::Stdin);
        } else {
            files.push(p.clone());
        }
    }
    flush(&mut files, &mut out);
    out
}

/// Whether `--glob` and `--exclude` let a file found in a directory through.
fn passes(args: &InputArgs, f: &Path) -> bool {
    let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let path = f.to_string_lossy();
    let hit = |g: &String| if g.contains('/') { glob_match(g, &path) } else { glob_match(g, name) };
    (args.glob.is_empty() || args.glob.iter().any(hit)) && !args.exclude.iter().any(hit)
}

/// Shell-style matching of a whole text: `*` any run of characters, `?` one character, `[abc]` / `[a-z]` /
/// `[!abc]` one of a set.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Iterative matching with one backtrack point for the last `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        let step = match p.get(pi) {
            Some('*') => {
                star = Some((pi, ti));
                pi += 1;
                continue;
            }
            Some('?') => Some(pi + 1),
            Some('[') => class_match(&p, pi, t[ti]),
            Some(c) if *c == t[ti] => Some(pi + 1),
            _ => None,
        };
        match step {
            Some(next) => {
                pi = next;
                ti += 1;
            }
            None => match star {
                Some((sp, st)) => {
                    pi = sp + 1;
                    ti = st + 1;
                    star = Some((sp, st + 1));
                }
                None => return false,
            },
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Whether `c` is in the class opening at `p[at] == '['`; the index past the class if so.
fn class_match(p: &[char], at: usize, c: char) -> Option<usize> {
    let mut i = at + 1;
    let negate = matches!(p.get(i), Some('!' | '^'));
    if negate {
        i += 1;
    }
    let mut hit = false;
    let mut first = true;
    while i < p.len() && (p[i] != ']' || first) {
        first = false;
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            hit |= p[i] <= c && c <= p[i + 2];
            i += 3;
        } else {
            hit |= p[i] == c;
            i += 1;
        }
    }
    if i >= p.len() {
        // No closing bracket: a literal `[`.
        return (c == '[').then_some(at + 1);
    }
    (hit != negate).then_some(i + 1)
}

/// Reads one source, handing each document (or error, or warning) to `each` as soon as it is read: the
/// members of an archive one by one, never all held at once. Stdin, and a pipe or device named as a file,
/// are read through `--max-size` (and a named one given up after `--read-timeout` of silence).
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

/// Prints a per-file problem (or warning) the way the run reports it.
pub fn report_error(e: &InputError) {
    eprintln!("zhibiao: {}: {}", e.path, e.message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_match_whole_names() {
        assert!(glob_match("*.txt", "a.txt"));
        assert!(!glob_match("*.txt", "a.txt.bak"));
        assert!(glob_match("README*", "README.md"));
        assert!(!glob_match("README*", "xREADME.md"));
        assert!(glob_match("r??.txt", "r01.txt"));
        assert!(glob_match("[a-c]*", "b.txt") && !glob_match("[a-c]*", "d.txt"));
        assert!(glob_match("[!a]*", "b") && !glob_match("[!a]*", "a"));
        assert!(glob_match("*", "") && glob_match("**", "x"));
        assert!(glob_match("*/fazhi/*.txt", "corpus/fazhi/z.txt"));
        assert!(glob_match("*报告*", "示例县_2025_法治政府建设情况报告.txt"));
        assert!(glob_match("[", "[") && !glob_match("[", "a"));
    }
}
