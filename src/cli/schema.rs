//! `zhibiao schema`: the JSON Schema of a table's rows, for readers that would guess types otherwise.

use std::io::Write;

use zhibiao::output::{Names, TABLES, json_schema, schema_of};

use super::common::HeadersArg;

/// Flags of `schema`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The table: what `extract`, `verify`, `compare`, `compare --long` (compare-long) or `compare --claims`
    /// (claims) writes.
    #[arg(default_value = "extract", value_parser = clap::builder::PossibleValuesParser::new(TABLES))]
    pub table: String,
    /// Column names and enumerated values as `--headers` gives them.
    #[arg(long, value_enum, default_value_t = HeadersArg::En)]
    pub headers: HeadersArg,
    /// Column names as `--legacy-names` gives them.
    #[arg(long, env = "ZHIBIAO_LEGACY_NAMES", value_parser = clap::builder::FalseyValueParser::new())]
    pub legacy_names: bool,
}

/// Runs `schema`.
pub fn run(a: Args) -> anyhow::Result<u8> {
    let schema = schema_of(&a.table).expect("a table clap let through");
    let names = match (a.headers, a.legacy_names) {
        (HeadersArg::Zh, _) => Names::Zh,
        (HeadersArg::En, true) => Names::Legacy,
        (HeadersArg::En, false) => Names::En,
    };
    let mut text = serde_json::to_string_pretty(&json_schema(&schema, names))?;
    text.push('\n');
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(0)
}
