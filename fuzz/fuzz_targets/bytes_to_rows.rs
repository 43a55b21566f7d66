//! Bytes to rows, the whole path: `input::read_bytes` under several file names → `Analyzer::analyze` (checks
//! included) → `Row` → CSV writer. No panic, no hang, and every span points at its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhibiao::input::{InputOptions, read_bytes};
use zhibiao::output::{Format, Row, RowWriter};
use zhibiao::{Analyzer, Dicts, Options};

/// The first byte picks the name, so every reader gets fuzzed.
const NAMES: &[&str] = &["r.txt", "r.md", "r.html", "r.docx", "r.csv", "r.tsv", "r.tmx", "r.zip", "r.pdf", "r"];

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new(Dicts::builtin(), Options { keep_non_indicators: true, ..Default::default() }))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    let forced = match pick / 16 {
        1 => Some(encoding_rs_label("gbk")),
        2 => Some(encoding_rs_label("utf-8")),
        _ => None,
    };
    let opts = InputOptions { encoding: forced, ..Default::default() };
    let mut w = RowWriter::new(Format::Csv, Vec::new(), false).unwrap();
    for doc in read_bytes(name, bytes, &opts).into_iter().flatten() {
        let report = analyzer().analyze(&doc);
        let chars: Vec<char> = doc.text.chars().collect();
        for ind in &report.indicators {
            let row = Row::new(&report, ind);
            assert!(row.start <= row.end && row.end <= chars.len(), "span out of the text");
            let span: String = chars[row.start..row.end].iter().collect();
            assert_eq!(span, row.raw, "text[start..end] != raw");
            w.write(&row).unwrap();
        }
    }
    w.finish().unwrap();
});

fn encoding_rs_label(l: &str) -> &'static encoding_rs::Encoding {
    encoding_rs::Encoding::for_label(l.as_bytes()).unwrap()
}
