//! Command-line interface: one module per subcommand.

mod common;
mod compare;
mod extract;
mod ordered;
mod text;
mod verify;
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
    /// Line up the same indicator across the reports of successive years (one row per indicator, a column per year).
    Compare(compare::Args),
    /// Print the decoded plain text that start/end offsets refer to.
    Text(text::Args),
    /// Check every stated percentage, growth rate and percentage-point change against its figures.
    Verify(verify::Args),
    /// Write a self-contained HTML page: the report text with its figures highlighted, checks and trends.
    View(view::Args),
}

/// Runs the command line; returns the exit code.
pub fn run() -> anyhow::Result<u8> {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Text(a) => text::run(a),
        Command::Verify(a) => verify::run(a),
        Command::View(a) => view::run(a),
    }
}
