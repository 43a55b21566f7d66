//! Where output goes: stdout, a regular file replaced atomically, or a device or FIFO written through.
//!
//! `-o FILE` writes a temp file beside the target and renames it into place, so a reader never sees half a
//! table and an interrupted run leaves the old file as it was. The temp file is made with the mode a new file
//! gets from the umask, or given the mode of the file it replaces. A symlink is followed to the file it
//! names (the link stays a link); anything that is not a regular file (`/dev/null`, a FIFO) is written
//! through, never replaced. `-o -` is stdout.
//!
//! Temp files are named `.zhibiao-PID-XXXXXX.tmp`. SIGINT, SIGTERM and SIGHUP delete the open one and exit
//! 128 + the signal (130, 143, 129); a SIGKILL cannot be caught, so each run first removes the temp files
//! of runs that are gone (their PID no longer running, the file older than this run).

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use anyhow::Context;

/// Where output goes.
pub enum Sink {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// A temp file renamed onto the target when the output is complete.
    Atomic(BufWriter<tempfile::NamedTempFile>, PathBuf),
    /// A device, FIFO or other file that is not regular, written in place.
    Through(BufWriter<File>),
}

/// The prefix of our temp files.
const TEMP_PREFIX: &str = ".zhibiao-";
const TEMP_SUFFIX: &str = ".tmp";

/// How long a temp file of the form before PIDs were in names (`.zhibiao-XXXXXX`) must have been left
/// before a run takes it for litter: no run of that kind can still be writing it.
const OLD_TEMP_AGE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Symlinks followed before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

impl Sink {
    /// The sink for `-o PATH` (`None` or `-`: stdout).
    pub fn open(path: Option<&Path>) -> anyhow::Result<Self> {
        let Some(p) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Sink::Stdout(BufWriter::new(io::stdout())));
        };
        let target = follow_links(p).with_context(|| format!("cannot write {}", p.display()))?;
        let existing = match fs::metadata(&target) {
            Ok(m) if m.is_dir() => anyhow::bail!("cannot write {}: is a directory", p.display()),
            Ok(m) if !m.is_file() => {
                let f = fs::OpenOptions::new()
                    .write(true)
                    .open(&target)
                    .with_context(|| format!("cannot write {}", p.display()))?;
                return Ok(Sink::Through(BufWriter::new(f)));
            }
            Ok(m) => Some(m.permissions()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| format!("cannot write {}", p.display())),
        };
        let dir = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        remove_stale_temps(dir);
        let tmp = new_temp(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
        if let Some(perm) = existing {
            // An overwritten file keeps its mode.
            fs::set_permissions(tmp.path(), perm).with_context(|| format!("cannot write in {}", dir.display()))?;
        }
        Ok(Sink::Atomic(BufWriter::new(tmp), target))
    }

    /// Completes the output: flushes, and renames the temp file into place.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::Through(mut w) => Ok(w.flush()?),
            Sink::Atomic(w, target) => {
                let tmp = w.into_inner().map_err(|e| e.into_error())?;
                let path = tmp.path().to_path_buf();
                let r = tmp.persist(&target);
                forget(&path);
                r.with_context(|| format!("cannot write {}", target.display()))?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::Atomic(w, _) => w.write(buf),
            Sink::Through(w) => w.write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::Atomic(w, _) => w.write_all(buf),
            Sink::Through(w) => w.write_all(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::Atomic(w, _) => w.flush(),
            Sink::Through(w) => w.flush(),
        }
    }
}

/// The file a path names after its symlinks: a link's relative target is read from the link's folder.
/// A dangling link gives the path of the file it would create.
fn follow_links(p: &Path) -> io::Result<PathBuf> {
    let mut cur = p.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&cur) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&cur)?;
                cur = if to.is_absolute() { to } else { cur.parent().unwrap_or(Path::new("")).join(to) };
            }
            _ => return Ok(cur),
        }
    }
    Err(io::Error::other(format!("more than {MAX_LINKS} symlinks")))
}

/// A new temp file in `dir`, registered for removal on a signal, with the mode the umask gives a new file.
fn new_temp(dir: &Path) -> io::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    // Registered before it exists, so that a signal between its creation and its registration still finds
    // it; the lock keeps the handler from running in between.
    let mut pending = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    pending.push(tmp.path().to_path_buf());
    Ok(tmp)
}

/// Temp files to delete if the run is interrupted.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// When this run started: temp files older than that are no run's in progress once their PID is gone.
static STARTED: Mutex<Option<SystemTime>> = Mutex::new(None);

fn forget(p: &Path) {
    PENDING.lock().unwrap_or_else(|e| e.into_inner()).retain(|x| x != p);
}

/// Deletes the temp files of an interrupted run and exits with 128 + the signal, on SIGINT (130), SIGTERM
/// (143) and SIGHUP (129). Called once, at start.
pub fn install_signal_handlers() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    *STARTED.lock().unwrap_or_else(|e| e.into_inner()) = Some(SystemTime::now());
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
    let _ = std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(sig) = signals.forever().next() {
            for p in PENDING.lock().unwrap_or_else(|e| e.into_inner()).drain(..) {
                let _ = fs::remove_file(p);
            }
            std::process::exit(128 + sig);
        }
    });
}

/// Removes from `dir` the temp files that runs killed before they could clean up left there: files of
/// our name pattern, older than this run, whose run is no longer alive (or, for names without a PID,
/// left for a day). Anything else is left alone.
fn remove_stale_temps(dir: &Path) {
    let started = STARTED.lock().unwrap_or_else(|e| e.into_inner()).unwrap_or_else(SystemTime::now);
    let Ok(entries) = fs::read_dir(dir) else { return };
    let proc_mounted = Path::new("/proc/self").exists();
    for e in entries.flatten() {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(rest) = name.strip_prefix(TEMP_PREFIX) else { continue };
        let Ok(meta) = e.metadata() else { continue };
        let Ok(modified) = meta.modified() else { continue };
        if !meta.is_file() || modified >= started {
            continue;
        }
        let stale = match rest.strip_suffix(TEMP_SUFFIX).and_then(|r| r.split_once('-')) {
            Some((pid, random)) if random.len() == 6 && pid.bytes().all(|b| b.is_ascii_digit()) => {
                proc_mounted && pid != std::process::id().to_string() && !Path::new("/proc").join(pid).exists()
            }
            Some(_) => false,
            // `.zhibiao-XXXXXX`, as temp files were named before.
            None => {
                rest.len() == 6
                    && rest.bytes().all(|b| b.is_ascii_alphanumeric())
                    && started.duration_since(modified).is_ok_and(|age| age >= OLD_TEMP_AGE)
            }
        };
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symlinks_are_followed_relative_to_their_folder() {
        let d = tempfile::tempdir().unwrap();
        std::fs::create_dir(d.path().join("sub")).unwrap();
        std::os::unix::fs::symlink("sub/real.csv", d.path().join("a")).unwrap();
        std::os::unix::fs::symlink("a", d.path().join("b")).unwrap();
        assert_eq!(follow_links(&d.path().join("b")).unwrap(), d.path().join("sub/real.csv"));
        std::os::unix::fs::symlink("loop", d.path().join("loop")).unwrap();
        assert!(follow_links(&d.path().join("loop")).is_err());
    }
}
