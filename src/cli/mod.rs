//! Command-line interface: one module per subcommand.

mod common;
mod extract;
mod text;
mod view;

use clap::{Parser, Subcommand};

/// zhibiao (指标): tables of indicators from Chinese government reports.
#[derive(Parser, Debug)]
#[command(name = "zhibiao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract every figure with its subject into a table (CSV, JSON Lines or JSON).
    Extract(extract::Args),
    /// Print the decoded plain text that start/end offsets refer to.
    Text(text::Args),
    /// Write one self-contained HTML page showing the figures in the text, their checks and trends.
    View(view::Args),
}

/// Runs the command line; returns the exit code.
pub fn run() -> anyhow::Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Text(a) => text::run(a),
        Command::View(a) => view::run(a),
    }
}
