//! Command-line interface: one module per subcommand, and what they share (flags, the batch driver, the
//! output sink). Only this module knows clap.

mod batch;
mod common;
mod compare;
mod extract;
mod ordered;
mod schema;
mod sink;
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
    /// Extract every figure with its subject into a table (CSV, TSV, JSON Lines, JSON, xlsx or Parquet).
    Extract(extract::Args),
    /// Line up the same indicator across the reports of successive years (one row per indicator, columns per year).
    Compare(compare::Args),
    /// Print the decoded plain text that start/end offsets refer to.
    Text(text::Args),
    /// Check every stated percentage, growth rate and percentage-point change against its figures.
    Verify(verify::Args),
    /// Write a self-contained HTML page: the report text with its figures highlighted, checks and trends.
    View(view::Args),
    /// Print the JSON Schema of a table's rows (extract, verify, compare, compare-long, claims).
    Schema(schema::Args),
}

/// Runs the command line; returns the exit code.
pub fn run() -> anyhow::Result<u8> {
    sink::install_signal_handlers();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // `--stdin-jsonl` promises to read stdin to the end, even when its flags are wrong.
            if e.use_stderr() && std::env::args_os().any(|a| a == "--stdin-jsonl") {
                let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
            }
            e.exit();
        }
    };
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Text(a) => text::run(a),
        Command::Verify(a) => verify::run(a),
        Command::View(a) => view::run(a),
        Command::Schema(a) => schema::run(a),
    }
}
