//! The `zhibiao` command: flags to configuration, outcomes to exit codes. All work is in the library.

mod cli;

use std::process::ExitCode;

/// Whether the error is, at any depth, a write to a closed pipe (`zhibiao … | head`): the reader has what
/// it wanted, which is success.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => ExitCode::from(code),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhibiao: {e:#}");
            ExitCode::from(2)
        }
    }
}
