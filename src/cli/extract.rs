//! `zhibiao extract`: reports in, one row per indicator out.

use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;
use zhibiao::DocReport;
use zhibiao::output::{Format, Row, indicator_schema};

use super::batch;
use super::common::{self, DictArgs, InputArgs, OutputArgs};

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

/// A size given on the command line: bytes, or with K, M, G (binary: 64M = 64 × 2^20), as `--max-size` reads
/// it.
pub fn parse_size(s: &str) -> Result<usize, String> {
    common::parse_size(s).and_then(|n| usize::try_from(n).map_err(|_| format!("{s:?}: out of range")))
}

/// Flags of `extract`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub dicts: DictArgs,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Also list years, dates and ordinals (typed as such).
    #[arg(long)]
    pub all: bool,
    /// Read documents as JSON Lines from stdin (`{"doc": …, "text": …}` or `{"doc": …, "path": …}`) and
    /// write their rows in input order [format default: jsonl].
    #[arg(long, conflicts_with_all = ["files_from", "shard"])]
    pub stdin_jsonl: bool,
    /// With --stdin-jsonl: the longest line (one document) read; a longer one is reported and skipped.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_line: usize,
    /// Also read the files listed in LIST, one path per line (`-` reads the list from stdin).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Only the files of shard I of N (0-based, e.g. 0/4 … 3/4), chosen by a fixed hash of the path.
    #[arg(long, value_name = "I/N")]
    pub shard: Option<Shard>,
}

/// Runs `extract`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    if a.stdin_jsonl {
        let result = run_stdin_jsonl(&a);
        // stdin is always read to the end, whatever happened, so that whatever feeds it never sees a broken
        // pipe.
        drain_stdin();
        return result;
    }
    a.input.init_threads();
    let options = a.out.options(Format::Csv)?;
    let schema = indicator_schema();
    zhibiao::output::select(&schema, options.columns.as_deref())?;
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    let mut paths = Vec::new();
    if let Some(list) = &a.files_from {
        if list.as_os_str() == "-" && a.input.paths.iter().any(|p| p.as_os_str() == "-") {
            anyhow::bail!("--files-from - and - both want stdin");
        }
        paths.extend(a.input.paths.iter().cloned());
        paths.extend(read_list(list)?);
    } else {
        paths = a.input.paths_or_stdin()?;
    }
    let mut listing = common::list_sources(&a.input, &paths);
    if let Some(shard) = a.shard {
        listing.sources.retain(|s| shard.owns(&s.name()));
        listing.errors.retain(|e| shard.owns(&e.path));
    }
    for e in &listing.errors {
        common::report_error(e);
    }
    let mut w = zhibiao::output::TableWriter::new(a.out.sink()?, schema, &options)?;
    let mut figures = 0usize;
    let counts = batch::run_files(
        &listing.sources,
        &analyzer,
        &opts,
        a.out.quiet,
        |a, p| a.finish(p),
        |report| {
            figures += report.indicators.len();
            write_report(&mut w, &report)
        },
    )?;
    w.finish()?.commit()?;
    let counts = counts.with_listing(&listing.errors);
    if !a.out.quiet && (counts.read > 1 || counts.bad()) {
        let left_out = if listing.excluded > 0 {
            format!(", {} left out by --glob/--exclude", listing.excluded)
        } else {
            String::new()
        };
        eprintln!(
            "zhibiao: {} files read, {} failed{}, {figures} figures found{left_out}",
            counts.read,
            counts.failed,
            counts.warned()
        );
    }
    Ok(if counts.bad() { 2 } else { 0 })
}

fn write_report<W: io::Write + Send>(
    w: &mut zhibiao::output::TableWriter<W>,
    report: &DocReport,
) -> anyhow::Result<()> {
    for ind in &report.indicators {
        w.write_row(&Row::new(report, ind).cells())?;
    }
    Ok(())
}

/// Reads what is left of stdin and drops it.
fn drain_stdin() {
    let _ = io::copy(&mut io::stdin().lock(), &mut io::sink());
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

/// `--stdin-jsonl`: documents in as JSON Lines, their rows out (JSON Lines unless said otherwise), in input
/// order, each line's rows flushed as soon as they are written.
fn run_stdin_jsonl(a: &Args) -> anyhow::Result<u8> {
    if !a.input.paths.is_empty() {
        anyhow::bail!("--stdin-jsonl reads its documents from stdin: give no paths");
    }
    a.input.init_threads();
    let options = a.out.options(Format::Jsonl)?;
    let schema = indicator_schema();
    zhibiao::output::select(&schema, options.columns.as_deref())?;
    let opts = a.input.options()?;
    let analyzer = common::analyzer(&a.dicts, a.all)?;
    let w = std::sync::Mutex::new(zhibiao::output::TableWriter::new(a.out.sink()?, schema, &options)?);
    let mut figures = 0usize;
    let stdin = io::stdin();
    let mut lines = stdin.lock();
    let counts = batch::run_lines(
        &mut lines,
        a.max_line,
        &analyzer,
        &opts,
        |a, p| a.finish(p),
        |report| {
            figures += report.indicators.len();
            write_report(&mut w.lock().expect("writer"), &report)
        },
        || Ok(w.lock().expect("writer").flush()?),
    )?;
    w.into_inner().expect("writer").finish()?.commit()?;
    if !a.out.quiet && (counts.read > 1 || counts.bad()) {
        eprintln!(
            "zhibiao: {} documents read, {} failed{}, {figures} figures found",
            counts.read,
            counts.failed,
            counts.warned()
        );
    }
    Ok(if counts.bad() { 2 } else { 0 })
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

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert_eq!(parse_size("12K"), Ok(12 << 10));
        assert!(parse_size("0").is_err() && parse_size("x").is_err() && parse_size("5T").is_err());
    }
}
